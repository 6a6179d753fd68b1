/**
 * The logic of the search page that doesn't touch the DOM or Pagefind: the URL state, 文号
 * recognition, how a Chinese query is cut into terms, and how the results of several Pagefind
 * searches are merged into one ranking.
 *
 * Why several searches: measured on this site's content, a plain Pagefind query matches each
 * segment as a word prefix (妇联 → 妇女 + 联合; 望妇发〔2024〕1号 → 11号, 12号), ranks pages
 * without the phrase above pages with it, and a quoted (exact) search finds only the phrase
 * but scores every hit the same. So the page asks for both and ranks: the notice whose 文号
 * was typed, then pages holding the exact phrase (in the plain search's order), then pages
 * found with synonyms when that was too little, then the plain search's other hits, then pages
 * matching only some of the words of a longer question. When enough pages hold the exact
 * phrase, the slow plain search is skipped and `rankByMention` orders them.
 */
import { CLOSE_BRACKETS, OPEN_BRACKETS, toHalfWidthDigits } from './doc-number.ts';
import { FILTERS, SECTIONS, type FilterName } from 'virtual:fl/search';

/** Results per page. */
export const RESULTS_PER_PAGE = 10;

/**
 * Fewer strong results than this and the query is widened (synonyms, the plain search's pages
 * holding the words apart, then fewer words). With this many pages holding the exact phrase,
 * the plain search is skipped altogether, and with it what makes a search slow: each word also
 * matches as a prefix (妇 → 妇女, 妇幼…) and Pagefind scores every location of every such word
 * (hundreds of milliseconds of wasm for 妇联 at 5,000 pages, where the quoted search takes tens).
 */
export const ENOUGH_RESULTS = 3;

export type SortOrder = 'relevance' | 'date';

/** Everything a search is: it lives in the URL, so a search can be shared and the back button works. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string>>;
  sort: SortOrder;
  page: number;
  /** Search for the query as typed, without a correction (the link back from 已显示“…”的结果). */
  verbatim?: boolean;
}

const MAX_QUERY_LENGTH = 100;

/** Reads the state from the address bar's query string; unknown or malformed values are dropped. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (name === 'section' && !(SECTIONS as readonly string[]).includes(value)) continue;
    if (name === 'year' && !/^\d{4}$/.test(value)) continue;
    filters[name] = value.slice(0, 40);
  }
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    ...(params.get('verbatim') === '1' ? { verbatim: true } : {}),
  };
}

/** The query string for a state, leaving out defaults so shared links stay short. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.verbatim) params.set('verbatim', '1');
  return params;
}

/** A 文号 found in a query. `agency` may be empty (〔2024〕1号) or carry extra words (请问望妇发). */
export interface DocQuery {
  agency: string;
  year: number;
  seq: number;
  /** The part of the query that was the 文号, as typed. */
  text: string;
}

const DOC_QUERY_RE = new RegExp(
  `(\\p{Script=Han}{0,12}?)\\s*(?:[${OPEN_BRACKETS}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE_BRACKETS}]|((?:19|20)\\d{2})\\s*年)\\s*第?\\s*0*([1-9]\\d{0,3})\\s*号`,
  'u',
);

/**
 * Finds a 文号 the way people type one: any bracket style (〔〕 [] 【】 () （） ［］) or 年
 * instead of brackets, full-width digits, with or without the agency, inside a question.
 */
export function findDocNumber(query: string): DocQuery | undefined {
  const text = toHalfWidthDigits(query);
  const match = DOC_QUERY_RE.exec(text);
  if (!match) return undefined;
  return {
    agency: match[1] ?? '',
    year: Number(match[2] ?? match[3]),
    seq: Number(match[4]),
    text: query.slice(match.index, match.index + match[0].length),
  };
}

/**
 * Whether a typed agency fits a notice's: either is a suffix of the other, so 妇发 fits 望妇发
 * (a partial 文号) and 请问望妇发 fits it too (a question typed before the 文号).
 */
export function agencyMatches(typed: string, actual: string): boolean {
  return typed === '' || typed.endsWith(actual) || actual.endsWith(typed);
}

/**
 * Words that carry no meaning in a search for documents: question words and particles. They
 * are dropped when a question is cut into terms (怎么申请两癌检查 → 申请, 两癌, 检查).
 */
