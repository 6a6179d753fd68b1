/**
 * The pieces of an entry page, as small React functions reproducing the markup and class
 * names of the site's Astro components (named after each), so the preview pane, styled with
 * the site's own CSS, shows what a citizen will see. `.astro` components can't run in Decap.
 *
 * Sanitised by construction: every value is rendered as text (React escapes it); links and
 * images are rendered only for values that match the model's patterns; the Markdown body is
 * rendered by Decap with `sanitize_preview` (DOMPurify). What each part shows comes from the
 * model's roles, through the same functions as the entry page (src/lib/fields.ts).
 */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { Map as ImmutableMap } from 'immutable';
import { createElement as h, type ReactNode } from 'react';
import { t, tDynamic } from '../../src/i18n/index.ts';
import { formatDateZh, isRealDate } from '../../src/lib/dates.ts';
import { textOf, type DocInfoRow, type Fact, type SignatureLine } from '../../src/lib/fields.ts';
import { formatLabel } from '../../src/lib/files.ts';
import { URL_PATTERN, isAttachmentPath } from '../../src/lib/patterns.ts';
import { MarkedProse } from './wording.ts';

export type PreviewProps = PreviewTemplateComponentProps;

/** A plain-JS view of the entry's data. */
export function dataOf(props: PreviewProps): Record<string, unknown> {
  const data = props.entry.get('data') as ImmutableMap<string, unknown> | undefined;
  return data?.toJS() ?? {};
}

/** A string field's value, or undefined when empty or not text. */
export function text(data: Record<string, unknown>, key: string): string | undefined {
  return textOf(data[key]);
}

/** EntryDate.astro: 2024年3月8日 in a <time>, with 日期待核实 when unconfirmed. */
export function EntryDate(date: string | undefined, unconfirmed = false): ReactNode {
  if (!date) return null;
  const shown = isRealDate(date) ? formatDateZh(date) : date;
  return [
    h('time', { key: 'd', dateTime: date }, shown),
    unconfirmed ? h('span', { key: 'u', className: 'fl-tag fl-tag--warning' }, t('entry.dateUnconfirmed')) : null,
  ];
}

/** SampleBanner.astro. */
export function SampleBanner(): ReactNode {
  return h(
    'div',
    { className: 'fl-sample-banner', role: 'note', 'aria-label': t('sample.title') },
    h('strong', { className: 'fl-sample-banner__title' }, t('sample.title')),
    h('p', { className: 'fl-sample-banner__body' }, t('sample.body')),
  );
}

/** EntryMeta.astro: 发布日期, 最后更新, and the byline (来源 or 发布机构). */
export function EntryMeta(data: Record<string, unknown>, byline?: { label: string; value: string }): ReactNode {
  const item = (key: string, label: string, value: ReactNode) =>
    h('div', { key, className: 'fl-entry-meta__item' }, h('dt', null, label), h('dd', null, value));
  const updated = text(data, 'updated');
  return h(
    'dl',
    { className: 'fl-entry-meta' },
    item('date', t('entry.published'), EntryDate(text(data, 'date'), data['dateUnconfirmed'] === true)),
    updated ? item('updated', t('entry.updated'), EntryDate(updated)) : null,
    byline ? item('byline', byline.label, byline.value) : null,
  );
}

/** FactList.astro: labelled facts, empty ones left out. */
export function FactList(items: Fact[]): ReactNode {
  const shown = items.filter((item) => item.value);
  if (shown.length === 0) return null;
  return h(
    'dl',
    { className: 'fl-facts' },
    shown.map((item) =>
      h('div', { key: item.label, className: 'fl-facts__item' }, h('dt', null, item.label), h('dd', null, item.value)),
    ),
  );
}

/** ValidityBanner.astro (without the replacement link, which needs the other notices). */
export function ValidityBanner(validity: string | undefined): ReactNode {
  if (!validity || validity === '现行有效') return null;
  return h(
    'div',
    { className: 'fl-validity-banner', role: 'note' },
    h(
      'p',
      { className: 'fl-validity-banner__status' },
      h('strong', null, tDynamic(`notice.validity.banner.${validity}`)),
    ),
  );
}

