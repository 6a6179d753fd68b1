/** A citizen reads the site: home → list → detail, a notice's 信息公开 table, paging, 404, print. */
import { expect, test } from '../support/test.ts';

test.describe('reading the site', () => {
  for (const width of [375, 1280]) {
    test(`home → notices list → notice, at ${width} px`, async ({ page, fixtureUrl }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(fixtureUrl);
      await expect(page).toHaveTitle('望城区妇女联合会（测试站）');
      await expect(page.getByRole('link', { name: '12338' }).first()).toBeVisible();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知公告' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知公告');
      await page.getByRole('link', { name: '关于印发《长沙市望城区妇联2024年工作要点》的通知' }).click();
      await expect(page).toHaveURL(/\/notices\/wangfufa-2024-1\/$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        '关于印发《长沙市望城区妇联2024年工作要点》的通知',
      );
      const crumbs = page.getByRole('navigation', { name: '当前位置' });
      await expect(crumbs.getByRole('link')).toHaveText(['首页', '通知公告']);
      // Nothing may overflow sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('a notice shows the 信息公开 table with all seven facts', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/notices/wangfufa-2024-1/`);
    const table = page.getByRole('table', { name: '信息公开' });
    const rows = table.getByRole('row');
    await expect(rows.getByRole('rowheader')).toHaveText([
      '索引号',
      '发布机构',
      '文号',
      '成文日期',
      '发布日期',
      '主题分类',
      '有效性',
    ]);
    await expect(rows.getByRole('cell')).toHaveText([
      'WC-FL-2024-0001',
      '长沙市望城区妇女联合会',
      '望妇发〔2024〕1号',
      '2023年12月29日',
      '2024年1月2日日期待核实',
      '妇女儿童',
      '现行有效',
    ]);
    // The guessed date is flagged, never shown as confirmed.
    await expect(page.locator('.fl-entry-meta').getByText('日期待核实')).toBeVisible();
    // Attachments show format and size computed from the file.
    await expect(page.getByRole('listitem').filter({ hasText: '工作要点表格' })).toContainText('（Excel，2 KB）');
  });

  test('a 已废止 notice says so and links its replacement; policy and 解读 link both ways', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/notices/2023-old-rules/`);
    await expect(page.getByRole('note').filter({ hasText: '本文件已废止' })).toBeVisible();
    await page.getByRole('link', { name: '望城区巾帼志愿服务管理办法' }).first().click();
    await expect(page).toHaveURL(/\/notices\/2024-new-rules\/$/);
    await page.getByRole('link', { name: '《望城区巾帼志愿服务管理办法》政策解读' }).first().click();
    await expect(page.getByText('本文是以下政策的解读：')).toBeVisible();
    await expect(page.getByRole('link', { name: '望城区巾帼志愿服务管理办法' }).first()).toHaveAttribute(
      'href',
      '/notices/2024-new-rules/',
    );
  });

  test('sample content carries the 示例内容 banner; real content does not', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/notices/2024-new-rules/`);
    await expect(page.getByRole('note', { name: '示例内容' })).toBeVisible();
    await page.goto(`${fixtureUrl}/notices/wangfufa-2024-1/`);
    await expect(page.getByRole('note', { name: '示例内容' })).toHaveCount(0);
  });

  test('the notices list pages by 20, newest first, with a year filter of plain links', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/notices/`);
    await expect(page.getByText('第 1 页，共 2 页')).toBeVisible();
    const items = page.locator('.fl-entry-list__item');
    await expect(items).toHaveCount(20);
    await expect(items.first()).toContainText('2024年3月2日');
    const pager = page.getByRole('navigation', { name: '分页' });
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/notices\/page\/2\/$/);
    await expect(page.locator('.fl-entry-list__item')).toHaveCount(6);
    await expect(pager.getByRole('link', { name: '第 2 页' })).toHaveAttribute('aria-current', 'page');

    await page.getByRole('navigation', { name: '按年份查看' }).getByRole('link', { name: '2024年' }).click();
    await expect(page).toHaveURL(/\/notices\/year\/2024\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知公告（2024年）');
    await expect(page.locator('.fl-year-group__title')).toHaveText(['2024年']);
  });

  test('the measures overview lists the eight published measures in order, with anchors', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/measures/`);
    const sections = page.locator('section.fl-measure');
    await expect(sections).toHaveCount(8);
    for (let order = 1; order <= 8; order += 1) {
      await expect(page.locator(`#measure-${order} h2`)).toContainText(`第${order}项`);
    }
    await expect(page.getByText('草稿措施')).toHaveCount(0);
  });

  test('an unknown address gets the friendly 404 page with status 404', async ({ page, fixtureUrl }) => {
    const response = await page.goto(`${fixtureUrl}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
    await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();
  });

  test('the footer shows the settings, hides empty ones and never a fake number', async ({
    page,
    fixtureUrl,
    siteUrl,
  }) => {
    await page.goto(fixtureUrl);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('主办单位：长沙市望城区妇女联合会');
    await expect(footer.getByRole('link', { name: '湘ICP备00000000号-1（测试）' })).toHaveAttribute(
      'href',
      'https://beian.miit.gov.cn/',
    );
    await expect(footer.getByRole('img', { name: /微信公众号“望城妇联”二维码/ })).toBeVisible();
    await expect(footer.getByRole('link', { name: '我要纠错' })).toHaveAttribute(
      'href',
      /^mailto:fixture@example\.org\?subject=/,
    );
    // The real settings leave phone, address and registration numbers empty: nothing is shown.
    await page.goto(siteUrl);
    const realFooter = page.getByRole('contentinfo');
    await expect(realFooter).not.toContainText('ICP');
    await expect(realFooter).not.toContainText('电话：');
    await expect(realFooter).not.toContainText('地址：');
  });

  test('print hides the navigation and keeps the notice and its table', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/notices/wangfufa-2024-1/`);
    await expect(page.getByRole('button', { name: '打印本页' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('search')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
    await expect(page.getByRole('table', { name: '信息公开' })).toBeVisible();
    const color = await page
      .locator('.fl-prose p')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(0, 0, 0)');
  });

  test('every kind of page of the real content opens', async ({ page, siteUrl }) => {
    for (const path of [
      '/',
      '/notices/',
      '/measures/',
      '/stories/',
      '/jiafeng/',
      '/news/',
      '/about/',
      '/weiquan/',
      '/accessibility/',
      '/sitemap/',
      '/search/',
    ]) {
      const response = await page.goto(`${siteUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    }
  });
});
