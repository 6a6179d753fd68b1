/**
 * One preview template per collection, each assembling the page parts in the order
 * `src/pages/[collection]/[slug].astro` does, plus the site's own stylesheet.
 */
import type { CMS } from 'decap-cms-core';
import { createElement as h, type ComponentType } from 'react';
import { model, type CollectionName, type Field } from '../../src/content/model.ts';
import { t } from '../../src/i18n/index.ts';
import {
  Article,
  AttachmentList,
  DocInfoTable,
  FactList,
  Figure,
  ValidityBanner,
  VideoLink,
  dataOf,
  text,
  type PreviewProps,
} from './parts.ts';

function NoticePreview(props: PreviewProps) {
  const data = dataOf(props);
  return Article(props, data, {
    source: { label: t('entry.issuer'), value: text(data, 'issuer') ?? '' },
    before: [ValidityBanner(text(data, 'validity')), DocInfoTable(data)],
    after: [AttachmentList(data['attachments'])],
  });
}

/** FactList.astro for `keys` of a collection, labelled from the model, as the entry page lists them. */
function facts(collection: CollectionName, data: Record<string, unknown>, keys: string[]) {
  const fields = model[collection].fields as Record<string, Field>;
  return FactList(keys.map((key) => ({ label: fields[key]?.label ?? key, value: text(data, key) })));
}

function MeasurePreview(props: PreviewProps) {
  const data = dataOf(props);
  return Article(props, data, { before: [facts('measures', data, ['audience', 'contact'])] });
}

function StoryPreview(props: PreviewProps) {
  const data = dataOf(props);
  return Article(props, data, {
    before: [
      facts('stories', data, ['person', 'honor', 'town']),
      Figure(props, text(data, 'cover'), text(data, 'coverAlt'), 'fl-article__cover'),
    ],
  });
}

function JiafengPreview(props: PreviewProps) {
  const data = dataOf(props);
  const transcript = text(data, 'transcript');
  return Article(props, data, {
    before: [
      facts('jiafeng', data, ['author', 'form', 'town']),
      Figure(props, text(data, 'image'), text(data, 'imageAlt'), 'fl-work-figure'),
      data['form'] === '视频' ? VideoLink(text(data, 'video')) : null,
      transcript
        ? h(
            'section',
            { className: 'fl-transcript' },
            h(
              'h2',
              { className: 'fl-transcript__title' },
              data['form'] === '书法' ? t('jiafeng.transcript.书法') : t('jiafeng.transcript.default'),
            ),
            h('p', { className: 'fl-transcript__text' }, transcript),
          )
        : null,
    ],
  });
}

function NewsPreview(props: PreviewProps) {
  const data = dataOf(props);
  const source = text(data, 'source');
  return Article(props, data, {
    ...(source ? { source: { label: t('entry.source'), value: source } } : {}),
    before: [Figure(props, text(data, 'cover'), text(data, 'coverAlt'), 'fl-article__cover')],
  });
}

export const PREVIEWS: Record<CollectionName, ComponentType<PreviewProps>> = {
  notices: NoticePreview,
  measures: MeasurePreview,
  stories: StoryPreview,
  jiafeng: JiafengPreview,
  news: NewsPreview,
};

/** Registers the templates and the site's stylesheet (`css`, already bundled into one string). */
export function registerPreviews(cms: CMS, css: string): void {
  cms.registerPreviewStyle(css, { raw: true });
  for (const [name, template] of Object.entries(PREVIEWS)) {
    cms.registerPreviewTemplate(name, template);
  }
}
