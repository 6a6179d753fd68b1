/**
 * The wording guard in the preview pane: a notice above the article that lists each
 * near-miss of a reviewed formulation with the right formulation, the title with the wrong
 * text marked and the right one beside it, and the body's near-misses highlighted in place.
 * Below it, a second notice with what only warns: near-misses of the editors' additions
 * (marked in place too, in amber) and the typography suggestions of the house style
 * (../typography.ts, whose WebAssembly is loaded when the first preview asks).
 *
 * The body is rendered by Decap, and React owns its DOM: it is marked with the CSS Custom
 * Highlight API (ranges over the rendered text, no node added or moved), recomputed whenever
 * Decap re-renders it.
 */
import { createElement as h, useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../../src/i18n/index.ts';
import type { FieldNearMiss } from '../../src/lib/wording/entry.ts';
import { shownText } from '../../src/lib/wording/messages.ts';
import { loadFormat, suggestionsOf, type TypographySuggestion } from '../typography.ts';
import { blocking, describe, matcher } from '../wording.ts';

/** The names of the highlights (near-misses of reviewed formulations, of editors' additions), styled by WORDING_CSS. */
export const HIGHLIGHT = 'fl-wording';
export const WARNING_HIGHLIGHT = 'fl-wording-warning';

/** Styles of the notice and the marks, added to the preview pane's stylesheet. */
export const WORDING_CSS = `
.fl-wording-notice { border: 4px solid #d4351c; padding: 0.75rem 1rem; margin-block-end: 1.5rem; background: #fff; }
.fl-wording-notice__title { font-size: 1.125rem; margin: 0 0 0.5rem; color: #d4351c; }
.fl-wording-notice__list { margin: 0; padding-inline-start: 1.25rem; }
.fl-wording-mark { background: #f9d4cf; color: inherit; text-decoration: underline wavy #d4351c; }
.fl-wording-mark__fix { color: #d4351c; font-weight: 700; }
::highlight(${HIGHLIGHT}) { background-color: #f9d4cf; text-decoration: underline wavy #d4351c; }
.fl-wording-warnings { border: 4px solid #f47738; padding: 0.75rem 1rem; margin-block-end: 1.5rem; background: #fff; }
.fl-wording-warnings__title { font-size: 1.125rem; margin: 0 0 0.5rem; color: #8a3b00; }
.fl-wording-warnings__list { margin: 0; padding-inline-start: 1.25rem; }
.fl-wording-mark--warning { background: #fde6cf; text-decoration-color: #f47738; }
::highlight(${WARNING_HIGHLIGHT}) { background-color: #fde6cf; text-decoration: underline wavy #f47738; }
`;

/** What the notices need: the entry's near-misses, its data and its fields' labels. */
export interface WordingNoticeProps {
  misses: readonly FieldNearMiss[];
  data: Readonly<Record<string, unknown>>;
  labels: Readonly<Record<string, string>>;
}

/** One typography suggestion, in a line the editor reads. */
function describeSuggestion({ label, line, before, after }: TypographySuggestion): string {
  return t('wording.notice.typography', {
    label,
    line: line === undefined ? '' : t('wording.notice.bodyLine', { line }),
    before,
    after,
  });
}

/**
 * The notices above the article, or nothing when the entry is clean: near-misses of reviewed
 * formulations (the save is refused), then what only warns.
 */
export function WordingNotice({ misses, data, labels }: WordingNoticeProps): ReactNode {
  const [format, setFormat] = useState<((text: string) => string) | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadFormat().then(
      (loaded) => live && setFormat(() => loaded),
      // Without AutoCorrect the preview still shows the wording guard; the content check still lints.
      (error: unknown) => console.warn('排版检查没有加载', error),
    );
    return () => {
      live = false;
    };
  }, []);
  const errors = misses.filter(({ miss }) => miss.level === 'error');
  const warnings = misses.filter(({ miss }) => miss.level === 'warning');
  const suggestions = format ? suggestionsOf(format, labels, data) : [];
  const items = [...warnings.map(describe), ...suggestions.map(describeSuggestion)];
  return [
    errors.length > 0
      ? h(
          'div',
          { key: 'errors', className: 'fl-wording-notice', role: 'alert', 'data-wording-notice': '' },
          h(
            'h2',
            { className: 'fl-wording-notice__title' },
            t('wording.notice.title', { count: blocking(errors).length }),
          ),
          h(
            'ul',
            { className: 'fl-wording-notice__list' },
            errors.map((item, index) => h('li', { key: index }, describe(item))),
          ),
        )
      : null,
    items.length > 0
      ? h(
          'div',
          { key: 'warnings', className: 'fl-wording-warnings', role: 'status', 'data-wording-warnings': '' },
          h('h2', { className: 'fl-wording-warnings__title' }, t('wording.notice.warnings')),
          h(
            'ul',
            { className: 'fl-wording-warnings__list' },
            items.map((item, index) => h('li', { key: index }, item)),
          ),
        )
      : null,
  ];
}

/** A field's text with each near-miss marked and the right formulation after it. */
export function markedText(text: string, misses: readonly FieldNearMiss[]): ReactNode {
  const sorted = misses.filter((item) => item.text === text).sort((a, b) => a.miss.start - b.miss.start);
  if (sorted.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  sorted.forEach(({ miss }, index) => {
    parts.push(text.slice(at, miss.start));
    parts.push(
      h(
        'mark',
        {
          key: `m${index}`,
          className: miss.level === 'warning' ? 'fl-wording-mark fl-wording-mark--warning' : 'fl-wording-mark',
        },
        shownText(miss.found),
      ),
      h(
        'span',
        { key: `f${index}`, className: 'fl-wording-mark__fix' },
        t('wording.mark.fix', { expected: miss.expected }),
      ),
    );
    at = miss.end;
  });
  parts.push(text.slice(at));
  return parts;
}

interface HighlightWindow {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
}

/** Highlights the near-misses in the rendered text under `root`. Returns how many. */
function highlight(root: HTMLElement): number {
  const view = root.ownerDocument.defaultView as unknown as HighlightWindow | null;
  const registry = view?.CSS.highlights;
  if (!view || !registry || !view.Highlight) return 0;
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  // The node holding offset `at` of the joined text, and the offset inside it.
  const locate = (at: number): [Text, number] => {
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > at) index -= 1;
    return [nodes[index]!, at - starts[index]!];
  };
  const found = matcher.find(text);
  const rangesOf = (level: 'error' | 'warning') =>
    found
      .filter((miss) => miss.level === level)
      .map((miss) => {
        const range = root.ownerDocument.createRange();
        range.setStart(...locate(miss.start));
        range.setEnd(...locate(miss.end - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        return range;
      });
  const ranges = rangesOf('error');
  const warnings = rangesOf('warning');
  registry.set(HIGHLIGHT, new view.Highlight(...ranges));
  registry.set(WARNING_HIGHLIGHT, new view.Highlight(...warnings));
  root.dataset['wordingMarks'] = String(ranges.length);
  root.dataset['wordingWarningMarks'] = String(warnings.length);
  return ranges.length;
}

/** The article body (`fl-prose`), with its near-misses highlighted after every render. */
export function MarkedProse({ children }: { children?: ReactNode }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    highlight(root);
    // Decap may fill the body in after this render: mark again whenever its text changes.
    const observer = new MutationObserver(() => highlight(root));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  });
  return h('div', { className: 'fl-prose', ref }, children);
}
