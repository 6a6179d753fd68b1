/**
 * The names the search index and the search page share: sections, filters, the 文号 filter,
 * the sort key and the word list. Shared by the entry page (which writes them into hidden
 * markup for Pagefind, through search-index-fields.ts) and the search page's script (which
 * reads them back), so names can't drift apart. Constants only: the browser bundles this file,
 * and it must not pull in modules the admin bundles too (tests/built/admin.test.ts).
 */
import type { CollectionName } from '../content/model.ts';

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
