/**
 * What the search index holds for one entry besides its title and text: the filters and sort
 * key the search page offers, the metadata a result line shows, and the searchable fields
 * that are not in the article's indexed text (文号, 发布机构, person, honor, town, author,
 * summary). Shared by the entry page (which writes them into hidden markup for Pagefind)
 * and the search page (which reads them back), so names can't drift apart.
 */
import type { CollectionName } from '../content/model.ts';
import { parseDocNumber } from './doc-number.ts';
import { yearOf } from './dates.ts';

/**
 * The sections a search can be narrowed to: COLLECTIONS of the content model, restated so the
 * browser's search script doesn't bundle the whole model (a unit test keeps them equal).
 */
export const SECTIONS: readonly CollectionName[] = ['notices', 'measures', 'stories', 'jiafeng', 'news'];

/** The filters of the search form, in the order it shows them; values as stored in the index. */
export const FILTERS = ['section', 'year', 'kind', 'form', 'town'] as const;
export type FilterName = (typeof FILTERS)[number];

/**
 * A notice's 文号 as `year-seq` (e.g. `2024-1`): the search page looks a typed 文号 up through
 * this filter, exactly, so 望妇发〔2024〕1号 never matches 11号 or 12号 as a word prefix would.
 */
export const DOC_FILTER = 'docseq';

/**
 * The word list for browsers without `Intl.Segmenter`, written at build time beside the search
 * page (see scripts/lib/search-index.ts), relative to the output folder.
 */
export const WORDS_FILE = 'search/words.json';

/** The one sort key besides relevance: the publication date, YYYY-MM-DD. */
export const DATE_SORT = 'date';

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
   * Shown on a result: `date` (YYYY-MM-DD), for notices `doc` (the 文号), and `sample` for
   * illustrative content, which every list marks 示例.
   */
  meta: { date: string; doc?: string; sample?: string };
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
  const meta: IndexFields['meta'] = { date: data.date };
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
