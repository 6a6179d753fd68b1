/**
 * `<fl-search>`: the search page's behaviour. The whole state (q, filters, sort, page) lives in
 * the address bar, so a search can be bookmarked or shared and the back button returns to the
 * previous one. Results are built with DOM methods, never innerHTML: titles and excerpts are
 * content, and content is not trusted as markup.
 */
import { FILTERS } from 'virtual:fl/search';
import {
  ENOUGH_RESULTS,
  RESULTS_PER_PAGE,
  stateFromParams,
  stateToParams,
  type SearchState,
  type SynonymGroup,
} from '../../lib/search-query.ts';
import { resultExcerpt } from '../../lib/search-text.ts';
import { SearchEngine, type Outcome, type ResultData } from './search-engine.ts';
import { PAGEFIND_URL } from './search-boot.ts';

/** UI strings written into the page by search.astro (from src/i18n/zh-CN.json). */
interface Strings {
  loading: string;
  count: string;
  browse: string;
  pageOf: string;
  none: string;
  noneBrowse: string;
  error: string;
  synonyms: string;
  partial: string;
  split: string;
  popular: string;
  allFilters: string;
  prev: string;
  next: string;
  pageN: string;
  sample: string;
  sections: Record<string, string>;
  /** Search that forgives: 已显示“{q}”的结果。 / 仍然搜索： / 您是不是要找： */
  corrected: string;
  original: string;
  didYouMean: string;
}

/** Fills `{name}` placeholders. */
function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replaces an element's children (Element.replaceChildren needs Chrome 86). */
function setContent(parent: Element, ...children: Node[]): void {
  parent.textContent = '';
  parent.append(...children);
}

function part<T extends HTMLElement = HTMLElement>(root: Element, name: string): T {
  const node = root.querySelector<T>(`[data-search-${name}]`);
  if (!node) throw new Error(`<fl-search> is missing [data-search-${name}]`);
  return node;
}