export const STOP_WORDS = new Set([
  '怎么',
  '怎么办',
  '怎样',
  '如何',
  '请问',
  '什么',
  '哪里',
  '哪儿',
  '哪些',
  '哪个',
  '是否',
  '能否',
  '可以',
  '能不能',
  '有没有',
  '是不是',
  '为什么',
  '多少',
  '我',
  '我们',
  '你们',
  '想',
  '要',
  '需要',
  '的',
  '了',
  '吗',
  '呢',
  '吧',
  '啊',
  '是',
  '在',
  '有',
  '和',
  '与',
  '去',
  '看',
  '找',
  '办',
  '关于',
]);

const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const HAN_CHAR = /^\p{Script=Han}$/u;

/** The query without punctuation and spaces: what "the exact phrase" means. */
export function phraseOf(query: string): string {
  return query.replace(PUNCTUATION, '');
}

/** Drops stop words spelled out in single characters from both ends of a run (哪里学习 → 学习). */
function trimStopWords(run: string[]): string[] {
  let chars = run;
  for (let changed = true; changed && chars.length > 0;) {
    changed = false;
    for (let n = Math.min(3, chars.length); n >= 1; n -= 1) {
      if (STOP_WORDS.has(chars.slice(0, n).join(''))) {
        chars = chars.slice(n);
        changed = true;
        break;
      }
      if (STOP_WORDS.has(chars.slice(-n).join(''))) {
        chars = chars.slice(0, -n);
        changed = true;
        break;
      }
    }
  }
  return chars;
}

/** A search term and the words it is made of (one word, or a run of single characters). */
export interface Term {
  text: string;
  words: string[];
}

/**
 * Cuts a query into search terms from its words (as `Intl.Segmenter` or the fallback splitter
 * gives them): drops punctuation and stop words, keeps each word of two or more characters,
 * and joins runs of single Han characters the segmenter didn't make a word (两 + 癌 → 两癌).
 * A lone character between words is dropped (计算 + 机): on its own it matches hundreds of
 * words as a prefix. Each term keeps its words: Pagefind must receive them separately (in
 * browsers without `Intl.Segmenter` it can't split 两癌 itself).
 */
export function queryTerms(words: readonly string[]): Term[] {
  const terms: Term[] = [];
  const lone: Term[] = [];
  let run: string[] = [];
  const flush = () => {
    // Without Intl.Segmenter a question word not in the site's word list arrives as single
    // characters (哪 + 里 + 学 + 习): stop words at either end of the run are dropped too.
    run = trimStopWords(run);
    if (run.length === 1) lone.push({ text: run[0]!, words: run });
    else if (run.length > 1) terms.push({ text: run.join(''), words: run });
    run = [];
  };
  for (const raw of words) {
    const word = raw.replace(PUNCTUATION, '');
    if (!word || STOP_WORDS.has(word)) {
      flush();
    } else if (HAN_CHAR.test(word)) {
      run.push(word);
    } else {
      flush();
      terms.push({ text: word, words: [word] });
    }
  }
  flush();
  // A query of lone characters only (家, 妇 联…) still searches for them.
  const kept = terms.length > 0 ? terms : lone;
  return kept.filter((term, index) => kept.findIndex((other) => other.text === term.text) === index);
}

/** Terms worth highlighting: a single character only when it is all that was asked. */
export function highlightTerms(terms: readonly string[]): string[] {
  const long = terms.filter((term) => [...term].length >= 2);
  return long.length > 0 ? long : [...terms];
}

/** A synonym group from content/settings/search.yml. */
export interface SynonymGroup {
  terms: readonly string[];
}

/**
 * The other terms of every group that holds the phrase or one of the query's terms, in the
 * order editors wrote them; used to widen a query that finds too little.
 */
export function synonymsFor(phrase: string, terms: readonly string[], groups: readonly SynonymGroup[]): string[] {
  const asked = new Set([phrase, ...terms]);
  const found: string[] = [];
  for (const group of groups) {
    if (!group.terms.some((term) => asked.has(term))) continue;
    for (const term of group.terms) {
      if (!asked.has(term) && !found.includes(term)) found.push(term);
    }
  }
  return found;
}

/** One Pagefind search's hits, best first: page ids. */
export type Hits = readonly string[];

