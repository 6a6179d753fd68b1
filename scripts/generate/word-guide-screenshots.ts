/**
 * Screenshots of the real admin for the editor guide's Word section (docs/editor-guide.md,
 * “六、从 Word 导入和粘贴”): `node scripts/generate/word-guide-screenshots.ts`.
 *
 * Drives the built admin (.test-dist/site: run `npm run test:build` first) in Chromium against a
 * real decap-server over a temporary copy of the content: imports the test fixtures' Word files
 * (tests/support/docx-fixtures.ts), pastes Word's clipboard HTML, and saves with a field left
 * empty. Writes docs/images/editor-guide-word/NN-name.png (a folder of its own: the main guide's
 * script empties docs/images/editor-guide/). Needs a Chinese font (fonts-noto-cjk).
 * `--narrow` also writes 375 px wide shots to .test-dist/ for checking, not for the guide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { makeEditorRepo, routeLocalBackend, startDecapServer } from '../../tests/support/cms.ts';
import { images, redHeaderNotice } from '../../tests/support/docx-fixtures.ts';
import { ROOT, SITE_DIST, TEST_DIST } from '../../tests/support/paths.ts';
import { screenshotRegion } from '../../tests/support/screenshots.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { chooseWordFile, pasteFromWord } from '../../tests/support/word-clipboard.ts';

const OUT = path.join(ROOT, 'docs/images/editor-guide-word');
const NARROW = process.argv.includes('--narrow');
if (!fs.existsSync(path.join(SITE_DIST, 'admin/index.html'))) throw new Error('先运行 npm run test:build');
fs.mkdirSync(OUT, { recursive: true });

const repo = makeEditorRepo();
const decap = await startDecapServer(repo);
const site = await serveStatic(SITE_DIST);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const width = NARROW ? 375 : 1280;
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: NARROW ? 800 : 820 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
const page: Page = await context.newPage();
const backend = await routeLocalBackend(page, decap);
// Leaving a filled-in form: Decap asks whether to discard it.
page.on('dialog', (dialog) => void dialog.accept());
const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));
const out = NARROW ? path.join(TEST_DIST, 'word-guide-narrow') : OUT;
fs.mkdirSync(out, { recursive: true });

/** Saves the viewport, or `region` with a margin, as NN-name.png. */
async function shot(name: string, region?: Locator): Promise<void> {
  await page.waitForTimeout(500);
  const file = path.join(out, `${name}.png`);
  await screenshotRegion(page, file, region);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function openNew(collection: string) {
  await page.goto(`${site.url}/admin/#/`);
  await page.getByRole('heading', { name: '集合' }).waitFor();
  await page.goto(`${site.url}/admin/#/collections/${collection}/new`);
  await page.getByRole('button', { name: '保存' }).waitFor();
  await backend.settled();
}

async function importDocx(name: string, bytes: Uint8Array) {
  await chooseWordFile(page, {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(bytes),
  });
  await page.getByText(`已从“${name}”导入`).waitFor();
}

try {
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '集合' }).waitFor();

  // 1. The import button on a new notice.
  await openNew('notices');
  await shot('01-import-button', page.locator('.fl-word-import').locator('..'));

  // 2. A red-header notice, imported: fields, report, body and preview.
  await importDocx('关于开展最美家庭推选活动的通知.docx', await redHeaderNotice());
  await page.locator('.fl-word-report').scrollIntoViewIfNeeded();
  await shot('02-imported-report', page.locator('.fl-word-report'));
  await field('标题').scrollIntoViewIfNeeded();
  await shot('03-imported-fields');

  // 3. Pictures, one without a description in Word.
  await openNew('notices');
  await importDocx('活动照片.docx', await images());
  await shot('04-image-without-description', page.locator('.fl-word-report'));
  const body = page.locator('[contenteditable="true"]').first();
  await body.scrollIntoViewIfNeeded();
  await shot('05-image-line', body);

  // 4. A paste from Word.
  await openNew('notices');
  await page.locator('[contenteditable="true"]').first().click();
  await pasteFromWord(page);
  await page.getByText('| 街镇 | 名额 |').waitFor();
  await shot('06-pasted');

  // 5. A save refused for an empty title.
  await openNew('notices');
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type('正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '没有保存' }).waitFor();
  await shot('07-refused-save');
} finally {
  await browser.close();
  await site.close();
  await decap.close();
  fs.rmSync(repo, { recursive: true, force: true });
}
