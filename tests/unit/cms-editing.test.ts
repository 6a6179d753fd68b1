/**
 * The CMS's editing helpers that need no browser: paragraphs applied on save, today's date as
 * the default of a new entry's 发布日期, where 从 Word 导入 is offered, and which pastes are
 * converted. The browser behaviour is tested in tests/e2e/cms-word.spec.ts.
 */
import type { CmsCollection, CmsField } from 'decap-cms-core';
import { fromJS, type Map as ImmutableMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../admin/build/backend.ts';
import { cmsConfig } from '../../admin/build/config.ts';
import { WIDGETS } from '../../admin/constants.ts';
import { withParagraphs } from '../../admin/editing/paragraphs-on-save.ts';
import { withTodayDefaults } from '../../admin/editing/today.ts';
import { richHtml } from '../../admin/word/paste.ts';
import { COLLECTIONS, collectionModel, model, type Field } from '../../src/content/model.ts';

type AnyField = CmsField & Record<string, unknown>;
const fieldsOf = (config: ReturnType<typeof cmsConfig>, name: string) =>
  (config.collections.find((c) => c.name === name) as CmsCollection).fields as AnyField[];

describe('paragraphs on save', () => {
  it('rewrites the body that is saved', async () => {
    const data = fromJS({ title: '标题', body: '第一段。\n第二段。' }) as ImmutableMap<string, unknown>;
    expect((await withParagraphs(data))?.get('body')).toBe('第一段。\n\n第二段。');
    expect((await withParagraphs(data))?.get('title')).toBe('标题');
  });

  it('returns nothing when nothing changes, or when there is no body (the settings files)', async () => {
    expect(
      await withParagraphs(fromJS({ body: '第一段。\n\n第二段。' }) as ImmutableMap<string, unknown>),
    ).toBeUndefined();
    expect(await withParagraphs(fromJS({ phone: '' }) as ImmutableMap<string, unknown>)).toBeUndefined();
  });
});

describe("a new entry's 发布日期", () => {
  it('defaults to the day the admin loads, for every required date and no other', () => {
    const config = withTodayDefaults(cmsConfig({ backend: backendFromEnv({}) }), '2026-12-03');
    for (const name of COLLECTIONS) {
      for (const field of fieldsOf(config, name)) {
        const source = (model[name].fields as Record<string, Field>)[field.name];
        const expected = source?.type === 'date' && source.required === true ? '2026-12-03' : undefined;
        if (source?.type === 'date') expect(field.default, `${name}.${field.name}`).toBe(expected);
      }
      expect(fieldsOf(config, name).find((field) => field.name === 'date')?.default).toBe('2026-12-03');
    }
  });

  it('is today in Beijing time when no day is given', () => {
    const config = withTodayDefaults(cmsConfig({ backend: backendFromEnv({}) }));
    const date: unknown = fieldsOf(config, 'notices').find((field) => field.name === 'date')?.default;
    const beijing = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(date).toBe(beijing);
  });
});

describe('the body widget', () => {
  const config = cmsConfig({ backend: backendFromEnv({}) });

  it('offers 从 Word 导入 on the notices and news editors only', () => {
    const offered = COLLECTIONS.filter((name) => fieldsOf(config, name).at(-1)!['word_import'] === true);
    expect(offered).toEqual(['notices', 'news']);
    for (const name of COLLECTIONS) {
      const body = fieldsOf(config, name).at(-1)!;
      expect(body.widget).toBe(WIDGETS.body);
      expect(body['word_import'] === true, name).toBe(collectionModel(name).wordImport === true);
      if (body['word_import']) expect(body['slug_fallback']).toBe(model[name].slugFallback);
    }
  });

  it('converts pastes that carry markup and leaves plain text alone', () => {
    expect(richHtml('<meta charset="utf-8"><p class="MsoNormal"><b>一、活动时间</b></p>')).toBe(true);
    expect(richHtml('<table><tr><td>甲</td></tr></table>')).toBe(true);
    expect(richHtml('')).toBe(false);
    expect(richHtml('只是文字')).toBe(false);
  });
});
