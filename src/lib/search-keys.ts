/**
 * The names the search index and the search page share: the exact 文号 filter, the sort key
 * and the word list. Written into the index by the entry page (SearchIndexData.astro, through
 * ./fields.ts) and read back by the search page's script, so the names can't drift apart.
 * Constants only: the browser bundles this file. The sections and filters themselves come from
 * the content model, generated for the browser as `virtual:fl/search`.
 */

/** The filters every entry has besides its fields' filters: 栏目 and 年份 come first on the search page. */
export const BUILT_IN_FILTERS = ['section', 'year'] as const;

/**
 * A notice's 文号 as `year-seq` (e.g. `2024-1`): the search page looks a typed 文号 up through
 * this filter, exactly, so 望妇发〔2024〕1号 never matches 11号 or 12号 as a word prefix would.
 */
export const DOC_FILTER = 'docseq';

/** The one sort key besides relevance: the publication date, YYYY-MM-DD. */
export const DATE_SORT = 'date';

/**
 * The word list for browsers without `Intl.Segmenter`, written at build time beside the search
 * page (see src/build/search-index.ts), relative to the output folder.
 */
export const WORDS_FILE = 'search/words.json';
