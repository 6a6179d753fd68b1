/**
 * One preview template per collection, each assembling the page parts in the order
 * `src/pages/[collection]/[slug].astro` does, plus the site's own stylesheet.
 */
import type { CMS } from 'decap-cms-core';
import { createElement as h, type ComponentType } from 'react';
import { model, type CollectionName } from '../../src/content/model.ts';
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

function MeasurePreview(props: PreviewProps) {
  const data = dataOf(props);
  const fields = model.measures.fields;
  return Article(props, data, {
    before: [
      FactList([
        { label: fields.audience.label, value: text(data, 'audience') },
        { label: fields.contact.label, value: text(data, 'contact') },
      ]),
    ],
  });
}

function StoryPreview(props: PreviewProps) {
  const data = dataOf(props);
  const fields = model.stories.fields;
  return Article(props, data, {
    before: [
      FactList([
        { label: fields.person.label, value: text(data, 'person') },
        { label: fields.honor.label, value: text(data, 'honor') },
        { label: fields.town.label, value: text(data, 'town') },
      ]),
      Figure(props, text(data, 'cover'), text(data, 'coverAlt'), 'fl-article__cover'),
    ],
  });
}

function JiafengPreview(props: PreviewProps) {
  const data = dataOf(props);
  const fields = model.jiafeng.fields;
  const transcript = text(data, 'transcript');
  return Article(props, data, {
    before: [
      FactList([
        { label: fields.author.label, value: text(data, 'author') },
        { label: fields.form.label, value: text(data, 'form') },
        { label: fields.town.label, value: text(data, 'town') },
      ]),
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
