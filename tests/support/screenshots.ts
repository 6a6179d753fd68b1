/**
 * Screenshots for the editor guides (scripts/generate/*-guide-screenshots.ts): a region with a
 * 12 px margin, cropped to what the step shows so the PNGs stay small, or the whole viewport.
 */
import type { Locator, Page } from '@playwright/test';

export async function screenshotRegion(page: Page, file: string, region?: Locator): Promise<void> {
  if (!region) {
    await page.screenshot({ path: file, animations: 'disabled' });
    return;
  }
  await region.scrollIntoViewIfNeeded();
  const box = await region.boundingBox();
  if (!box) throw new Error(`${file}: region not visible`);
  const clip = {
    x: Math.max(box.x - 12, 0),
    y: Math.max(box.y - 12, 0),
    width: box.width + 24,
    height: box.height + 24,
  };
  await page.screenshot({ path: file, clip, animations: 'disabled' });
}
