/**
 * Editors who write in Word, in the real CMS: the built admin in Chromium, saving through a
 * real decap-server in git mode (tests/support/cms.ts). What is checked is what an editor
 * would notice: the fields an import fills, the Markdown a save commits (read from git), the
 * images committed with the entry, and the paragraphs the page shows. The page is checked by
 * rendering the saved Markdown with the site's renderer, not by rebuilding the site (the
 * publish test in cms.spec.ts already covers a save reaching the built site).
 */
import type { Page } from '@playwright/test';
import { markdownToHtml } from 'satteri';
import { todayInChina } from '../../src/lib/dates.ts';
import { git } from '../support/cms.ts';
import { cmsTest } from '../support/cms-admin.ts';
import { images, redHeaderNotice } from '../support/docx-fixtures.ts';
import { chooseWordFile, pasteFromWord } from '../support/word-clipboard.ts';
import { expect as baseExpect, test } from '../support/test.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 150_000 });

/** The Markdown body editor (plain Markdown mode, the admin's default). */
const bodyEditor = (page: Page) => page.locator('[contenteditable="true"]').first();

/** A file the editorial workflow committed on the entry's branch. */
const committed = (repo: string, branch: string, file: string) => git(repo, 'show', `${branch}:${file}`);

/** The paragraphs the site would show for a saved body (the site's own Markdown renderer). */
function pageParagraphs(markdownFile: string): string[] {
  const body = markdownFile.replace(/^---\n[\s\S]*?\n---\n/, '');
  const html = markdownToHtml(body, { features: { gfm: true } }).html;
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]!);
}

