/**
 * What the search index holds for one entry besides its title and text (build time only):
 * the filters and sort key the search page offers, the metadata a result line shows, and the
 * searchable fields that are not in the article's indexed text (文号, 发布机构, person, honor,
 * town, author, summary). Written into hidden markup by SearchIndexData.astro.
 */
import type { CollectionName } from '../content/model.ts';
import { formatDateZh, yearOf } from './dates.ts';
import { parseDocNumber } from './doc-number.ts';
import { DOC_FILTER, type FilterName } from './search-fields.ts';

/** The fields of any collection's front matter this module reads. */
export interface IndexableData {
  date: string;
  summary?: string | undefined;
  docNumber?: string | undefined;
  issuer?: string | undefined;
  kind?: string | undefined;
  person?: string | undefined;
  honor?: string | undefined;
  town?: string | undefined;
  author?: string | undefined;
  form?: string | undefined;
  sample?: boolean | undefined;
}

export interface IndexFields {
  filters: Partial<Record<FilterName | typeof DOC_FILTER, string>>;
  /**
   * Shown on a result: `date` (YYYY-MM-DD) and `dateText` (2024年1月2日, formatted here so the
   * search script needs no date code), for notices `doc` (the 文号), and `sample` for
   * illustrative content, which every list marks 示例.
   */
  meta: { date: string; dateText: string; doc?: string; sample?: string };
  /** Searchable text that the article's indexed part doesn't already hold. */
  text: string[];
}

/** The index fields of one entry; `sectionLabel` (栏目) is searchable too (八项措施 finds the measures). */
export function indexFields(collection: CollectionName, data: IndexableData, sectionLabel: string): IndexFields {
  const doc = data.docNumber ? parseDocNumber(data.docNumber) : undefined;
  const filters: IndexFields['filters'] = { section: collection, year: String(yearOf(data.date)) };
  if (collection === 'notices' && data.kind) filters.kind = data.kind;
  if (collection === 'jiafeng' && data.form) filters.form = data.form;
  if (data.town) filters.town = data.town;
  if (doc) filters[DOC_FILTER] = `${doc.year}-${doc.seq}`;
  const meta: IndexFields['meta'] = { date: data.date, dateText: formatDateZh(data.date) };
  if (data.docNumber) meta.doc = data.docNumber;
  if (data.sample) meta.sample = 'true';
  const text = [
    sectionLabel,
    data.docNumber,
    data.issuer,
    data.kind,
    data.person,
    data.honor,
    data.town,
    data.author,
    data.form,
    data.summary,
  ].filter((value): value is string => Boolean(value && value.trim()));
  return { filters, meta, text };
}
