/**
 * Every pair of colour tokens the components put together (text on a surface, link on a
 * banner, white on the header…) meets WCAG contrast, in the default theme and in the
 * toolbar's high-contrast theme. axe checks the pages; this also covers pairs that no page
 * happens to show today (an info callout in high contrast, a visited link on a banner).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/paths.ts';

/** `--fl-color-name: #rrggbb` declarations in a piece of CSS. */
function colours(css: string): Record<string, string> {
  return Object.fromEntries(
    [...css.matchAll(/--fl-color-([a-z-]+):\s*(#[0-9a-f]{6})\b/gi)].map((match) => [match[1]!, match[2]!]),
  );
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const defaults = colours(fs.readFileSync(path.join(ROOT, 'src/styles/tokens.css'), 'utf8'));
const modes = fs.readFileSync(path.join(ROOT, 'src/components/elder-mode/elder-modes.css'), 'utf8');
const highContrastBlock = /:root\[data-fl-contrast='high'\]\s*\{([^}]*)\}/.exec(modes)?.[1] ?? '';
const themes = { default: defaults, 'high contrast': { ...defaults, ...colours(highContrastBlock) } };

const TEXT = 4.5;
/** Borders that show where a control is (WCAG 1.4.11). */
const UI = 3;
const PAIRS: [foreground: string, background: string, minimum: number][] = [
  ...['background', 'surface', 'notice-background', 'warning-background', 'info-background'].flatMap((bg) =>
    ['text', 'text-secondary', 'link', 'link-visited', 'link-hover'].map(
      (fg) => [fg, bg, TEXT] as [string, string, number],
    ),
  ),
  ['brand-text', 'brand', TEXT],
  ['brand-text', 'brand-dark', TEXT],
  ['brand', 'background', TEXT],
  ['focus-text', 'focus', TEXT],
  ['mark-text', 'mark-background', TEXT],
  ['background', 'text', TEXT],
  ['border-strong', 'background', UI],
  ['border-strong', 'surface', UI],
];

describe.each(Object.entries(themes))('%s theme', (_name, theme) => {
  test.each(PAIRS)('%s on %s is at least %d:1', (fg, bg, minimum) => {
    expect(theme[fg], `--fl-color-${fg}`).toMatch(/^#/);
    expect(theme[bg], `--fl-color-${bg}`).toMatch(/^#/);
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(minimum);
  });
});

test('the high-contrast theme really changes the colours', () => {
  expect(highContrastBlock).not.toBe('');
  expect(themes['high contrast'].background).not.toBe(defaults['background']);
});
