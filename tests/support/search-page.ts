/**
 * Drives the real /search/ page the way a citizen does: types into the search box, presses
 * Enter and reads the result links in order. Shared by the relevance test and the benchmark.
 */
import type { Page } from '@playwright/test';

/** One judged query of tests/search/relevance.json. */
export interface JudgedQuery {
  q: string;
  kind: string;
  /** How many of the first results count: 3, or 10 for broad terms. */
  top: number;
  /** Pages that must be among the first `top` results. */
  expect?: string[];
  /** The page that must be first (a 文号 or an exact title). */
  first?: string;
  /** Pages that must not be among the first `top` results. */
  absent?: string[];
  /** Pages that may appear, but only below every page of `expect` and `first` (false matches). */
  below?: string[];
}

/** Waits until the search page has finished (its result list is no longer busy). */
export async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-search-results]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    // data-correcting: search that forgives is still looking for a correction after the first results.
    const correcting = document.querySelector('fl-search[data-correcting]') !== null;
    return (
      list !== null && !list.hasAttribute('aria-busy') && !correcting && status !== '' && !status.includes('正在搜索')
    );
  });
}

/**
 * Puts a query into the search page's box and presses Enter; returns performance.now() at Enter.
 * `typed`: one character every 100 ms and a 300 ms pause before Enter, as a reader types (the
 * page may use the pause); otherwise filled at once and Enter pressed at once.
 */
export async function enterQuery(page: Page, query: string, typed = false): Promise<number> {
  const box = page.getByRole('searchbox', { name: '搜索关键词' });
  if (typed) {
    await box.fill('');
    await box.pressSequentially(query, { delay: 100 });
    await page.waitForTimeout(300);
  } else {
    await box.fill(query);
  }
  const started = await page.evaluate(() => performance.now());
  await box.press('Enter');
  return started;
}

/**
 * Records every search the page sends Pagefind's worker (its messages name their method), from
 * the page's next load on; returns a function that reads them: what a page asks is what a
 * search costs.
 */
export async function recordPagefindSearches(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const asked: string[] = [];
    (window as unknown as { pagefindAsked: string[] }).pagefindAsked = asked;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its worker as `this` below
    const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const message = args[0] as { method?: string; args?: unknown[] } | null;
      if (message?.method === 'search') asked.push(String(message.args?.[0]));
      post.apply(this, args);
    } as Worker['postMessage'];
  });
  return () => page.evaluate(() => (window as unknown as { pagefindAsked: string[] }).pagefindAsked);
}

/** Searches from the page's own search box; returns the result paths in order. */
export async function searchFromBox(page: Page, query: string): Promise<string[]> {
  await enterQuery(page, query);
  await page.waitForURL((url) => url.searchParams.get('q') === query.replace(/\s+/g, ' ').trim());
  await waitForResults(page);
  return resultPaths(page);
}

/** The paths of the results on screen, in order. */
export async function resultPaths(page: Page): Promise<string[]> {
  return page
    .locator('.fl-search-result__title a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Whether a query's results meet its judgement, and why not. */
export function judge(query: JudgedQuery, results: readonly string[]): { hit: boolean; why: string[] } {
  const top = results.slice(0, query.top);
  const why: string[] = [];
  for (const path of query.expect ?? []) if (!top.includes(path)) why.push(`missing ${path}`);
  if (query.first && results[0] !== query.first) why.push(`first is ${results[0] ?? 'nothing'}, not ${query.first}`);
  for (const path of query.absent ?? [])
    if (top.includes(path)) why.push(`unwanted ${path} at ${top.indexOf(path) + 1}`);
  const wanted = [...(query.expect ?? []), ...(query.first ? [query.first] : [])].map((path) => results.indexOf(path));
  const lastWanted = Math.max(...wanted);
  for (const path of query.below ?? []) {
    const at = results.indexOf(path);
    if (at !== -1 && (wanted.includes(-1) || at < lastWanted)) why.push(`${path} at ${at + 1} above a wanted page`);
  }
  return { hit: why.length === 0, why };
}

/**
 * Makes the page behave like a browser without Intl.Segmenter (older WeChat/X5, 360's
 * compatibility mode, Firefox < 125): removed from the page and from Pagefind's worker.
 */
export async function withoutSegmenter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (Intl as { Segmenter?: unknown }).Segmenter;
  });
  await page.route('**/pagefind/pagefind-worker.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `delete Intl.Segmenter;\n${await response.text()}` });
  });
}
