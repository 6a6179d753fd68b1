/**
 * Screenshots of the real admin for docs/editor-guide.md: `node scripts/generate/editor-guide-screenshots.ts`.
 *
 * Drives the built admin (.test-dist/site, built first if missing) in Chromium against a real
 * decap-server over a temporary copy of the content, doing the guide's three tasks, and writes
 * docs/images/editor-guide/NN-name.png. Needs a Chinese font (fonts-noto-cjk).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { buildSite } from '../../tests/support/build.ts';
import { makeEditorRepo, routeLocalBackend, startDecapServer } from '../../tests/support/cms.ts';
import { ROOT, SITE_DIST, TEST_SITE_URL } from '../../tests/support/paths.ts';
import { screenshotRegion } from '../../tests/support/screenshots.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

const OUT = path.join(ROOT, 'docs/images/editor-guide');

if (!fs.existsSync(path.join(SITE_DIST, 'admin/index.html'))) {
  console.log('building the site first…');
  const result = buildSite({ SITE_OUT_DIR: SITE_DIST, SITE_URL: TEST_SITE_URL });
  if (result.status !== 0) throw new Error(result.stderr);
}
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

const repo = makeEditorRepo();
// Outside the repository: decap-server commits everything inside it (git add .).
const uploadDir = `${repo}-upload`;
const upload = path.join(uploadDir, '活动报名表.pdf');
const decap = await startDecapServer(repo);
const site = await serveStatic(SITE_DIST);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page: Page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1200, height: 760 } });
const backend = await routeLocalBackend(page, decap);
const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));

/**
 * Saves a screenshot as NN-name.png: the page, its top `height` pixels, or `region` with a
 * margin. Cropped to what the step shows, to keep the PNGs small.
 */
async function shot(name: string, region?: Locator | { height: number }): Promise<void> {
  // Wait out the toasts of earlier steps (“内容已保存” lingers a few seconds).
  await page
    .locator('.Toastify__toast')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const file = path.join(OUT, `${name}.png`);
  if (region && 'height' in region) {
    await page.screenshot({
      path: file,
      clip: { x: 0, y: 0, width: 1200, height: region.height },
      animations: 'disabled',
    });
  } else {
    await screenshotRegion(page, file, region);
  }
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function open(hash: string) {
  await page.goto(`${site.url}/admin/#/`);
  await page.getByRole('heading', { name: '集合' }).waitFor();
  await page.goto(`${site.url}/admin/#/${hash}`);
  await page.getByRole('button', { name: '保存' }).waitFor();
  await backend.settled();
}

/** A field's whole block (label, control, hint): Decap labels each block 输入项 (admin/locale.ts). */
const block = (label: string) =>
  page
    .getByLabel('输入项', { exact: true })
    .filter({ has: page.getByText(new RegExp(`^${label}( \\(可选\\))?$`)) })
    .last();

try {
  // 任务一：发布一篇有文号和附件的通知
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).waitFor();
  await shot('01-login', { height: 560 });
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '集合' }).waitFor();
  await shot('02-collections');

  await open('collections/notices/new');
  await field('标题').fill('关于开展2024年“三八”妇女节系列活动的通知');
  await field('网址简称').fill('sanba-huodong');
  await field('发布日期').fill('2024-03-01');
  await field('摘要').fill('区妇联在全区组织“三八”妇女节系列活动，附报名表。');
  await field('标签').fill('三八节、妇女节');
  await shot('03-notice-top');
  await field('类型').click();
  await page.getByRole('option', { name: '通知', exact: true }).click();
  await field('文号').fill('望妇发〔2024〕3号');
  await field('成文日期').fill('2024-02-28');
  await field('主题分类').fill('妇女儿童');
  await shot('04-doc-number');

  await page.getByRole('button', { name: '新增附件' }).click();
  await field('附件名称').fill('活动报名表');
  await page.getByRole('button', { name: '选择文件' }).click();
  fs.mkdirSync(uploadDir, { recursive: true });
  fs.writeFileSync(upload, '%PDF-1.4\n% 示例附件\n');
  await page.locator('input[type="file"]').setInputFiles(upload);
  await page.getByRole('button', { name: '选用已选中项目' }).waitFor();
  await shot('05-upload');
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await shot('06-attachment', block('附件'));

  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type(
    '各街镇妇联：\n\n## 一、活动安排\n\n- 3月8日上午：座谈会\n- 3月8日下午：志愿服务\n\n请填写附件中的报名表。',
  );
  await shot('07-body');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('内容已保存').first().waitFor();
  await backend.settled();
  await shot('08-saved', { height: 220 });
  await page.getByRole('button', { name: /^状态/ }).click();
  await shot('09-status', { height: 220 });
  await page.getByRole('menuitem', { name: '待审核' }).click();
  await backend.settled();
  await page.getByRole('button', { name: /^状态/ }).click();
  await page.getByRole('menuitem', { name: '待发布' }).click();
  await backend.settled();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await shot('10-publish', { height: 220 });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await page.getByText('内容已发布').waitFor();
  await backend.settled();

  // 任务二：添加一篇带照片的典型风采
  await open('collections/stories/new');
  await field('标题').fill('社区里的“爱心妈妈”');
  await field('网址简称').fill('aixin-mama-shequ');
  await field('发布日期').fill('2024-06-01');
  await field('人物或家庭').fill('王某某');
  await page.getByRole('button', { name: '选择图片' }).click();
  await page.locator('input[type="file"]').setInputFiles(path.join(repo, 'content/stories/images/aixin-mama.jpg'));
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type('王某某是社区的巾帼志愿者。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('设置了封面图片，就必须填写封面图片替代文字').waitFor();
  await shot('11-alt-missing', block('封面图片替代文字'));
  await field('封面图片替代文字').fill('一位女志愿者和一个小男孩坐在树下的长椅上一起读书。');
  await shot('12-photo');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('内容已保存').first().waitFor();
  await backend.settled();

  // 任务三：草稿和审核；改一个错字
  await open('collections/news/entries/2024-03-04-chunfeng-zhaopinhui');
  await field('来源').fill('望城区妇联办公室');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByText('内容已保存').first().waitFor();
  await backend.settled();
  await page.goto(`${site.url}/admin/#/workflow`);
  await page.getByRole('heading', { name: '待审核' }).waitFor();
  await backend.settled();
  await shot('13-workflow');
  await open('collections/notices/entries/wangfufa-2024-1');
  await shot('14-existing', { height: 420 });
} finally {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await browser.close();
  await site.close();
  await decap.close();
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(uploadDir, { recursive: true, force: true });
}
