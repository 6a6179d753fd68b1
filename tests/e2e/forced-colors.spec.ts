/**
 * Windows high-contrast (forced colours) replaces the site's colours with the reader's own.
 * What colour showed must then show another way: the current section and the chosen toolbar
 * settings stay distinguishable.
 */
import { expect, test } from '../support/test.ts';

test('in forced colours the current section and the chosen settings still stand out', async ({ page, fixtureUrl }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${fixtureUrl}/notices/wangfufa-2024-1/`);
  const nav = page.getByRole('navigation', { name: '主导航' });
  const underline = (name: string) =>
    nav.getByRole('link', { name, exact: true }).evaluate((link) => {
      // An underline in the system's background colour (Canvas) is no underline.
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'Canvas';
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      return getComputedStyle(link).borderBottomColor === canvas ? 'none' : 'shown';
    });
  expect(await underline('通知公告')).toBe('shown');
  expect(await underline('首页')).toBe('none');
  expect(await underline('典型风采')).toBe('none');

  await page.getByRole('button', { name: '无障碍 · 长者模式' }).click();
  const large = page.getByRole('button', { name: '大', exact: true });
  const standard = page.getByRole('button', { name: '标准' });
  await large.click();
  const look = (button: typeof large) =>
    button.evaluate((el) => ({
      tick: getComputedStyle(el, '::before').content,
      border: getComputedStyle(el).borderTopWidth,
    }));
  expect(await look(large)).toEqual({ tick: '"✓" / ""', border: '4px' });
  expect(await look(standard)).toEqual({ tick: 'none', border: '2px' });
});
