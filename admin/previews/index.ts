/**
 * The preview template of every collection: the page parts in the order
 * `src/pages/[collection]/[slug].astro` assembles them, from the same field roles (read from
 * `virtual:fl/fields`, the browser's copy of the content model, through src/lib/fields.ts),
 * plus the site's own stylesheet. A section's own layout (a notice's validity banner and
 * 信息公开 table, a 家风 work's picture, video and transcript) is added where the page adds it.
 */
import type { CMS } from 'decap-cms-core';
import { createElement as h, type ComponentType, type ReactNode } from 'react';
import model from 'virtual:fl/fields';
import type { CollectionName } from '../../src/content/model.ts';
import { t } from '../../src/i18n/index.ts';
import {
  bylineOf,
  coverOf,
  docInfoRows,
  factsOf,
  keysOfType,
  signatureOf,
  textOf,
  type FieldSet,
} from '../../src/lib/fields.ts';
import {
  Article,
  AttachmentList,
  DocInfoTable,
  FactList,
  Figure,
  Signature,
  ValidityBanner,
  VideoLink,
  dataOf,
  text,
  type PreviewProps,
} from './parts.ts';
import { nearMissesOf } from '../wording.ts';
import { WORDING_CSS, WordingNotice, markedText } from './wording.ts';

/** NoticeDetails.astro: the validity banner and the 信息公开 table. */
function noticeDetails(fields: FieldSet, data: Record<string, unknown>): ReactNode[] {
  return [ValidityBanner(text(data, 'validity')), DocInfoTable(docInfoRows(fields, data))];
}

/** JiafengWork.astro, after its facts: the picture, the video link and the transcript. */
function jiafengWork(props: PreviewProps, data: Record<string, unknown>): ReactNode[] {
  const transcript = text(data, 'transcript');
  return [
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
  ];
}

/** The template of one collection. */
function previewOf(collection: CollectionName): ComponentType<PreviewProps> {
  const { fields } = model[collection];
  const labels = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.label]));
  return function EntryPreview(props: PreviewProps) {
    const data = dataOf(props);
    const cover = coverOf(fields, data);
    const misses = nearMissesOf(collection, data);
    const title = text(data, 'title');
    return Article(props, data, {
      notice: h(WordingNotice, { misses, data, labels }),
      title:
        title === undefined
          ? undefined
          : markedText(
              title,
              misses.filter((item) => item.field === 'title'),
            ),
      byline: bylineOf(fields, data),
      before: [
        ...(collection === 'notices' ? noticeDetails(fields, data) : []),
        FactList(factsOf(fields, data)),
        ...(collection === 'jiafeng' ? jiafengWork(props, data) : []),
        cover ? Figure(props, textOf(cover.image), cover.alt, 'fl-article__cover') : null,
      ],
      after: [
        Signature(signatureOf(fields, data)),
        ...keysOfType(fields, 'attachments').map((key) => AttachmentList(data[key])),
      ],
    });
  };
}

/** Registers the templates and the site's stylesheet (`css`, already bundled into one string). */
export function registerPreviews(cms: CMS, css: string): void {
  cms.registerPreviewStyle(css, { raw: true });
  cms.registerPreviewStyle(WORDING_CSS, { raw: true });
  for (const name of Object.keys(model) as CollectionName[]) {
    cms.registerPreviewTemplate(name, previewOf(name));
  }
}