class SearchPage extends HTMLElement {
  private engine!: SearchEngine;
  private strings!: Strings;
  private synonyms: SynonymGroup[] = [];
  private form!: HTMLFormElement;
  private status!: HTMLElement;
  private runs = 0;
  private baseTitle = document.title;
  /** The pending start of the search being typed (see SearchEngine.warm). */
  private typing = 0;

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    this.synonyms = JSON.parse(this.dataset['synonyms'] ?? '[]') as SynonymGroup[];
    this.engine = new SearchEngine({
      pagefindUrl: this.dataset['pagefind'] ?? PAGEFIND_URL,
      wordsUrl: this.dataset['words'] ?? '/search/words.json',
      synonyms: this.synonyms,
      pinyinUrl: this.dataset['pinyin'] ?? '/search/pinyin.json',
      fuzzy: this.dataset['fuzzy'] === 'true',
    });
    this.form = part<HTMLFormElement>(this, 'form');
    this.status = part(this, 'status');
    part(this, 'fallback').hidden = true;
    this.form.hidden = false;

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(this.typing);
      this.navigate({ ...stateFromParams(this.formParams()), page: 1 });
    });
    part(this, 'clear').addEventListener('click', () => {
      for (const select of this.form.querySelectorAll('select')) select.selectedIndex = 0;
      this.navigate({ ...stateFromParams(this.formParams()), page: 1 });
    });
    this.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      this.navigate(stateFromParams(new URL(link.href).searchParams), true);
    });
    window.addEventListener('popstate', () => void this.show(this.current()));
    // While the reader types, the search starts as far as it is cheap (the engine's warm), so
    // Enter finds it done or under way (after a pause of 150 ms, not every keystroke: each
    // start is a message to Pagefind's worker and may fetch index chunks and fragments).
    const input = this.form.elements.namedItem('q') as HTMLInputElement;
    const typed = (event: Event) => {
      window.clearTimeout(this.typing);
      // Letters an input method is still composing are not the query yet.
      if (event instanceof InputEvent && event.isComposing) return;
      this.typing = window.setTimeout(() => this.engine.warm({ ...stateFromParams(this.formParams()), page: 1 }), 150);
    };
    input.addEventListener('input', typed);
    // Chromium sends the chosen characters' input event while still composing, and only then
    // compositionend: without this, nothing would start for most readers, who type with pinyin.
    input.addEventListener('compositionend', typed);
    void this.show(this.current());
    // Someone who opens the search page means to search: Pagefind (program, wasm, entry) starts
    // loading now, not when the first query is sent (show() starts it at once when there is one).
    if (!this.current().q) void this.engine.load().catch(() => undefined);
  }

  private current(): SearchState {
    return stateFromParams(new URLSearchParams(window.location.search));
  }

  private formParams(): URLSearchParams {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.form)) if (typeof value === 'string') params.set(name, value);
    return params;
  }

  private href(state: SearchState): string {
    const query = stateToParams(state).toString();
    return query ? `${window.location.pathname}?${query}` : window.location.pathname;
  }

  private navigate(state: SearchState, focusResults = false): void {
    const href = this.href(state);
    if (href !== `${window.location.pathname}${window.location.search}`) history.pushState(null, '', href);
    void this.show(state, focusResults);
  }

  /** Puts a state into the form, so the controls always say what the results are for. */
  private fillForm(state: SearchState): void {
    const input = this.form.elements.namedItem('q') as HTMLInputElement;
    input.value = state.q;
    for (const name of FILTERS) {
      const select = this.form.elements.namedItem(name) as HTMLSelectElement;
      select.value = state.filters[name] ?? '';
      if (select.selectedIndex < 0) select.selectedIndex = 0;
    }
    (this.form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
    const filtered = Object.keys(state.filters).length > 0 || state.sort !== 'relevance';
    if (filtered) part<HTMLDetailsElement>(this, 'filters').open = true;
  }

  private async show(state: SearchState, focusResults = false): Promise<void> {
    const run = ++this.runs;
    this.fillForm(state);
    document.title = state.q ? `${state.q} - ${this.baseTitle}` : this.baseTitle;
    const outcomeBox = part(this, 'outcome');
    const browsing = !state.q && Object.keys(state.filters).length > 0;
    if (!state.q && !browsing) {
      outcomeBox.hidden = true;
      return;
    }
    outcomeBox.hidden = false;
    const list = part(this, 'results');
    list.setAttribute('aria-busy', 'true');
    // Say "searching" only when it takes a while: a quick search announces just its count.
    const slow = window.setTimeout(() => {
      if (run === this.runs) this.status.textContent = this.strings.loading;
    }, 500);
    let shown: Outcome | undefined;
    try {
      const outcome = await this.engine.search(state);
      const page = await this.engine.page(outcome, state.page);
      if (run !== this.runs) return;
      this.render(state, outcome, page.results, page.page, page.pages);
      this.renderCorrection();
      shown = outcome;
    } catch (error) {
      if (run !== this.runs) return;
      console.error(error);
      this.renderError();
    } finally {
      window.clearTimeout(slow);
      if (run === this.runs) list.removeAttribute('aria-busy');
    }
    if (focusResults && run === this.runs) {
      this.status.focus();
      this.status.scrollIntoView({ block: 'start' });
    }
    // The results are on screen; only now is a correction looked for (never blocking them).
    if (shown && state.q && !state.verbatim && !shown.phraseFound) await this.forgive(state, shown, run);
  }

  /**
   * Search that forgives (src/lib/search-pinyin.ts): when the site lacks the query's exact phrase,
   * fetches the pinyin data and either shows the results of the corrected query, with a way back
   * (when they hold its phrase and the query's own results were weak), or offers 您是不是要找.
   * `data-correcting` is set while this runs, so tests know when the page has settled.
   */
  private async forgive(state: SearchState, outcome: Outcome, run: number): Promise<void> {
    this.dataset['correcting'] = '';
    try {
      const correction = await this.engine.correct(state.q, outcome);
      if (!correction || run !== this.runs) return;
      let suggestions = correction.suggestions;
      if (correction.best && outcome.strong < ENOUGH_RESULTS) {
        const target: SearchState = { ...state, q: correction.best, page: 1 };
        const better = await this.engine.search(target);
        if (run !== this.runs) return;
        if (better.phraseFound && better.strong > outcome.strong) {
          const page = await this.engine.page(better, 1);
          if (run !== this.runs) return;
          this.render(target, better, page.results, page.page, page.pages);
          suggestions = suggestions.filter((text) => text !== correction.best);
          this.renderCorrection(state, correction.best, suggestions);
          return;
        }
      }
      this.renderCorrection(state, undefined, suggestions);
    } catch (error) {
      console.error(error);
    } finally {
      if (run === this.runs) delete this.dataset['correcting'];
    }
  }

  /** 已显示“两癌救助”的结果。仍然搜索：两爱救助 and/or 您是不是要找：…; nothing when called without arguments. */
  private renderCorrection(state?: SearchState, shownQuery?: string, suggestions: readonly string[] = []): void {
    const box = part(this, 'correction');
    setContent(box);
    box.hidden = true;
    if (!state) return;
    const link = (text: string, target: SearchState) => {
      const anchor = element('a', undefined, text);
      anchor.href = this.href(target);
      anchor.dataset['page'] = '1';
      return anchor;
    };
    if (shownQuery) {
      const line = element('p', 'fl-search__correction-line');
      line.append(fill(this.strings.corrected, { q: shownQuery }), this.strings.original);
      line.append(link(state.q, { ...state, page: 1, verbatim: true }));
      box.append(line);
    }
    if (suggestions.length > 0) {
      const line = element('p', 'fl-search__correction-line');
      line.append(this.strings.didYouMean);
      suggestions.forEach((text, index) => {
        if (index > 0) line.append('、');
        line.append(link(text, { ...state, q: text, page: 1, verbatim: false }));
      });
      box.append(line);
    }
    box.hidden = box.childNodes.length === 0;
  }

  private render(state: SearchState, outcome: Outcome, results: ResultData[], page: number, pages: number): void {
    const s = this.strings;
    const total = outcome.ids.length;
    const browsing = !state.q;
    let status = browsing ? fill(s.browse, { count: total }) : fill(s.count, { count: total, q: state.q });
    if (total === 0) status = browsing ? s.noneBrowse : fill(s.none, { q: state.q });
    else if (pages > 1) status += fill(s.pageOf, { page, pages });
    this.status.textContent = status;

    const note = part(this, 'note');
    note.hidden = outcome.synonyms.length === 0;
    note.textContent = fill(s.synonyms, { terms: outcome.synonyms.join('、') });

    const offset = (page - 1) * RESULTS_PER_PAGE;
    const items = results.map((result, index) => {
      const item = this.result(result, outcome.highlight);
      // Where full matches end, say that what follows matches the query only in part.
      if (offset + index === outcome.full) item.prepend(element('p', 'fl-search-result__partial', s.partial));
      return item;
    });
    setContent(part(this, 'results'), ...items);
    this.renderPager(state, page, pages);
    this.renderEmpty(state, outcome, total === 0);
  }

  private result(result: ResultData, highlight: string[]): HTMLLIElement {
    const item = element('li', 'fl-search-result');
    const heading = element('h2', 'fl-search-result__title');
    const link = element('a', undefined, result.title);
    link.href = result.url;
    heading.append(link);
    const meta = element('p', 'fl-search-result__meta');
    if (result.section && this.strings.sections[result.section]) {
      meta.append(element('span', 'fl-search-result__section', this.strings.sections[result.section]));
    }
    if (result.date && result.dateText) {
      const time = element('time', undefined, result.dateText);
      time.dateTime = result.date;
      meta.append(time);
    }
    if (result.doc) meta.append(element('span', undefined, result.doc));
    if (result.sample) meta.append(element('span', 'fl-tag fl-tag--sample', this.strings.sample));
    const excerpt = element('p', 'fl-search-result__excerpt');
    const label = result.section ? this.strings.sections[result.section] : undefined;
    for (const piece of resultExcerpt(result.content, result.title, label, highlight)) {
      excerpt.append(piece.mark ? element('mark', undefined, piece.text) : document.createTextNode(piece.text));
    }
    item.append(heading, meta, excerpt);
    return item;
  }

  private renderPager(state: SearchState, page: number, pages: number): void {
    const pager = part(this, 'pager');
    pager.hidden = pages < 2;
    if (pages < 2) {
      setContent(pager);
      return;
    }
    const list = element('ul', 'fl-pagination__list');
    const add = (target: number, text: string, label?: string) => {
      const link = element('a', 'fl-pagination__link', text);
      link.href = this.href({ ...state, page: target });
      link.dataset['page'] = String(target);
      if (label) link.setAttribute('aria-label', label);
      if (target === page && label) link.setAttribute('aria-current', 'page');
      const item = element('li');
      item.append(link);
      list.append(item);
    };
    if (page > 1) add(page - 1, this.strings.prev);
    const first = Math.max(1, Math.min(page - 2, pages - 4));
    for (let n = first; n <= Math.min(pages, first + 4); n += 1)
      add(n, String(n), fill(this.strings.pageN, { page: n }));
    if (page < pages) add(page + 1, this.strings.next);
    setContent(pager, list);
  }

  /** Zero results: plain words, broader searches to try, then the hotline and the sections (in the page). */
  private renderEmpty(state: SearchState, outcome: Outcome, empty: boolean): void {
    const box = part(this, 'empty');
    box.hidden = !empty;
    part(this, 'tips').hidden = false;
    const list = part(this, 'suggestions');
    for (const old of list.querySelectorAll('[data-generated]')) old.remove();
    if (!empty || !state.q) return;
    const s = this.strings;
    const suggest = (label: string, links: { text: string; state: SearchState }[]) => {
      if (links.length === 0) return;
      const item = element('li');
      item.dataset['generated'] = '';
      item.append(label);
      links.forEach(({ text, state: target }, index) => {
        if (index > 0) item.append('、');
        const link = element('a', undefined, text);
        link.href = this.href(target);
        link.dataset['page'] = '1';
        item.append(link);
      });
      list.append(item);
    };
    const plain = (q: string): SearchState => ({ q, filters: {}, sort: 'relevance', page: 1 });
    if (Object.keys(state.filters).length > 0)
      suggest('', [{ text: fill(s.allFilters, { q: state.q }), state: plain(state.q) }]);
    if (outcome.terms.length > 1)
      suggest(
        s.split,
        outcome.terms.map((term) => ({ text: term, state: plain(term) })),
      );
    const popular = this.synonyms.map((group) => group.terms[0]).filter((term): term is string => Boolean(term));
    suggest(
      s.popular,
      popular.filter((term) => term !== state.q).map((term) => ({ text: term, state: plain(term) })),
    );
  }

  private renderError(): void {
    this.status.textContent = this.strings.error;
    part(this, 'note').hidden = true;
    setContent(part(this, 'results'));
    part(this, 'pager').hidden = true;
    part(this, 'empty').hidden = false;
    part(this, 'tips').hidden = true;
  }
}

customElements.define('fl-search', SearchPage);
