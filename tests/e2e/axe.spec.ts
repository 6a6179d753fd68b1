/**
 * WCAG 2.x A and AA (to 2.2) with axe on every page of the built sitemap, search, the 404 page
 * and the fixture's feature pages: at 1280px, at 375px, and at 320px with 200% text and high
 * contrast. Phone modes also check that nothing overflows sideways. Each worker keeps one page
 * per reading mode and reuses it, so the ~200 checks stay fast.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { auditPages, READING_MODES, type ReadingMode } from '../support/a11y.ts';
import { expect, test as base } from '../support/test.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const test = base.extend<object, { pageIn: (mode: ReadingMode) => Promise<Page> }>({
  pageIn: [
    async ({ browser }, use) => {
      const pages = new Map<string, Page>();
      await use(async (mode) => {
        let page = pages.get(mode.name);
        if (!page) {
          const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: mode.width, height: 900 } });
          if (mode.settings) {
            // Saved before any page script runs, as if the reader had chosen them earlier.
            await context.addInitScript(
              (settings) => localStorage.setItem('fl-a11y', settings),
              JSON.stringify(mode.settings),
            );
          }
          page = await context.newPage();
          pages.set(mode.name, page);
        }
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
});

for (const mode of READING_MODES) {
  test.describe(mode.name, () => {
    for (const audit of auditPages()) {
      test(`${audit.site} ${audit.path}`, async ({ pageIn, siteUrl, fixtureUrl }) => {
        const page = await pageIn(mode);
        const response = await page.goto(`${audit.site === 'site' ? siteUrl : fixtureUrl}${audit.path}`);
        expect(response?.status()).toBe(audit.status);
        if (mode.settings) {
          await expect(page.locator('html')).toHaveAttribute('data-fl-text', mode.settings['text']!);
        }
        if (mode.overflow) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
        }
        if (mode.axe) {
          // Open the toolbar, so its controls (and their pressed states) are checked too.
          await page.getByRole('button', { name: '无障碍 · 长者模式' }).click();
          // Only violations come back: serialising every pass would double the time per page.
          const { violations } = await new AxeBuilder({ page })
            .withTags(TAGS)
            .options({ resultTypes: ['violations'] })
            .analyze();
          const report = violations.map(
            (violation) =>
              `${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n')}`,
          );
          expect(report.join('\n\n'), 'axe violations').toBe('');
        }
      });
    }
  });
}
