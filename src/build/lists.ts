/**
 * The list pages of a section: all years in pages of 20, and each year in pages of 20.
 * Both the list route and the sitemap page use this, so they can't disagree.
 */
import type { CollectionName } from '../content/model.ts';
import { yearOf } from '../lib/dates.ts';
import { chunk, yearsOf, type Entry } from './entries.ts';
import { listUrl, yearUrl } from '../lib/urls.ts';

export interface ListPage<E extends Entry = Entry> {
  collection: CollectionName;
  /** The year shown, or undefined for all years. */
  year: number | undefined;
  /** 1-based page number and the number of pages in this (year's) list. */
  page: number;
  totalPages: number;
  /** All entries of the list across its pages, for the count. */
  total: number;
  entries: E[];
  years: number[];
  url: string;
  /** The URL of page n of the same list. */
  urlFor: (page: number) => string;
}

/** Every list page of a collection, given its published entries in list order. */
export function listPages<E extends Entry>(collection: CollectionName, entries: E[]): ListPage<E>[] {
  const years = yearsOf(entries);
  const lists: { year: number | undefined; entries: E[]; urlFor: (page: number) => string }[] = [
    { year: undefined, entries, urlFor: (page) => listUrl(collection, page) },
    ...years.map((year) => ({
      year,
      entries: entries.filter((entry) => yearOf(entry.data.date) === year),
      urlFor: (page: number) => yearUrl(collection, year, page),
    })),
  ];
  return lists.flatMap(({ year, entries: listEntries, urlFor }) => {
    const pages = chunk(listEntries);
    return pages.map((pageEntries, index) => ({
      collection,
      year,
      page: index + 1,
      totalPages: pages.length,
      total: listEntries.length,
      entries: pageEntries,
      years,
      url: urlFor(index + 1),
      urlFor,
    }));
  });
}

/** The route parameter for a list URL: `/notices/year/2024/page/2/` → `year/2024/page/2`. */
export function listParam(list: Pick<ListPage, 'collection' | 'url'>): string | undefined {
  const rest = list.url.slice(`/${list.collection}/`.length).replace(/\/$/, '');
  return rest === '' ? undefined : rest;
}
