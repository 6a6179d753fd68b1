/**
 * A citizen searches the fixture site: from the header box to highlighted results, filters and
 * sort in the URL, paging, the keyboard, zero results, synonyms, drafts, old browsers, no
 * JavaScript and the strict CSP. Relevance itself is measured in search-relevance.spec.ts.
 */
import { PUBLIC_CSP, serializeCsp } from '../../src/build/csp.ts';
import { recordPagefindSearches, resultPaths, waitForResults, withoutSegmenter } from '../support/search-page.ts';
import { expect, test } from '../support/test.ts';

test.describe('site search', () => {
  for (const width of [375, 1280]) {
    test(`from the header box to results with title, 栏目, date and highlighted excerpt, at ${width} px`, async ({
      page,
      fixtureUrl,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(fixtureUrl);
      await page.getByRole('searchbox', { name: '搜索本站' }).fill('家庭教育');
      await page.getByRole('searchbox', { name: '搜索本站' }).press('Enter');
      await expect(page).toHaveURL(/\/search\/\?q=%E5%AE%B6%E5%BA%AD%E6%95%99%E8%82%B2$/);
      await waitForResults(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('站内搜索');
      await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue('家庭教育');
      await expect(page.getByRole('status')).toHaveText(/^找到 \d+ 条与“家庭教育”相关的结果$/);
      const first = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first();
      await expect(first.getByRole('heading', { level: 2 })).toHaveText('家庭教育公益讲座走进月亮岛街道');
      await expect(first).toContainText('工作动态');
      await expect(first.locator('time')).toHaveText('2024年5月11日');
      // The whole term is highlighted, not 家庭 and 教育 apart.
      await expect(first.locator('mark').first()).toHaveText('家庭教育');
      expect((await first.locator('.fl-search-result__excerpt').textContent())!.length).toBeGreaterThan(60);
      // The 搜索 button beside the box keeps its label on one line (it once wrapped to 搜 / 索).
      const labelLines = await page.locator('.fl-search__submit').evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(labelLines).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await first.getByRole('link').click();
      await expect(page).toHaveURL(/\/news\/2024-jiajiao-jiangzuo\/$/);
    });
  }

  test('filters and sort are form controls; the state lives in the URL and the back button restores it', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/search/?q=妇联`);
    await waitForResults(page);
    const unfiltered = await page.getByRole('status').textContent();
    await page.getByText('筛选和排序').click();
    await page.getByLabel('栏目').selectOption({ label: '工作动态' });
    await page.getByLabel('排序').selectOption({ label: '最新发布的在前' });
    await page.getByRole('button', { name: '应用筛选' }).click();
    await expect(page).toHaveURL(/[?&]section=news/);
    await expect(page).toHaveURL(/[?&]sort=date/);
    await waitForResults(page);
    const paths = await resultPaths(page);
    expect(paths.length).toBeGreaterThan(3);
    expect(paths.every((path) => path.startsWith('/news/'))).toBe(true);
    // Newest first, and all of them hold 妇联: enough pages hold the phrase that the search isn't
    // widened to pages matching it only in part (妇女 … 联合).
    const dates = await page
      .locator('.fl-search-result time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(dates).toEqual(dates.toSorted().reverse());
    await expect(page.locator('.fl-search-result__partial')).toHaveCount(0);

    await page.goBack();
    await expect(page).toHaveURL(/\/search\/\?q=%E5%A6%87%E8%81%94$/);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText(unfiltered!);
    await expect(page.getByLabel('栏目')).toHaveValue('');
    await page.goForward();
    await waitForResults(page);
    await expect(page.getByLabel('栏目')).toHaveValue('news');
  });

  test('year, kind, form and town filters narrow the results, with or without words', async ({ page, fixtureUrl }) => {
    const search = async (query: string) => {
      await page.goto(`${fixtureUrl}/search/?${query}`);
      await waitForResults(page);
      return resultPaths(page);
    };
    expect(await search('section=notices&kind=政策文件')).toEqual([
      '/notices/2024-new-rules/',
      '/notices/2023-old-rules/',
    ]);
    expect(await search('section=notices&kind=政策文件&year=2023')).toEqual(['/notices/2023-old-rules/']);
    expect(await search('q=某某&town=靖港镇')).toEqual(['/stories/2024-zhou-jiating/']);
    expect(await search('q=作品&form=书法')).toEqual(['/jiafeng/2024-shufa/']);
    await expect(page.getByLabel('家风作品形式')).toHaveValue('书法');
  });

  test('pages of ten results, the page in the URL, focus moved to the count', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/search/?section=notices`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('共 26 条内容（第 1 页，共 3 页）');
    const firstPage = await resultPaths(page);
    expect(firstPage).toHaveLength(10);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await waitForResults(page);
    await expect(page.getByRole('status')).toBeFocused();
    const secondPage = await resultPaths(page);
    expect(secondPage).toHaveLength(10);
    expect(secondPage.some((path) => firstPage.includes(path))).toBe(false);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 3 页' }).click();
    await waitForResults(page);
    expect(await resultPaths(page)).toHaveLength(6);
    await page.goBack();
    await waitForResults(page);
    expect(await resultPaths(page)).toEqual(secondPage);
  });

  test('works with the keyboard alone, with a visible focus', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/search/`);
    const box = page.getByRole('searchbox', { name: '搜索关键词' });
    await box.focus();
    await page.keyboard.type('两癌');
    await page.keyboard.press('Enter');
    await waitForResults(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '搜索', exact: true }).last()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByText('筛选和排序')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('栏目')).toBeFocused();
    await page.getByLabel('排序').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '应用筛选' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '清除筛选' })).toBeFocused();
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: '农村适龄妇女免费“两癌”检查开始预约' });
    await expect(link).toBeFocused();
    // The focus is visible: the link looks different focused than not (the site's focus style).
    const look = () =>
      link.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.backgroundColor, style.outlineStyle, style.boxShadow, style.color].join(' | ');
      });
    const focused = await look();
    await link.evaluate((el) => (el as HTMLElement).blur());
    expect(focused).not.toBe(await look());
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/news\/2024-liangai-jiancha\/$/);
  });

  test('zero results: says so plainly, suggests broader terms, shows 12338 and the sections', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/search/?q=量子计算机&section=news`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('没有找到与“量子计算机”相关的内容。');
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('listitem')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '不加筛选条件，搜索“量子计算机”' })).toBeVisible();
    await expect(page.getByRole('link', { name: '量子', exact: true })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: '12338' })).toHaveAttribute('href', 'tel:12338');
    for (const section of ['通知公告', '女性人才八项措施', '典型风采', '家风作品', '工作动态']) {
      await expect(main.getByRole('link', { name: section, exact: true })).toBeVisible();
    }
    await main.getByRole('link', { name: '两癌', exact: true }).click();
    await expect(page).toHaveURL(/\?q=%E4%B8%A4%E7%99%8C$/);
    await waitForResults(page);
    expect(await resultPaths(page)).toContain('/news/2024-liangai-jiancha/');
    await expect(main.getByRole('link', { name: '12338' })).toBeHidden();
  });

  test('a word that enough pages hold: only pages holding it, without the slow plain search', async ({
    page,
    fixtureUrl,
  }) => {
    // The plain search (妇 and 联 as prefixes, so 妇女 and 联合 too) is what costs seconds at
    // 5,000 pages; the quoted search alone is enough here.
    const asked = await recordPagefindSearches(page);
    await page.goto(`${fixtureUrl}/search/?q=妇联`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText(/^找到 1\d 条与“妇联”相关的结果（第 1 页，共 2 页）$/);
    expect(await asked()).toEqual(['"妇 联"']);
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
    // Every result holds the phrase (in its title or its excerpt): none has only 妇女 and 联合.
    for (const pageNumber of [1, 2]) {
      if (pageNumber === 2) {
        await page.getByRole('link', { name: /下一页/ }).click();
        await waitForResults(page);
      }
      for (const text of await results.allTextContents()) expect(text).toContain('妇联');
    }
  });

  test('a pause in typing starts the search, so Enter shows it without asking Pagefind again; never the slow plain search', async ({
    page,
    fixtureUrl,
  }) => {
    const asked = await recordPagefindSearches(page);
    // Result fragments, fetched by Pagefind's worker (so not in the page's own resource timing).
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
    });
    await page.goto(`${fixtureUrl}/search/`);
    const box = page.getByRole('searchbox', { name: '搜索关键词' });
    // Half a question: its phrase is on no page, so only the quoted search runs while typing.
    await box.pressSequentially('怎么参加', { delay: 50 });
    await expect.poll(asked).toEqual(['"怎么 参加"']);
    await page.waitForTimeout(400);
    expect(await asked()).toEqual(['"怎么 参加"']);
    // A word that enough pages hold: the search and its first page's fragments are done before Enter.
    await box.fill('');
    await box.pressSequentially('妇联', { delay: 50 });
    await expect.poll(asked).toEqual(['"怎么 参加"', '"妇 联"']);
    await expect.poll(() => fragments.length).toBeGreaterThanOrEqual(10);
    await box.press('Enter');
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText(/^找到 1\d 条与“妇联”相关的结果（第 1 页，共 2 页）$/);
    expect(await asked()).toEqual(['"怎么 参加"', '"妇 联"']);
  });

  test('a word that only one page holds: that page, then pages matching it only in part, under a note', async ({
    page,
    fixtureUrl,
  }) => {
    await page.goto(`${fixtureUrl}/search/?q=维权`);
    await waitForResults(page);
    const paths = await resultPaths(page);
    expect(paths[0]).toBe('/news/2024-12338-rexian/');
    expect(paths.length).toBeGreaterThan(1);
    // Too few pages hold the phrase, so the search is widened: the note sits on the first partial result.
    await expect(page.locator('.fl-search-result').nth(1).getByText('以下结果只与搜索词部分相符。')).toBeVisible();
  });

  test('a question the plain search answers asks no term alone; one with words on no page asks only those', async ({
    page,
    fixtureUrl,
  }) => {
    // Each term's own search costs as much as the plain one (at 5,000 pages, a question took
    // 1.8× bare Pagefind with them): it is needed only when a term may be missing from the results.
    const asked = await recordPagefindSearches(page);
    await page.goto(`${fixtureUrl}/search/?q=哪里有志愿服务`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText('找到 5 条与“哪里有志愿服务”相关的结果');
    expect(await asked()).toEqual(['"哪里 有 志愿 服务"', '志愿 服务']);
    await expect(page.locator('.fl-search-result').first().getByRole('heading')).toHaveText('巾帼志愿服务大赛举行');
    await expect(page.getByText('以下结果只与搜索词部分相符。')).toHaveCount(0);

    // 量子纠缠 is on no page, so Pagefind skips it and the plain search holds the pages with
    // 望城 and 妇女 (half the terms): the first result lacks 量子 and 纠缠, so only those two are
    // looked up; found on no page, the plain search's pages are the partial matches.
    await page.goto(`${fixtureUrl}/search/?q=望城妇女量子纠缠`);
    await waitForResults(page);
    expect(await asked()).toEqual(['"望 城 妇女 量子 纠缠"', '望 城 妇女 量子 纠缠', '量子', '纠缠']);
    await expect(page.locator('.fl-search-result').first().getByText('以下结果只与搜索词部分相符。')).toBeVisible();
    expect((await resultPaths(page)).length).toBeGreaterThanOrEqual(3);

    // Only one of four terms on any page (通知): not even a partial match.
    await page.goto(`${fixtureUrl}/search/?q=草稿机密通知甲乙丙`);
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText(/^没有找到/);
  });

  test('typed through an input method, the search starts in the pause after the characters are chosen', async ({
    page,
    fixtureUrl,
  }) => {
    const asked = await recordPagefindSearches(page);
    await page.goto(`${fixtureUrl}/search/`);
    const box = page.getByRole('searchbox', { name: '搜索关键词' });
    await box.click();
    // As a pinyin input method types: the pinyin grows while composing, then 妇联 is chosen.
    const cdp = await page.context().newCDPSession(page);
    const pinyin = 'fulian';
    for (let i = 1; i <= pinyin.length; i += 1) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    }
    await page.waitForTimeout(300);
    // Nothing is searched for letters still being composed.
    expect(await asked()).toEqual([]);
    await cdp.send('Input.insertText', { text: '妇联' });
    await expect(box).toHaveValue('妇联');
    await expect.poll(asked).toEqual(['"妇 联"']);
    await box.press('Enter');
    await waitForResults(page);
    await expect(page.getByRole('status')).toHaveText(/^找到 1\d 条与“妇联”相关的结果（第 1 页，共 2 页）$/);
    expect(await asked()).toEqual(['"妇 联"']);
  });

  test('a query that finds too little is widened with synonyms, and the page says so', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/search/?q=家暴`);
    await waitForResults(page);
    await expect(page.getByText('搜到的结果较少，同时搜索了意思相近的词：家庭暴力')).toBeVisible();
    expect((await resultPaths(page))[0]).toBe('/news/2024-fanjiabao-xuanchuan/');
    // The page also holds 反家暴 (a synonym, added to the fixture for search that forgives).
    await expect(page.locator('.fl-search-result mark').first()).toHaveText(/^(家庭暴力|反家暴)$/);
  });

  test('draft text is never found', async ({ page, fixtureUrl }) => {
    await page.goto(`${fixtureUrl}/search/`);
    for (const text of ['草稿机密通知甲乙丙', '草稿机密正文丁戊己', '草稿人物庚辛', '草稿新闻壬癸']) {
      const box = page.getByRole('searchbox', { name: '搜索关键词' });
      await box.fill(text);
      await box.press('Enter');
      await waitForResults(page);
      expect(await resultPaths(page), text).toEqual([]);
      await expect(page.getByRole('status')).toHaveText(`没有找到与“${text}”相关的内容。`);
    }
  });

  test('without Intl.Segmenter a Chinese query is split with the site’s word list', async ({ page, fixtureUrl }) => {
    await withoutSegmenter(page);
    const words = page.waitForRequest('**/search/words.json');
    await page.goto(`${fixtureUrl}/search/?q=家庭教育`);
    await words;
    await waitForResults(page);
    expect((await resultPaths(page)).slice(0, 2).toSorted()).toEqual([
      '/news/2024-jiajiao-jiangzuo/',
      '/news/2024-jiajiao-zhidaozhan/',
    ]);
    await expect(page.locator('.fl-search-result mark').first()).toHaveText('家庭教育');
  });

  test('without JavaScript the page says search needs it and links the lists and the site map', async ({
    browser,
    fixtureUrl,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixtureUrl}/search/?q=妇联`);
    await expect(page.getByText(/^站内搜索需要浏览器开启 JavaScript/)).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '通知公告', exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '网站地图' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toBeHidden();
    await context.close();
  });

  test('works under the public Content Security Policy, with no violation', async ({ page, fixtureUrl }) => {
    const csp = serializeCsp(PUBLIC_CSP);
    await page.route(`${fixtureUrl}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${fixtureUrl}/search/?q=两癌`);
    await waitForResults(page);
    expect(await resultPaths(page)).toContain('/news/2024-liangai-jiancha/');
    expect(violations).toEqual([]);
  });
});
