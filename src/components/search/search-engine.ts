/**
 * Runs a search against the Pagefind index: loads Pagefind at run time (Vite must not bundle
 * it: the file only exists after `npm run build` has indexed the site), cuts the query into words, asks Pagefind the
 * handful of questions `src/lib/search-query.ts` ranks, and loads the pages of results.
 */
import { parseDocNumber } from '../../lib/doc-number.ts';
import { DATE_SORT, DOC_FILTER } from '../../lib/search-keys.ts';
import {
  ENOUGH_RESULTS,
  RESULTS_PER_PAGE,
  agencyMatches,
  findDocNumber,
  highlightTerms,
  pageOf,
  phraseOf,
  promoteExactTitles,
  queryTerms,
  rankByMention,
  rankPartial,
  rankResults,
  strongCount,
  synonymsFor,
  type DocQuery,
  type SearchState,
  type SynonymGroup,
  type Term,
} from '../../lib/search-query.ts';
import type { Correction, PinyinData, PinyinIndex } from '../../lib/search-pinyin.ts';
import { splitQuery } from '../../lib/search-text.ts';

/** The part of Pagefind 1.6's browser API this page uses. */
interface PagefindData {
  url: string;
  content: string;
  /** The text with Pagefind's word breaks kept, as U+200B: the words it indexed. */
  raw_content?: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  /** Where the query's words occur on the page (word numbers from the top, the `<h1>` first). */
  words: number[];
  data: () => Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse | null>;
}

/** One result, ready to show. */
export interface ResultData {
  id: string;
  url: string;
  title: string;
  content: string;
  /** The text with the word breaks Pagefind indexed it by (U+200B), for lookUpTerms. */
  rawContent: string;
  date?: string | undefined;
  /** The date as the page shows it (2024年1月2日), formatted at build time. */
  dateText?: string | undefined;
  doc?: string | undefined;
  sample: boolean;
  section?: string | undefined;
}

/** What a search found: the ranking and what the page shows about it. */
export interface Outcome {
  ids: string[];
  /** How many of the first ids match the whole query; the others match only part of it. */
  full: number;
  /** Terms to highlight, the preferred (exact phrase) first. */
  highlight: string[];
  /** Synonyms that added results, for the "also searched" note. */
  synonyms: string[];
  /** The query's terms, for the zero-results suggestions. */
  terms: string[];
  doc?: DocQuery | undefined;
  /** Whether the site holds the query's exact phrase (or its 文号): then it is never corrected. */
  phraseFound: boolean;
  /** How many strong (文号 or exact phrase) results: fewer than ENOUGH_RESULTS is weak. */
  strong: number;
}

export interface EngineOptions {
  /** Pagefind's program (`PAGEFIND_URL`). */
  pagefindUrl: string;
  /** The fallback word list for browsers without `Intl.Segmenter`. */
  wordsUrl: string;
  synonyms: readonly SynonymGroup[];
  /** The pinyin data of search that forgives, fetched only when a query may need correcting. */
  pinyinUrl: string;
  /** The fuzzy pairs' switch (search settings). */
  fuzzy: boolean;
}

export class SearchEngine {
  private readonly options: EngineOptions;
  private pagefind: Promise<Pagefind> | undefined;
  private dictionary: Promise<Set<string>> | undefined;
  private pinyin: Promise<PinyinIndex | undefined> | undefined;
  private readonly resultsById = new Map<string, PagefindResult>();
  private readonly dataById = new Map<string, Promise<ResultData>>();
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  /** Searches begun while the reader typed (see warm): an outcome, or undefined where they stopped short. */
  private readonly warming = new Map<string, Promise<Outcome | undefined>>();

  constructor(options: EngineOptions) {
    this.options = options;
  }

  /** Loads and starts Pagefind once; later calls share the same instance. */
  load(): Promise<Pagefind> {
    if (!this.pagefind) {
      this.pagefind = (async () => {
        const pagefind = (await import(/* @vite-ignore */ this.options.pagefindUrl)) as Pagefind;
        await pagefind.init();
        return pagefind;
      })();
      // A failed load (network gone) is tried again by the next search.
      this.pagefind.catch(() => (this.pagefind = undefined));
    }
    return this.pagefind;
  }