/** DocInfoTable.astro: the 信息公开 rows (docInfoRows), 无 for an empty one. */
export function DocInfoTable(docInfo: DocInfoRow[]): ReactNode {
  if (docInfo.length === 0) return null;
  const none = t('notice.infoTable.none');
  const rows = docInfo.map((row): [string, ReactNode] => [
    row.label,
    row.value === undefined ? none : row.kind === 'date' ? EntryDate(row.value, row.unconfirmed) : row.value,
  ]);
  return h(
    'table',
    { className: 'fl-doc-info' },
    h('caption', { className: 'fl-doc-info__caption' }, t('notice.infoTable')),
    h(
      'tbody',
      null,
      rows.map(([label, value]) => h('tr', { key: label }, h('th', { scope: 'row' }, label), h('td', null, value))),
    ),
  );
}

/** AttachmentList.astro (the size is known only once the site is built). */
export function AttachmentList(value: unknown): ReactNode {
  const items = (Array.isArray(value) ? value : []) as { title?: unknown; file?: unknown }[];
  const shown = items.filter((item) => typeof item.title === 'string' && item.title !== '');
  if (shown.length === 0) return null;
  return h(
    'section',
    { className: 'fl-attachments' },
    h('h2', { className: 'fl-attachments__title' }, t('notice.attachments')),
    h(
      'ol',
      { className: 'fl-attachments__list' },
      shown.map((item, index) => {
        const file = typeof item.file === 'string' ? item.file : '';
        const title = String(item.title);
        return h(
          'li',
          { key: index, className: 'fl-attachments__item' },
          isAttachmentPath(file)
            ? h('a', { className: 'fl-attachments__link', href: file, download: true }, title)
            : title,
          file ? h('span', { className: 'fl-attachments__meta' }, `（${formatLabel(file)}）`) : null,
        );
      }),
    ),
  );
}

/** CoverImage.astro inside its figure: the uploaded or stored image, with its alt text. */
export function Figure(
  props: PreviewProps,
  path: string | undefined,
  alt: string | undefined,
  className: string,
): ReactNode {
  if (!path) return null;
  const asset = props.getAsset(path);
  const src = asset ? String(asset.url ?? asset) : '';
  if (!/^(blob:|data:image\/|https?:|\/)/.test(src) && !src.startsWith('.')) return null;
  return h('figure', { className }, h('img', { src, alt: alt ?? '', loading: 'lazy' }));
}

/** The video link of JiafengWork.astro, only for http(s) addresses. */
export function VideoLink(url: string | undefined): ReactNode {
  return h(
    'p',
    { className: 'fl-work-video' },
    url && URL_PATTERN.test(url)
      ? h('a', { className: 'fl-button', href: url }, t('jiafeng.video.link'))
      : t('jiafeng.video.none'),
  );
}

/** Signature.astro: the 落款 below the text (signatureOf), right-aligned. */
export function Signature(lines: SignatureLine[]): ReactNode {
  if (lines.length === 0) return null;
  return h(
    'div',
    { className: 'fl-signature' },
    ...lines.map((line, index) =>
      h(
        'p',
        { className: 'fl-signature__line', key: index },
        line.kind === 'date' && isRealDate(line.value)
          ? h('time', { dateTime: line.value }, formatDateZh(line.value))
          : line.value,
      ),
    ),
  );
}

/** The page frame: the sample banner, then the article with its title, meta and body. */
export function Article(
  props: PreviewProps,
  data: Record<string, unknown>,
  parts: {
    byline?: { label: string; value: string } | undefined;
    before?: ReactNode[];
    after?: ReactNode[];
    /** Above everything: the wording guard's notice (./wording.ts). */
    notice?: ReactNode;
    /** The title, when it has marks in it. */
    title?: ReactNode;
  },
): ReactNode {
  return h(
    'main',
    { className: 'fl-main fl-width-container', id: 'main' },
    parts.notice ?? null,
    data['sample'] === true ? SampleBanner() : null,
    h(
      'article',
      { className: 'fl-article' },
      h(
        'header',
        { className: 'fl-article__header' },
        h('h1', { className: 'fl-page-title' }, parts.title ?? text(data, 'title') ?? ''),
        EntryMeta(data, parts.byline),
      ),
      ...(parts.before ?? []),
      // Decap's types name JSX.Element, which this toolchain doesn't declare.
      // The body, with the wording guard's near-misses highlighted in place.
      h(MarkedProse, null, props.widgetFor('body') as ReactNode),
      ...(parts.after ?? []),
    ),
  );
}
