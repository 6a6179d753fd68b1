/**
 * Published entries and the orderings pages need: newest first, by year, pages of 20,
 * previous/next and related items. Drafts are dropped here, in one place, so no page,
 * list, feed or sitemap can show one.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { collectionModel, type CollectionName } from '../content/model.ts';
import { yearOf } from '../lib/dates.ts';

export type Entry<C extends CollectionName = CollectionName> = CollectionEntry<C>;

/** Entries per list page. */
export const PAGE_SIZE = 20;

/**
 * Newest first; a numbered set (`numberedBy`: the measures, 1–8) by its number. Ties break on
 * the slug so builds are stable.
 */
function compareEntries(a: Entry, b: Entry): number {
  const numberedBy = collectionModel(a.collection).numberedBy;
  if (numberedBy && a.collection === b.collection) {
    const number = (entry: Entry) => (entry.data as Record<string, unknown>)[numberedBy] as number;
    return number(a) - number(b);
  }
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id.localeCompare(b.id);
}

/** Every published (non-draft) entry of a collection, in list order. */
export async function published<C extends CollectionName>(collection: C): Promise<Entry<C>[]> {
  const entries: Entry<C>[] = await getCollection(collection, (entry) => !entry.data.draft);
  return entries.sort(compareEntries);
}

/** Distinct years, newest first. */
export function yearsOf(entries: readonly Entry[]): number[] {
  return [...new Set(entries.map((entry) => yearOf(entry.data.date)))].sort((a, b) => b - a);
}

/** Consecutive runs of entries that share a year, preserving order. */
export function groupByYear<E extends Entry>(entries: readonly E[]): { year: number; entries: E[] }[] {
  const groups: { year: number; entries: E[] }[] = [];
  for (const entry of entries) {
    const year = yearOf(entry.data.date);
    const last = groups.at(-1);
    if (last && last.year === year) last.entries.push(entry);
    else groups.push({ year, entries: [entry] });
  }
  return groups;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function chunk<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

interface ListIndex {
  /** Where each entry (by id) sits in the list. */
  position: Map<string, number>;
  /** The positions of the entries that carry each tag. */
  byTag: Map<string, number[]>;
}
const listIndexes = new WeakMap<readonly Entry[], ListIndex>();

/**
 * Positions and tags of a list, computed once per list: every page of a section asks about
 * the same list, and scanning it for each page made a 5,000-article build quadratic
 * (npm run bench:build).
 */
function indexList(ordered: readonly Entry[]): ListIndex {
  let index = listIndexes.get(ordered);
  if (!index) {
    const built: ListIndex = { position: new Map(), byTag: new Map() };
    ordered.forEach((entry, position) => {
      built.position.set(entry.id, position);
      for (const tag of new Set(entry.data.tags)) {
        const tagged = built.byTag.get(tag);
        if (tagged) tagged.push(position);
        else built.byTag.set(tag, [position]);
      }
    });
    listIndexes.set(ordered, built);
    index = built;
  }
  return index;
}

/**
 * 上一篇 is the entry listed just above this one (newer), 下一篇 the one just below (older),
 * as on the list page.
 */
export function prevNext<E extends Entry>(entry: E, ordered: readonly E[]): { prev?: E; next?: E } {
  const index = indexList(ordered).position.get(entry.id) ?? -1;
  const result: { prev?: E; next?: E } = {};
  const prev = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

/**
 * Up to `limit` other entries of the same collection that share the most tags, newest first
 * among equals. An entry that shares no tag is not related, however recent.
 */
export function related<E extends Entry>(entry: E, ordered: readonly E[], limit = 3): E[] {
  const { byTag } = indexList(ordered);
  const shared = new Map<number, number>();
  for (const tag of new Set(entry.data.tags)) {
    for (const position of byTag.get(tag) ?? []) {
      if (ordered[position]!.id !== entry.id) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || a - b)
    .slice(0, limit)
    .map(([position]) => ordered[position]!);
}

/** The site settings (`content/settings/site.yml`). Fails the build with a clear message when missing. */
export async function getSettings() {
  const settings = await getEntry('settings', 'site');
  if (!settings) {
    throw new Error(
      '缺少网站设置文件 content/settings/site.yml — 请从仓库历史中恢复它，或按 src/content/model.ts 中 settingsFields 新建。',
    );
  }
  return settings.data;
}
