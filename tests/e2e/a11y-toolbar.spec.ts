/**
 * The 无障碍 · 长者模式 toolbar, as a reader uses it: text size in four steps up to 200%,
 * high contrast, wider line spacing, reset, read-aloud in zh-CN; remembered across pages and
 * applied before the first paint; hidden when JavaScript is off.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';

const NOTICE = '/notices/wangfufa-2024-1/';
const TOGGLE = '无障碍 · 长者模式';

async function openToolbar(page: Page) {
  await page.getByRole('button', { name: TOGGLE }).click();
  return page.locator('#fl-a11y-panel');
}

/** Computed style of the first paragraph of the article body. */
function bodyText(page: Page) {
  return page
    .locator('.fl-prose p')
    .first()
    .evaluate((p) => {
      const style = getComputedStyle(p);
      return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
    });
}

test('without JavaScript the page reads in full and no dead control is shown', async ({ browser, fixtureUrl }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${fixtureUrl}${NOTICE}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.fl-prose')).toContainText('现将《长沙市望城区妇联2024年工作要点》印发给你们');
  await expect(page.getByRole('button', { name: TOGGLE })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
  await context.close();
});

test('text size goes up in steps to 200% and back, and shows which step is on', async ({ page, fixtureUrl }) => {
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const panel = await openToolbar(page);
  await expect(page.getByRole('button', { name: TOGGLE })).toHaveAttribute('aria-expanded', 'true');
  const base = (await bodyText(page)).fontSize;
  expect(base).toBe(18);
  for (const [label, scale] of [
    ['大', 1.25],
    ['较大', 1.5],
    ['特大', 2],
    ['标准', 1],
  ] as const) {
    const button = panel.getByRole('button', { name: label, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    expect((await bodyText(page)).fontSize).toBe(base * scale);
  }
  await expect(panel.locator('[data-fl-setting="text"][aria-pressed="true"]')).toHaveCount(1);
});

test('high contrast turns the page white on black and toggles off again', async ({ page, fixtureUrl }) => {
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const panel = await openToolbar(page);
  const contrast = panel.getByRole('button', { name: '高对比度' });
  const colours = () =>
    page
      .locator('body')
      .evaluate((body) => [getComputedStyle(body).color, getComputedStyle(document.documentElement).backgroundColor]);
  expect(await colours()).toEqual(['rgb(27, 27, 27)', 'rgb(255, 255, 255)']);
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
  expect(await colours()).toEqual(['rgb(27, 27, 27)', 'rgb(255, 255, 255)']);
});

test('wider line spacing opens up the lines of the article', async ({ page, fixtureUrl }) => {
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const panel = await openToolbar(page);
  const before = await bodyText(page);
  await panel.getByRole('button', { name: '加大行距' }).click();
  const after = await bodyText(page);
  expect(after.lineHeight / after.fontSize).toBeGreaterThanOrEqual(2.2);
  expect(after.lineHeight).toBeGreaterThan(before.lineHeight * 1.2);
});

test('settings are remembered on the next page and in a new tab; reset clears them', async ({
  page,
  context,
  fixtureUrl,
}) => {
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const panel = await openToolbar(page);
  await panel.getByRole('button', { name: '特大' }).click();
  await panel.getByRole('button', { name: '高对比度' }).click();
  await panel.getByRole('button', { name: '加大行距' }).click();

  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '通知公告' }).click();
  await expect(page).toHaveURL(/\/notices\/$/);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-fl-text', '3');
  await expect(html).toHaveAttribute('data-fl-contrast', 'high');
  await expect(html).toHaveAttribute('data-fl-spacing', 'wide');
  const panelAgain = await openToolbar(page);
  await expect(panelAgain.getByRole('button', { name: '特大' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panelAgain.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');

  const tab = await context.newPage();
  await tab.goto(`${fixtureUrl}${NOTICE}`);
  expect((await bodyText(tab)).fontSize).toBe(36);

  await panelAgain.getByRole('button', { name: '恢复默认设置' }).click();
  await expect(html).not.toHaveAttribute('data-fl-text');
  await expect(html).not.toHaveAttribute('data-fl-contrast');
  await expect(html).not.toHaveAttribute('data-fl-spacing');
  await expect(panelAgain.getByRole('button', { name: '标准' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('fl-a11y'))).toBeNull();
  // The other tab follows the reset without a reload.
  await expect(tab.locator('html')).not.toHaveAttribute('data-fl-text');
});

test('saved settings and the toolbar are in place before the page body is parsed, so nothing jumps', async ({
  page,
  fixtureUrl,
}) => {
  await page.addInitScript(() => {
    localStorage.setItem('fl-a11y', JSON.stringify({ text: '3', contrast: 'high' }));
    const seen: (string | null)[] = [];
    (window as unknown as { flSeenAtBody: (string | null)[] }).flSeenAtBody = seen;
    const observer = new MutationObserver(() => {
      if (document.body) {
        const root = document.documentElement;
        seen.push(root.getAttribute('data-fl-text'), String(root.classList.contains('fl-supported')));
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${fixtureUrl}${NOTICE}`);
  expect(await page.evaluate(() => (window as unknown as { flSeenAtBody: string[] }).flSeenAtBody)).toEqual([
    '3',
    'true',
  ]);
});

test('the toolbar works from the keyboard: Enter opens, Space chooses, Escape closes', async ({ page, fixtureUrl }) => {
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const toggle = page.getByRole('button', { name: TOGGLE });
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab'); // 标准
  await page.keyboard.press('Tab'); // 大
  await expect(page.getByRole('button', { name: '大', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-fl-text', '1');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#fl-a11y-panel')).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('targets are at least 44px, and 60px once the reader enlarges the text', async ({ page, fixtureUrl }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${fixtureUrl}/notices/`);
  const smallest = () =>
    page.evaluate(() => {
      const targets = document.querySelectorAll<HTMLElement>(
        '.fl-a11y button:not([hidden]), .fl-search-form button, .fl-search-form input, .fl-nav__link, .fl-pagination__link, .fl-year-filter__link, .fl-hotline-badge__number',
      );
      const boxes = [...targets].map((el) => el.getBoundingClientRect()).filter((box) => box.width > 0);
      return { count: boxes.length, size: Math.min(...boxes.flatMap((box) => [box.width, box.height])) };
    });
  const panel = await openToolbar(page);
  const normal = await smallest();
  expect(normal.count).toBeGreaterThan(15);
  expect(normal.size).toBeGreaterThanOrEqual(44);
  await panel.getByRole('button', { name: '较大' }).click();
  expect((await smallest()).size).toBeGreaterThanOrEqual(60);
});

/** A fake speech engine that records what it is asked to say. */
async function stubSpeech(page: Page, voices: { lang: string }[] = [{ lang: 'zh-CN' }]) {
  await page.addInitScript((voiceList) => {
    const calls: { text?: string; lang?: string; cancel?: true }[] = [];
    const utterances: { onend: (() => void) | null }[] = [];
    Object.assign(window, { flSpeech: { calls, utterances } });
    class FakeUtterance {
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      constructor(public text: string) {
        utterances.push(this);
      }
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak: (u: FakeUtterance) => calls.push({ text: u.text, lang: u.lang }),
        cancel: () => calls.push({ cancel: true }),
        getVoices: () => voiceList,
        addEventListener: () => undefined,
      },
    });
  }, voices);
}

type SpeechLog = {
  calls: { text?: string; lang?: string; cancel?: true }[];
  utterances: { onend: (() => void) | null }[];
};

test('朗读 reads the title and body aloud in zh-CN, and 停止朗读 stops it', async ({ page, fixtureUrl }) => {
  await stubSpeech(page);
  await page.goto(`${fixtureUrl}${NOTICE}`);
  const panel = await openToolbar(page);
  const start = panel.getByRole('button', { name: '朗读正文' });
  const stop = panel.getByRole('button', { name: '停止朗读' });
  await expect(stop).toBeDisabled();
  await start.click();
  await expect(stop).toBeEnabled();
  await expect(stop).toBeFocused();
  const log = await page.evaluate(() => (window as unknown as { flSpeech: SpeechLog }).flSpeech.calls);
  const spoken = log.filter((call) => call.text !== undefined);
  expect(spoken.length).toBeGreaterThan(1);
  expect(new Set(spoken.map((call) => call.lang))).toEqual(new Set(['zh-CN']));
  const text = spoken.map((call) => call.text).join('');
  expect(text.startsWith('关于印发《长沙市望城区妇联2024年工作要点》的通知')).toBe(true);
  expect(text).toContain('请结合实际认真贯彻落实。');
  expect(text).not.toContain('望城区妇女联合会（测试站）'); // not the header or footer

  await stop.click();
  const last = await page.evaluate(() => (window as unknown as { flSpeech: SpeechLog }).flSpeech.calls.at(-1));
  expect(last).toEqual({ cancel: true });
  await expect(start).toBeEnabled();
  await expect(stop).toBeDisabled();

  // When the last sentence has been read, the buttons return to rest by themselves.
  await start.click();
  await page.evaluate(() => (window as unknown as { flSpeech: SpeechLog }).flSpeech.utterances.at(-1)?.onend?.());
  await expect(start).toBeEnabled();
});

test('朗读 is offered only with an article to read and a Chinese voice', async ({ page, fixtureUrl }) => {
  await stubSpeech(page);
  await page.goto(fixtureUrl);
  let panel = await openToolbar(page);
  await expect(panel.getByRole('button', { name: '高对比度' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '朗读正文' })).toBeHidden();

  const english = await page.context().newPage();
  await stubSpeech(english, [{ lang: 'en-US' }]);
  await english.goto(`${fixtureUrl}${NOTICE}`);
  panel = await openToolbar(english);
  await expect(panel.getByRole('button', { name: '高对比度' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '朗读正文' })).toBeHidden();
});
