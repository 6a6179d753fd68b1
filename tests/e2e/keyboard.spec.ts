/**
 * A keyboard-only reader: Tab from the top reaches the skip link, the 无障碍 toolbar, search
 * and the navigation; Enter activates; every stop shows a visible focus indicator, in the
 * default look and with large text and high contrast.
 */
import type { Page } from '@playwright/test';
import { ELDER_SETTINGS } from '../support/a11y.ts';
import { expect, test } from '../support/test.ts';

interface Stop {
  /** Role-ish description: tag, accessible text or label. */
  name: string;
  tag: string;
  /** Whether a focus indicator is drawn: an opaque outline or a box-shadow. */
  indicated: boolean;
  /** Whether the focused element is on screen with a size. */
  onScreen: boolean;
}

/** Presses Tab once and describes where focus landed. */
async function tab(page: Page): Promise<Stop> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) >= 2 &&
      !/rgba\(.*, 0\)$|transparent/.test(style.outlineColor);
    const box = el.getBoundingClientRect();
    return {
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() || (el as HTMLInputElement).name,
      tag: el.tagName.toLowerCase(),
      indicated: outline || style.boxShadow !== 'none',
      onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    };
  });
}

/** Tabs through every focusable element once (until focus returns to the top). */
async function tabThrough(page: Page, limit = 150): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i += 1) {
    const stop = await tab(page);
    if (stop.tag === 'body' || (i > 0 && stop.name === stops[0]?.name)) break;
    stops.push(stop);
  }
  return stops;
}

test('Tab from the top reaches the skip link, the toolbar, search and every section', async ({ page, siteUrl }) => {
  await page.goto(siteUrl);
  const stops: Stop[] = [];
  for (let i = 0; i < 14; i += 1) stops.push(await tab(page));
  expect(stops.map((stop) => stop.name)).toEqual([
    '跳到正文',
    '无障碍 · 长者模式',
    '望城区妇女联合会长沙市望城区妇女联合会',
    'q',
    '搜索',
    '12338',
    '首页',
    '通知公告',
    '女性人才八项措施',
    '典型风采',
    '家风作品',
    '工作动态',
    '关于我们',
    '维权服务',
  ]);
});

for (const elder of [false, true]) {
  test(`focus is visible at every stop of a notice and of the fixture home page${elder ? ', with large text and high contrast' : ''}`, async ({
    page,
    fixtureUrl,
  }) => {
    if (elder) {
      await page.addInitScript((settings) => localStorage.setItem('fl-a11y', settings), JSON.stringify(ELDER_SETTINGS));
    }
    for (const path of ['/notices/wangfufa-2024-1/', '/']) {
      await page.goto(`${fixtureUrl}${path}`);
      const stops = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(25);
      const hidden = stops.filter((stop) => !stop.indicated || !stop.onScreen);
      expect(hidden, `${path}: focus not visible`).toEqual([]);
    }
  });
}

test('Enter on the skip link moves focus to the main content', async ({ page, siteUrl }) => {
  await page.goto(`${siteUrl}/notices/wangfufa-2024-1/`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab continues inside the content, past the header and navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('Enter follows a navigation link, and Enter in the search box searches', async ({ page, siteUrl }) => {
  await page.goto(siteUrl);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知公告' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notices\/$/);
  await page.getByRole('searchbox', { name: '搜索本站' }).focus();
  await page.keyboard.type('望妇发');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E6%9C%9B%E5%A6%87%E5%8F%91$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('站内搜索');
});