  /**
   * Searches while the reader pauses typing, so Enter shows the results at once, but only as far
   * as is cheap: the quoted search, and the first page's fragments when enough pages hold the
   * exact phrase (`ENOUGH_RESULTS`). A query that would need the plain search stops after the quoted
   * one (which has fetched the index chunks its words need): Pagefind's worker runs one search
   * at a time and can't cancel, so a slow search for half a query would hold up the whole one.
   * Nothing runs while the query holds digits: a 文号 (even half typed) is looked up through its
   * filter, not its words.
   */
  warm(state: SearchState): void {
    const key = keyOf(state);
    if (!state.q || /\d/.test(state.q) || this.outcomes.has(key) || this.warming.has(key)) return;
    const warming = this.runSearch(state, true).catch(() => undefined);
    this.warming.set(key, warming);
    void warming.then((outcome) => {
      this.warming.delete(key);
      if (outcome && !this.outcomes.has(key)) this.outcomes.set(key, Promise.resolve(outcome));
    });
  }

  /**
   * The query's words. Browsers with `Intl.Segmenter` split it as Pagefind will; others cut it
   * with the site's own word list, so Pagefind receives words it can match.
   */
  async words(query: string): Promise<string[]> {
    if (typeof Intl.Segmenter === 'function') {
      const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
      return [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
    }
    if (!this.dictionary) {
      this.dictionary = fetch(this.options.wordsUrl)
        .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
        .then((words) => new Set(words))
        .catch(() => new Set<string>());
    }
    return splitQuery(query, await this.dictionary)
      .split(' ')
      .filter(Boolean);
  }

  /**
   * What to offer for a query whose exact phrase the site lacks (see src/lib/search-pinyin.ts).
   * Fetches the pinyin data on first use; without it (offline, old file) offers nothing.
   */
  async correct(query: string, outcome: Outcome): Promise<Correction | undefined> {
    // Han characters or two Latin letters: nothing else can be corrected (digits stay as typed).
    if (outcome.phraseFound || !/\p{Script=Han}|[a-z]{2}/iu.test(query)) return undefined;
    // The matcher is its own chunk, loaded with the data: a first search doesn't pay for it.
    const matcher = import('../../lib/search-pinyin.ts');
    if (!this.pinyin) {
      this.pinyin = Promise.all([fetch(this.options.pinyinUrl), matcher])
        .then(async ([response, { indexPinyin }]) => {
          const data = response.ok ? ((await response.json()) as PinyinData) : undefined;
          return data?.v === 1 ? indexPinyin(data) : undefined;
        })
        .catch(() => undefined);
      void this.pinyin.then((index) => {
        if (!index) this.pinyin = undefined;
      });
    }
    const [index, { correctQuery }] = await Promise.all([this.pinyin, matcher]);
    return index ? correctQuery(query, index, { fuzzy: this.options.fuzzy, docText: outcome.doc?.text }) : undefined;
  }

  /** Runs (or reuses) the searches for a state; paging through results reuses the ranking. */
  search(state: SearchState): Promise<Outcome> {
    const key = keyOf(state);
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      // A search begun while the reader typed is finished, or taken over when it stopped short.
      const warming = this.warming.get(key) ?? Promise.resolve(undefined);
      outcome = warming.then(async (warm) => warm ?? (await this.runSearch(state, false)));
      outcome.catch(() => this.outcomes.delete(key));
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }

  /** The results of one page of an outcome, loaded in parallel. */
  async page(outcome: Outcome, page: number): Promise<{ results: ResultData[]; page: number; pages: number }> {
    const slice = pageOf(outcome.ids, page);
    const results = await Promise.all(slice.items.map((id) => this.data(id)));
    return { results, page: slice.page, pages: slice.pages };
  }

  /** One result's text and metadata (Pagefind fetches its fragment file). */
  data(id: string): Promise<ResultData> {
    let data = this.dataById.get(id);
    if (!data) {
      const result = this.resultsById.get(id);
      if (!result) return Promise.reject(new Error(`Unknown result ${id}`));
      data = result.data().then((raw) => ({
        id,
        url: raw.url,
        title: raw.meta['title'] ?? raw.url,
        content: raw.content,
        rawContent: raw.raw_content ?? raw.content,
        date: raw.meta['date'],
        dateText: raw.meta['dateText'],
        doc: raw.meta['doc'],
        sample: raw.meta['sample'] === 'true',
        section: /^\/([a-z]+)\//.exec(raw.url)?.[1],
      }));
      this.dataById.set(id, data);
    }
    return data;
  }

  /** One Pagefind search; `newestFirst` sorts it by date whatever the page's order. */
  private async query(
    term: string | null,
    state: SearchState,
    extraFilters: Record<string, string> = {},
    newestFirst = false,
  ) {
    const pagefind = await this.load();
    const options: PagefindSearchOptions = {
      filters: { ...(state.filters as Record<string, string>), ...extraFilters },
    };
    if (newestFirst || state.sort === 'date' || term === null) options.sort = { [DATE_SORT]: 'desc' };
    const response = await pagefind.search(term, options);
    const results = response?.results ?? [];
    for (const result of results) if (!this.resultsById.has(result.id)) this.resultsById.set(result.id, result);
    return results;
  }

  private async hitIds(
    term: string | null,
    state: SearchState,
    extraFilters?: Record<string, string>,
  ): Promise<string[]> {
    return (await this.query(term, state, extraFilters)).map((result) => result.id);
  }

  /** Notices whose 文号 is the one typed: looked up exactly through the year-seq filter. */
  private async docHits(doc: DocQuery, state: SearchState): Promise<string[]> {
    const candidates = await this.hitIds(null, state, { [DOC_FILTER]: `${doc.year}-${doc.seq}` });
    const found = await Promise.all(candidates.map((id) => this.data(id)));
    return found
      .filter((data) => {
        const actual = parseDocNumber(data.doc ?? '');
        return actual !== undefined && agencyMatches(doc.agency, actual.agency);
      })
      .map((data) => data.id);
  }

  /**
   * The exact phrase's hits, newest first, as Pagefind's quoted search (its words cut as
   * Pagefind will). It scores every hit alike, so date is the only order it can give.
   */
  private async exactSearch(phrase: string, state: SearchState): Promise<PagefindResult[]> {
    return this.query(`"${(await this.words(phrase)).join(' ')}"`, state, {}, true);
  }

  /**
   * The text searches of a query (without a 文号 that found its notice), in rounds of Pagefind
   * queries, each sent at once (its worker runs them back to back, so each round costs one
   * message round trip, not one per query): first the exact phrase of each typed token; then,
   * unless enough pages hold the phrase (`ENOUGH_RESULTS`), the plain search and the synonyms;
   * last, only as far as lookUpTerms needs, each term alone.
   */
  private async textSearch(text: string, state: SearchState, cheap: true): Promise<TextHits | undefined>;
  private async textSearch(text: string, state: SearchState, cheap: false): Promise<TextHits>;
  private async textSearch(text: string, state: SearchState, cheap: boolean): Promise<TextHits | undefined> {
    const words = text ? await this.words(text) : [];
    const terms = queryTerms(words);
    const tokens = text.split(' ').filter((token) => phraseOf(token));
    const none: TextHits = { terms, tokens, exact: [], plain: [], partial: [], synonyms: [], synonymHits: [] };
    if (terms.length === 0) return none;
    // The exact phrase of each typed token (with several tokens, pages holding all of them).
    const phrases = await Promise.all(tokens.slice(0, 4).map((token) => this.exactSearch(token, state)));
    // Pages holding every token's phrase, and where a token's phrase first occurs on each (a Map:
    // a broad word finds every page, and 5,000 × 5,000 `includes` calls took a second of the main thread).
    const firsts = phrases.map((results) => new Map(results.map((result) => [result.id, firstWord(result)])));
    const exact = (phrases[0] ?? []).map((result) => result.id).filter((id) => firsts.every((first) => first.has(id)));
    if (exact.length >= ENOUGH_RESULTS) {
      const mentions = exact.map((id) => ({ id, first: Math.min(...firsts.map((first) => first.get(id)!)) }));
      return { ...none, exact: state.sort === 'relevance' ? rankByMention(mentions) : exact };
    }
    if (cheap) return undefined;
    // The plain search asks only for the terms' words: Pagefind skips words its index lacks, so
    // a lone character left in (量子计算机 → 机) would match on its own as a prefix (机关).
    // Too few exact matches: the synonyms' phrases too (used only if a 文号 didn't make up the rest).
    const synonyms = synonymsFor(
      phraseOf(text),
      terms.map((term) => term.text),
      this.options.synonyms,
    ).slice(0, 6);
    const [plain, synonymHits] = await Promise.all([
      this.hitIds(terms.flatMap((term) => term.words).join(' '), state),
      Promise.all(synonyms.map(async (synonym) => (await this.exactSearch(synonym, state)).map((result) => result.id))),
    ]);
    const { plainHolds, partial } = await this.lookUpTerms(terms, exact, plain, state);
    return { terms, tokens, exact, plain: plainHolds ? plain : [], partial, synonyms, synonymHits };
  }

  /**
   * For a query of several terms that no page holds as a phrase (a question, or a word the
   * index lacks): whether its plain search stands, and the pages that match it only in part.
   * Pagefind requires every word its index holds and skips the others, so the plain search
   * may hold pages with only some terms (通知 for 草稿机密通知甲乙丙): a term no page holds voids
   * it, and pages holding at least half the terms become partial matches.
   *
   * Each term's own search costs about as much as the plain one (asking every term always made
   * a question 1.8× bare Pagefind's time), so they are asked only as far as needed. When the
   * plain search found enough pages, its first result (whose text is fetched for the page
   * anyway) tells which terms may be missing: a term each of whose words begins a word Pagefind
   * indexed there is held, as Pagefind matches it. Only the terms it lacks are looked up. If
   * they are on pages after all, the plain search stands. If none is on any page, the plain
   * search holds exactly the pages with every other term, and those are the partial matches,
   * in its order; pages holding fewer of the terms (but still half) are left out, a difference
   * from `rankPartial` that only shows with five terms or more.
   */
  private async lookUpTerms(
    terms: readonly Term[],
    exact: readonly string[],
    plain: readonly string[],
    state: SearchState,
  ): Promise<{ plainHolds: boolean; partial: string[] }> {
    if (exact.length > 0 || terms.length < 2) return { plainHolds: true, partial: [] };
    const lookUp = (some: readonly Term[]) =>
      Promise.all(
        some.map(async (term) => {
          const results = await this.query(term.words.join(' '), state);
          return new Map(results.map((result) => [result.id, result.score] as const));
        }),
      );
    if (plain.length < ENOUGH_RESULTS) return this.partialOf(await lookUp(terms));
    const words = (await this.data(plain[0]!)).rawContent.toLowerCase().split(/[\u200b\s]+/u);
    const begins = (word: string) => words.some((indexed) => indexed.startsWith(word));
    const lacking = terms.filter((term) => !term.words.every((word) => begins(word.toLowerCase())));
    if (lacking.length === 0) return { plainHolds: true, partial: [] };
    const lackingHits = await lookUp(lacking);
    if (lackingHits.every((hits) => hits.size > 0)) return { plainHolds: true, partial: [] };
    if (lackingHits.every((hits) => hits.size === 0)) {
      const held = terms.length - lacking.length;
      return { plainHolds: false, partial: held >= Math.ceil(terms.length / 2) ? [...plain] : [] };
    }
    const rest = await lookUp(terms.filter((term) => !lacking.includes(term)));
    return this.partialOf([...lackingHits, ...rest]);
  }

  /** From each term's own hits: the plain search stands unless a term is on no page (see lookUpTerms). */
  private partialOf(perTerm: Map<string, number>[]): { plainHolds: boolean; partial: string[] } {
    return { plainHolds: perTerm.every((hits) => hits.size > 0), partial: rankPartial(perTerm) };
  }

  /** A search; a `cheap` one (see warm) gives undefined where the plain search would be needed. */
  private async runSearch(state: SearchState, cheap: true): Promise<Outcome | undefined>;
  private async runSearch(state: SearchState, cheap: false): Promise<Outcome>;
  private async runSearch(state: SearchState, cheap: boolean): Promise<Outcome | undefined> {
    // Start Pagefind now, alongside the word list a browser without Intl.Segmenter fetches.
    void this.load().catch(() => undefined);
    if (!state.q) {
      // No words, only filters: everything that passes them, newest first.
      const ids = await this.hitIds(null, state);
      return { ids, full: ids.length, highlight: [], synonyms: [], terms: [], phraseFound: true, strong: ids.length };
    }
    const doc = findDocNumber(state.q);
    // Once a typed 文号 has found its notice, its digits must not also match 11号, 12号… as text.
    // So the text without the 文号 is searched while the 文号 is looked up (one round trip, not
    // two); only when no notice holds that 文号 is the whole query searched as text afterwards.
    const withoutDoc = doc ? state.q.replace(doc.text, ' ').trim() : state.q;
    const [docHits, early] = await Promise.all([
      doc ? this.docHits(doc, state) : [],
      cheap ? this.textSearch(withoutDoc, state, true) : this.textSearch(withoutDoc, state, false),
    ]);
    if (!early) return undefined;
    const text = doc && docHits.length > 0 ? withoutDoc : state.q;
    const {
      terms,
      tokens,
      exact,
      plain,
      partial: partHits,
      synonyms,
      synonymHits,
    } = text === withoutDoc ? early : await this.textSearch(text, state, false);
    const highlight: string[] = [];
    if (doc && docHits.length > 0) {
      const first = await this.data(docHits[0]!);
      if (first.doc) highlight.push(first.doc);
    }
    if (terms.length > 0) highlight.push(...tokens.map(phraseOf), ...highlightTerms(terms.map((term) => term.text)));
    const usedSynonyms: string[] = [];
    let fromSynonyms: string[] = [];
    if (strongCount({ doc: docHits, exact }) < ENOUGH_RESULTS) {
      synonyms.forEach((synonym, index) => {
        if (synonymHits[index]!.length > 0) usedSynonyms.push(synonym);
      });
      fromSynonyms = synonymHits.flat();
      highlight.push(...usedSynonyms);
    }
    // A question finds little as a whole: pages holding most of its terms follow.
    const found = new Set([...docHits, ...exact, ...plain, ...fromSynonyms]).size;
    const partial = found < ENOUGH_RESULTS ? partHits : [];
    const ranking = rankResults({
      doc: docHits,
      exact,
      plain,
      plainIsFull: terms.length > 1,
      synonyms: fromSynonyms,
      partial,
    });
    let ids = ranking.ids;
    if (state.sort === 'relevance') {
      // A page whose title is exactly the query goes first; the first page's titles are needed anyway.
      const pinned = docHits.length;
      const window = ids.slice(pinned, pinned + RESULTS_PER_PAGE);
      const titles = new Map((await Promise.all(window.map((id) => this.data(id)))).map((d) => [d.id, d.title]));
      ids = promoteExactTitles(ids, titles, text, pinned);
    }
    return {
      ids,
      full: ranking.full,
      highlight: [...new Set(highlight.filter(Boolean))],
      synonyms: usedSynonyms,
      terms: terms.map((term) => term.text),
      doc,
      phraseFound: docHits.length > 0 || exact.length > 0,
      strong: strongCount({ doc: docHits, exact }),
    };
  }
}

/** What the outcome of a search depends on (not its page: paging reuses the ranking). */
function keyOf(state: SearchState): string {
  return JSON.stringify([state.q, state.filters, state.sort]);
}

/** Where a quoted search's phrase first occurs on a page (a page without locations goes last). */
function firstWord(result: PagefindResult): number {
  let first = Number.POSITIVE_INFINITY;
  for (const word of result.words) if (word < first) first = word;
  return first;
}

/** What the text searches of a query found (see SearchEngine.textSearch). */
interface TextHits {
  terms: Term[];
  tokens: string[];
  exact: string[];
  plain: string[];
  /** Pages that match only some terms, best first (see lookUpTerms). */
  partial: string[];
  /** The synonyms asked (when the exact phrase found too little), and each one's hits. */
  synonyms: string[];
  synonymHits: string[][];
}
