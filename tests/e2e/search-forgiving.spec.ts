/**
 * Search that forgives (issue 13), through the real /search/ page of the fixture site:
 * - the forgiving set (tests/search/relevance-forgiving.json): wrong homophones, full pinyin
 *   and initials land on what was meant; each fuzzy pair is offered, never searched in place;
 * - precision: the guards and every query of today's relevance set rank exactly the same with
 *   the pinyin data as without it (the feature off: its file unreachable);
 * - cost: a query whose phrase is on the site fetches no pinyin data;
 * - the way back: 仍然搜索 searches what was typed.
 * Each set runs with and without Intl.Segmenter.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../support/paths.ts';
import { judge, searchFromBox, withoutSegmenter, type JudgedQuery } from '../support/search-page.ts';
import { expect, test } from '../support/test.ts';

interface ForgivingQuery extends JudgedQuery {
  /** The query whose results the page must show instead (已显示“…”的结果). */
  corrected?: string;
  /** A fuzzy-pair suggestion the page must offer (您是不是要找), without changing the results. */
  suggest?: string;
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const forgiving = read<{ forgiving: ForgivingQuery[]; guards: { q: string; kind: string }[] }>(
  'tests/search/relevance-forgiving.json',
);
const today = read<{ queries: JudgedQuery[] }>('tests/search/relevance.json').queries;
const PINYIN = '**/search/pinyin.json';

async function open(page: Page, url: string, mode: string, pinyin = true): Promise<void> {
  if (mode === 'without Intl.Segmenter') await withoutSegmenter(page);
  if (!pinyin) await page.route(PINYIN, (route) => route.abort());
  await page.goto(`${url}/search/`);
}

/** What the correction box says, '' when hidden. */
async function correction(page: Page): Promise<string> {
  const box = page.locator('[data-search-correction]');
  return (await box.isVisible()) ? ((await box.textContent()) ?? '') : '';
}

for (const mode of ['with Intl.Segmenter', 'without Intl.Segmenter'] as const) {
  test(`forgiving set ${mode}: homophones, pinyin and initials land on what was meant; fuzzy pairs only suggest`, async ({
    page,
    fixtureUrl,
  }) => {
    test.setTimeout(240_000);
    expect(forgiving.forgiving.length).toBeGreaterThanOrEqual(30);
    await open(page, fixtureUrl, mode);
    const misses: string[] = [];
    for (const query of forgiving.forgiving) {
      const results = await searchFromBox(page, query.q);
      const said = await correction(page);
      const why: string[] = [];
      if (query.corrected) {
        if (!said.includes(`已显示“${query.corrected}”的结果。仍然搜索：${query.q}`)) why.push(`said “${said}”`);
        why.push(...judge(query, results).why);
      }
      if (query.suggest) {
        if (!said.startsWith('您是不是要找：') || !said.includes(query.suggest)) why.push(`said “${said}”`);
        if (said.includes('已显示')) why.push('a fuzzy pair rewrote the query');
      }
      if (why.length) misses.push(`  ${query.q}（${query.kind}）: ${why.join('; ')}`);
    }
    const hits = forgiving.forgiving.length - misses.length;
    console.log(
      `search forgiving ${mode}: ${hits}/${forgiving.forgiving.length}` +
        (misses.length ? `\n${misses.join('\n')}` : ''),
    );
    expect(misses, misses.join('\n')).toEqual([]);
  });

  test(`precision ${mode}: guards and today's relevance set rank the same with the pinyin data as without`, async ({
    browser,
    fixtureUrl,
  }) => {
    test.setTimeout(300_000);
    expect(forgiving.guards.length).toBeGreaterThanOrEqual(20);
    const on = await (await browser.newContext()).newPage();
    const off = await (await browser.newContext()).newPage();
    await open(on, fixtureUrl, mode, true);
    await open(off, fixtureUrl, mode, false);
    const changed: string[] = [];
    const queries = [...forgiving.guards.map((guard) => guard.q), ...today.map((query) => query.q)];
    for (const q of queries) {
      const [withData, without] = [await searchFromBox(on, q), await searchFromBox(off, q)];
      if (JSON.stringify(withData) !== JSON.stringify(without))
        changed.push(`  ${q}: ${withData.slice(0, 3).join(' ')}`);
      if ((await correction(on)).includes('已显示')) changed.push(`  ${q}: rewritten (${await correction(on)})`);
    }
    console.log(`search precision ${mode}: ${queries.length - changed.length}/${queries.length} unchanged`);
    expect(changed, changed.join('\n')).toEqual([]);
    await on.context().close();
    await off.context().close();
  });
}

test('a query whose phrase is on the site fetches no pinyin data; one that is not fetches it once', async ({
  page,
  fixtureUrl,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/search/pinyin.json')) fetched.push(request.url());
  });
  await page.goto(`${fixtureUrl}/search/`);
  for (const q of ['家庭教育', '两癌', '望妇发〔2024〕1号', '12338', '妇联 维权']) await searchFromBox(page, q);
  expect(fetched).toEqual([]);
  await searchFromBox(page, '两爱');
  await searchFromBox(page, 'fjb');
  expect(fetched).toHaveLength(1);
});

test('the corrected results say so, and 仍然搜索 searches what was typed', async ({ page, fixtureUrl }) => {
  await page.goto(`${fixtureUrl}/search/`);
  const corrected = await searchFromBox(page, '亲子越读');
  await expect(page.getByRole('status')).toHaveText(/^找到 \d+ 条与“亲子阅读”相关的结果$/);
  expect(corrected[0]).toBe('/news/2024-qinzi-yuedu/');
  await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue('亲子越读');
  await page.getByRole('link', { name: '亲子越读' }).click();
  await expect(page).toHaveURL(/verbatim=1/);
  await page.waitForFunction(() => !document.querySelector('fl-search[data-correcting]'));
  await expect(page.getByRole('status')).toContainText('亲子越读');
  await expect(page.locator('[data-search-correction]')).toBeHidden();
});

test('the search page starts loading Pagefind as it opens, before anything is typed', async ({ page, fixtureUrl }) => {
  const wasm = page.waitForRequest((request) => /\/pagefind\/.*wasm/.test(request.url()), { timeout: 15_000 });
  await page.goto(`${fixtureUrl}/search/`);
  await wasm;
  await expect(page.getByRole('searchbox', { name: '搜索关键词' })).toHaveValue('');
});
