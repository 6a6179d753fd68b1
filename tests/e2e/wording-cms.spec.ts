/**
 * The wording guard in the real CMS (the built admin, a real decap-server in git mode): the
 * preview marks a near-miss of a reviewed formulation in place with the right formulation,
 * and saving it is refused with that message; once corrected, the entry saves.
 */
import fs from 'node:fs';
import type { FrameLocator, Page } from '@playwright/test';
import { git, makeEditorRepo, routeLocalBackend, startDecapServer } from '../support/cms.ts';
import { backendAnswer } from '../support/cms-admin.ts';
import { expect as baseExpect, test } from '../support/test.ts';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const ENTRY = 'collections/news/entries/2024-03-08-sanba-zuotanhui';
const FILE = 'content/news/2024-03-08-sanba-zuotanhui.md';

/** Opens the admin on one entry, through a temporary repository and decap-server. */
async function openEntry(page: Page, siteUrl: string) {
  const repo = makeEditorRepo();
  const server = await startDecapServer(repo);
  const backend = await routeLocalBackend(page, server);
  await page.goto(`${siteUrl}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '集合' })).toBeVisible();
  await page.goto(`${siteUrl}/admin/#/${ENTRY}`);
  await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
  await backend.settled();
  return {
    repo,
    close: async () => {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await server.close();
      fs.rmSync(repo, { recursive: true, force: true });
    },
  };
}

/** The text of each range the preview highlights under `name` (CSS Custom Highlight API). */
async function highlighted(preview: FrameLocator, name: string): Promise<string[]> {
  return preview.locator('.fl-prose').evaluate((element, highlight) => {
    const registry = (element.ownerDocument.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } })
      .CSS.highlights;
    return [...(registry.get(highlight) ?? [])].map((range) => range.toString());
  }, name);
}

/** Saves the open entry and returns the file decap-server committed on the entry's branch. */
async function saveAndRead(page: Page, repo: string): Promise<string> {
  const saved = backendAnswer(page, 'persistEntry');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await saved;
  await expect(page.getByText('内容已保存').first()).toBeVisible();
  const branch = git(repo, 'branch', '--list', 'cms/*')
    .trim()
    .replace(/^\*?\s*/, '');
  return git(repo, 'show', `${branch}:${FILE}`);
}

test('the preview marks a near-miss in place, and the save is refused with the right formulation', async ({
  page,
  siteUrl,
}) => {
  const { repo, close } = await openEntry(page, siteUrl);
  try {
    const before = git(repo, 'rev-parse', 'HEAD');
    const title = page.getByLabel(/^标题$/);
    await title.fill('庆祝中华人民共合国成立75周年座谈会');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('\n\n坚持以习近平新时代中国特色社会主意思想为指导。');

    // The preview: a notice with each near-miss and its right formulation, the title marked
    // in place, the body's near-miss highlighted in place.
    const preview = page.locator('iframe').first().contentFrame();
    const notice = preview.locator('[data-wording-notice]');
    await expect(notice).toContainText('措辞检查：2 处与规范表述不符，改正后才能保存');
    await expect(notice).toContainText('标题：“中华人民共合国”应为“中华人民共和国”');
    await expect(notice).toContainText(
      '正文：“习近平新时代中国特色社会主意思想”应为“习近平新时代中国特色社会主义思想”',
    );
    await expect(preview.locator('h1 .fl-wording-mark')).toHaveText('中华人民共合国');
    await expect(preview.locator('h1 .fl-wording-mark__fix')).toHaveText('（应为“中华人民共和国”）');
    await expect(preview.locator('.fl-prose[data-wording-marks="1"]')).toHaveCount(1);
    expect(await highlighted(preview, 'fl-wording')).toEqual(['习近平新时代中国特色社会主意思想']);
    // For people to look at: the form and preview as the editor sees them.
    await page.screenshot({ path: test.info().outputPath('wording-preview-1280.png') });
    await preview.locator('main').screenshot({ path: test.info().outputPath('wording-preview-pane.png') });

    // Saving is refused with the message, and nothing is committed.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(
      page.getByText(/不能保存，有与规范表述不符的文字：标题：“中华人民共合国”应为“中华人民共和国”/),
    ).toBeVisible();
    await page.waitForTimeout(2000);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(repo, 'branch', '--list', 'cms/*')).toBe('');

    // Corrected, the notice goes and the entry saves.
    await title.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('庆祝中华人民共和国成立75周年座谈会');
    await expect(title).toHaveValue('庆祝中华人民共和国成立75周年座谈会');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('座谈会上，大家表示，坚持以习近平新时代中国特色社会主义思想为指导。');
    await expect(notice).toHaveCount(0);
    expect(await saveAndRead(page, repo)).toContain('坚持以习近平新时代中国特色社会主义思想为指导。');
  } finally {
    await close();
  }
});

test("a near-miss of an editors' addition and a typography slip warn in the preview, and the entry still saves", async ({
  page,
  siteUrl,
}) => {
  const { repo, close } = await openEntry(page, siteUrl);
  try {
    // content/settings/wording.yml adds 望城区家庭教育联席会议: 联系 is a homophone slip.
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('\n\n推动望城区家庭教育联系会议制度落实，2024 年召开会议.');

    const preview = page.locator('iframe').first().contentFrame();
    const warnings = preview.locator('[data-wording-warnings]');
    await expect(warnings).toContainText('措辞与排版提示：以下几处建议修改，不影响保存');
    await expect(warnings).toContainText(
      '正文：“望城区家庭教育联系会议”与编辑补充的规范表述“望城区家庭教育联席会议”不同，如是笔误请改正（不影响保存）',
    );
    // The typography suggestion comes from AutoCorrect's WebAssembly, loaded on first use.
    await expect(warnings).toContainText(
      /正文第\d+行排版建议：“…度落实，2024 年召开会议\.[^”]*”宜改为“…度落实，2024年召开会议。[^”]*”/,
    );
    await expect(preview.locator('[data-wording-notice]')).toHaveCount(0);
    await expect(preview.locator('.fl-prose[data-wording-warning-marks="1"]')).toHaveCount(1);
    expect(await highlighted(preview, 'fl-wording-warning')).toEqual(['望城区家庭教育联系会议']);
    await preview.locator('main').screenshot({ path: test.info().outputPath('wording-warnings-pane.png') });
    await preview.locator('.fl-prose').screenshot({ path: test.info().outputPath('wording-warnings-body.png') });

    // Warnings never refuse a save.
    expect(await saveAndRead(page, repo)).toContain('望城区家庭教育联系会议');
  } finally {
    await close();
  }
});