export interface RankingInput {
  /** Notices whose 文号 is the one typed. */
  doc: Hits;
  /** Pages holding the exact phrase (Pagefind scores them all alike: order comes from `plain`). */
  exact: Hits;
  /** The plain search, in Pagefind's relevance (or date) order. */
  plain: Hits;
  /**
   * Whether every plain hit holds every word of the query: true for a query of several known
   * words (Pagefind requires them all). A one-word query's plain hits beyond the exact ones
   * matched only as a prefix (妇联 → 妇女 + 联合).
   */
  plainIsFull: boolean;
  /** Pages found through synonyms. */
  synonyms: Hits;
  /** Pages matching only some terms of the query, best first. */
  partial: Hits;
}

export interface Ranking {
  ids: string[];
  /** How many of the first ids match fully; the rest match only in part. */
  full: number;
}

/**
 * One ranking from the searches (see the module comment): 文号, exact phrase, synonyms, the
 * rest of the plain search, partial matches. Each page appears once, at its best place.
 */
export function rankResults(input: RankingInput): Ranking {
  const exact = new Set(input.exact);
  const strong = [...input.doc, ...input.plain.filter((id) => exact.has(id)), ...input.exact, ...input.synonyms];
  const fullIds = new Set([...strong, ...(input.plainIsFull ? input.plain : [])]);
  const ids = [...new Set([...strong, ...input.plain, ...input.partial])];
  return { ids, full: ids.filter((id) => fullIds.has(id)).length };
}

/**
 * How many words from the top of a page count as its title and lead. Pagefind numbers a page's
 * words from its `<h1>`; the site's titles run to about 20 words.
 */
export const LEAD_WORDS = 24;

/** An exact-phrase page and where the phrase first occurs on it (Pagefind's word location). */
export interface Mention {
  id: string;
  first: number;
}

/**
 * Orders exact-phrase pages without the plain search's scores (Pagefind's quoted search scores
 * every page 1.0, see above): pages that name the phrase in their title or lead first, then the
 * rest, each group in the order given (the newest first).
 */
export function rankByMention(mentions: readonly Mention[]): string[] {
  const lead = mentions.filter((mention) => mention.first < LEAD_WORDS);
  const rest = mentions.filter((mention) => mention.first >= LEAD_WORDS);
  return [...lead, ...rest].map((mention) => mention.id);
}

/** How many strong (文号 or exact phrase) matches there are. */
export function strongCount(input: Pick<RankingInput, 'doc' | 'exact'>): number {
  return new Set([...input.doc, ...input.exact]).size;
}

/**
 * Ranks pages that match only some terms: more terms first, then the higher summed score.
 * `perTerm` holds one map (page id → Pagefind score) per term. A page must hold at least half
 * the terms: one word of four (通知 in 草稿机密通知甲乙丙) is not a match.
 */
export function rankPartial(perTerm: readonly ReadonlyMap<string, number>[]): string[] {
  const totals = new Map<string, { count: number; score: number }>();
  for (const hits of perTerm) {
    for (const [id, score] of hits) {
      const total = totals.get(id) ?? { count: 0, score: 0 };
      total.count += 1;
      total.score += score;
      totals.set(id, total);
    }
  }
  const needed = Math.ceil(perTerm.length / 2);
  return [...totals.entries()]
    .filter(([, total]) => total.count >= needed)
    .sort(([, a], [, b]) => b.count - a.count || b.score - a.score)
    .map(([id]) => id);
}

/**
 * Moves pages whose title is exactly the query to the front (after 文号 matches): a citizen
 * who types a document's full title expects that document first, not its 解读 or the older
 * version that share the words. `titles` holds the titles known so far (the first page).
 */
export function promoteExactTitles(
  order: readonly string[],
  titles: ReadonlyMap<string, string>,
  query: string,
  pinned: number,
): string[] {
  const phrase = phraseOf(query);
  if (!phrase) return [...order];
  const head = order.slice(0, pinned);
  const rest = order.slice(pinned);
  const exact = rest.filter((id) => phraseOf(titles.get(id) ?? '') === phrase);
  return [...head, ...exact, ...rest.filter((id) => !exact.includes(id))];
}

/** Pages of results: how many, and which ids the current page shows. */
export function pageOf<T>(items: readonly T[], page: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / RESULTS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * RESULTS_PER_PAGE, current * RESULTS_PER_PAGE), page: current, pages };
}