cmsTest('a red-header notice imported from Word fills the new entry, and saves as the document', async ({ admin }) => {
  const { page, repo, field } = admin;
  await admin.openNew('notices');
  // A new entry's 发布日期 starts as today, Beijing time.
  await expect(field('发布日期')).toHaveValue(todayInChina());

  await chooseWordFile(page, {
    name: '最美家庭通知.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(await redHeaderNotice()),
  });
  await expect(page.getByText('已从“最美家庭通知.docx”导入')).toBeVisible();
  await expect(field('标题')).toHaveValue('关于开展2024年“最美家庭”推选活动的通知');
  await expect(field('文号')).toHaveValue('望妇发〔2024〕12号');
  await expect(field('成文日期')).toHaveValue('2024-04-15');
  await expect(field('发布日期')).toHaveValue('2024-04-15');
  await expect(field('发布日期待核实')).toBeChecked();
  await expect(bodyEditor(page)).toContainText('一、推选范围');

  await field('网址简称').fill('zuimei-tuixuan');
  await admin.save();
  const saved = committed(
    repo,
    'cms/notices/2024-04-15-zuimei-tuixuan',
    'content/notices/2024-04-15-zuimei-tuixuan.md',
  );
  expect(saved).toContain('docNumber: 望妇发〔2024〕12号');
  expect(saved).toContain('writtenDate: 2024-04-15');
  expect(saved).toContain('dateUnconfirmed: true');
  expect(saved).toMatch(/^#+ 一、推选范围$/m);
  expect(saved).toMatch(/^\| 街镇 \| 名额 \|$/m);
  expect(saved).toContain('各街镇妇联、经开区妇联：');
  expect(saved).not.toMatch(/style=|font-family|&lt;|&amp;/);
  expect(admin.errors).toEqual([]);
});

cmsTest('the images of an imported document are committed with the entry', async ({ admin }) => {
  const { page, repo, field } = admin;
  await admin.openNew('notices');
  await chooseWordFile(page, {
    name: '照片.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await images()),
  });
  await expect(page.getByText('已从“照片.docx”导入')).toBeVisible();
  await expect(page.getByText('图片 2 张')).toBeVisible();
  // The second picture has no description in Word: the report says so.
  await expect(page.locator('.fl-word-report')).toContainText('描述');
  await field('标题').fill('活动照片');
  await field('网址简称').fill('huodong-zhaopian');
  await admin.save();
  const today = todayInChina();
  const branch = `cms/notices/${today}-huodong-zhaopian`;
  const files = git(repo, 'diff', '--name-only', 'main', branch).trim().split('\n').sort();
  expect(files).toHaveLength(3);
  expect(files[0]).toBe(`content/notices/${today}-huodong-zhaopian.md`);
  const pictures = files.slice(1);
  for (const picture of pictures) expect(picture).toMatch(/^content\/notices\/images\/[a-z0-9-]+-\d\.png$/);
  const saved = committed(repo, branch, files[0]!);
  expect(saved).toContain(`![妇联干部在社区讲解家庭教育知识](./${pictures[0]!.replace('content/notices/', '')})`);
  expect(saved).toContain(`(./${pictures[1]!.replace('content/notices/', '')})`);
});

cmsTest('a paste from Word through the real clipboard is saved as clean Markdown', async ({ admin, siteUrl }) => {
  const { page, repo, field } = admin;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
  await admin.openNew('notices');
  await field('标题').fill('粘贴测试');
  await field('网址简称').fill('zhantie');
  await bodyEditor(page).click();
  await pasteFromWord(page);
  await expect(bodyEditor(page)).toContainText('| 街镇 | 名额 |');
  // The picture only exists on the editor's computer: the editor is told what to do instead.
  await expect(page.locator('.fl-word-report')).toContainText('从 Word 导入');

  // A plain-text paste stays as it was typed.
  await page.evaluate(async () => navigator.clipboard.writeText('\n纯文字 *不变*'));
  await page.keyboard.press('Control+V');
  await expect(bodyEditor(page)).toContainText('纯文字 *不变*');

  await admin.save();
  const today = todayInChina();
  const saved = committed(repo, `cms/notices/${today}-zhantie`, `content/notices/${today}-zhantie.md`);
  expect(saved).toMatch(/^#+ 一、活动时间$/m);
  expect(saved).toMatch(/^\| 街镇 \| 名额 \|\n\| -+ \| -+ \|\n\| 月亮岛街道 \| 3 \|$/m);
  expect(saved).toContain('为做好今年的推选工作，现将有关事项通知如下。');
  expect(saved).toContain('纯文字 *不变*');
  expect(saved).not.toMatch(/Mso|mso-|style|span|file:|<o:p>|仿宋/);
});

cmsTest('two paragraphs typed with single Enters through an input method are saved as two', async ({ admin }) => {
  const { page, repo, field } = admin;
  await admin.openNew('news');
  await field('标题').fill('回车分段');
  await field('网址简称').fill('huiche-fenduan');
  await bodyEditor(page).click();
  // Typing before the editor holds the caret would send the first text nowhere.
  await expect(bodyEditor(page)).toBeFocused();
  const cdp = await page.context().newCDPSession(page);
  /** Types Chinese as an input method does: the pinyin grows, then the characters are chosen. */
  const typeChinese = async (pinyin: string, text: string) => {
    for (let i = 1; i <= pinyin.length; i += 1) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    }
    await cdp.send('Input.insertText', { text });
  };
  await typeChinese('diyiduan', '第一段，区妇联举办家庭教育讲座。');
  // An editor presses Enter after seeing the chosen characters; an Enter that reaches the editor
  // before it has taken in the committed text would split an empty paragraph off instead.
  await expect(bodyEditor(page)).toContainText('第一段，区妇联举办家庭教育讲座。');
  await page.keyboard.press('Enter');
  await typeChinese('dierduan', '第二段，欢迎家长报名参加。');
  await expect(bodyEditor(page)).toContainText('第二段，欢迎家长报名参加。');
  // The preview beside the editor already shows two paragraphs.
  const preview = page.frameLocator('iframe').first();
  // The preview re-renders after the editor settles, which on a loaded machine takes seconds.
  await expect(preview.locator('p', { hasText: '第一段' })).toHaveText('第一段，区妇联举办家庭教育讲座。', {
    timeout: 15_000,
  });
  await expect(preview.locator('p', { hasText: '第二段' })).toHaveText('第二段，欢迎家长报名参加。');

  await admin.save();
  const today = todayInChina();
  const saved = committed(repo, `cms/news/${today}-huiche-fenduan`, `content/news/${today}-huiche-fenduan.md`);
  expect(saved).toContain('第一段，区妇联举办家庭教育讲座。\n\n第二段，欢迎家长报名参加。');
  expect(pageParagraphs(saved)).toEqual(['第一段，区妇联举办家庭教育讲座。', '第二段，欢迎家长报名参加。']);
});

cmsTest('a refused save brings the missing field into view and names it', async ({ admin }) => {
  const { page, field } = admin;
  await admin.openNew('notices');
  await field('网址简称').fill('queshao-biaoti');
  await bodyEditor(page).click();
  await page.keyboard.type('正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '没有保存' })).toContainText('“标题”');
  await expect(field('标题')).toBeInViewport();
  await expect(field('标题')).toBeFocused();
});
