/**
 * The content model rejects bad input with messages an editor can act on: each names the
 * field, says what is wrong and what to write instead.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, model, type CollectionName } from '../../src/content/model.ts';
import { buildSchema } from '../../src/content/schema.ts';

const valid: Record<CollectionName, Record<string, unknown>> = {
  notices: { title: '通知', date: '2024-03-08', docNumber: '望妇发〔2024〕1号' },
  measures: { title: '措施', date: '2024-03-08', order: 1 },
  stories: { title: '典型', date: '2024-03-08', person: '某某' },
  jiafeng: { title: '作品', date: '2024-03-08', author: '某某', form: '书法' },
  news: { title: '动态', date: '2024-03-08', source: '望城区妇联' },
};

/** The issues zod reports, as `path: message`. */
function issues(collection: CollectionName, data: Record<string, unknown>): string[] {
  const result = buildSchema(model[collection].fields).safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the content model', () => {
  it("hands image paths to Astro's per-entry image() helper, and names the field when it fails", async () => {
    const seen: string[] = [];
    const image = (prefix: string) => () =>
      z.string().transform((path, ctx) => {
        seen.push(path);
        if (path.includes('missing')) {
          ctx.issues.push({ code: 'custom', message: `找不到图片 ${path}`, input: path });
          return z.NEVER;
        }
        return `${prefix}${path}`;
      });
    const entry = { ...valid.news, cover: './images/a.jpg', coverAlt: '会场' };
    const first = await buildSchema(model.news.fields, image('A:')).parseAsync(entry);
    const second = await buildSchema(model.news.fields, image('B:')).parseAsync(entry);
    expect([first.cover, second.cover]).toEqual(['A:./images/a.jpg', 'B:./images/a.jpg']);
    expect((await buildSchema(model.news.fields, image('C:')).parseAsync(valid.news)).cover).toBeUndefined();
    const failed = await buildSchema(model.news.fields, image('D:')).safeParseAsync({
      ...entry,
      cover: './images/missing.jpg',
    });
    expect(failed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'cover: 找不到图片 ./images/missing.jpg',
    ]);
    // Paths are still checked first, and the alt-text rule still applies.
    const bad = await buildSchema(model.news.fields, image('E:')).safeParseAsync({ ...valid.news, cover: 'a.gif' });
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['cover', 'coverAlt']);
    expect(seen).toEqual(['./images/a.jpg', './images/a.jpg', './images/missing.jpg']);
  });

  it.each(COLLECTIONS)('accepts a minimal valid %s entry and fills the defaults', (collection) => {
    const result = buildSchema(model[collection].fields).safeParse(valid[collection]);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ draft: false, sample: false, tags: [] });
  });

  it('fills the notice defaults the contract promises', () => {
    const data = buildSchema(model.notices.fields).parse(valid.notices);
    expect(data).toMatchObject({
      kind: '通知',
      issuer: '长沙市望城区妇女联合会',
      validity: '现行有效',
      attachments: [],
    });
  });

  it.each(['2024-13-45', '2024-02-30', '2023-02-29', '2024-3-8', '2024/03/08'])('rejects the date %s', (date) => {
    const found = issues('notices', { ...valid.notices, date });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^date: /);
    expect(found[0]).toContain(date);
    expect(found[0]).toContain('YYYY-MM-DD');
  });

  it('rejects a kind that is not in the list, naming the allowed ones', () => {
    expect(issues('notices', { ...valid.notices, kind: '通报' })).toEqual([
      'kind: “通报”不是可选值 — 请写 通知、公告、政策文件、政策解读 中的一个',
    ]);
  });

  it.each(['望妇发[2024]1号', '望妇发〔24〕1号', '望妇发〔2024〕1', '〔2024〕1号', '望妇发〔2024〕01号'])(
    'rejects the 文号 %s and shows the right form',
    (docNumber) => {
      const found = issues('notices', { ...valid.notices, docNumber });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^docNumber: /);
      expect(found[0]).toContain('望妇发〔2024〕1号');
    },
  );

  it('requires alt text whenever a cover is set', () => {
    const found = issues('stories', { ...valid.stories, cover: './images/a.jpg' });
    expect(found).toEqual([expect.stringMatching(/^coverAlt: 设置了 cover（封面图片），却没有替代文字/)]);
    expect(issues('stories', { ...valid.stories, cover: './images/a.jpg', coverAlt: '两位志愿者在社区服务' })).toEqual(
      [],
    );
  });

  it('requires alt text for a 家风 image too', () => {
    expect(issues('jiafeng', { ...valid.jiafeng, image: './images/a.jpg', imageAlt: '  ' })).toEqual([
      expect.stringMatching(/^imageAlt: /),
    ]);
  });

  it('names a missing required field', () => {
    expect(issues('notices', { date: '2024-03-08' })).toEqual([expect.stringMatching(/^title: 缺少必填项/)]);
    expect(issues('jiafeng', { title: '作品', date: '2024-03-08', form: '书法' })).toEqual([
      expect.stringMatching(/^author: 缺少必填项 — 请填写作者/),
    ]);
  });

  it('rejects a measure order outside 1–8', () => {
    expect(issues('measures', { ...valid.measures, order: 9 })).toEqual(['order: 9 大于 8 — 请写 1 到 8 之间的整数']);
  });

  it('rejects updated before date', () => {
    expect(issues('news', { ...valid.news, updated: '2024-03-01' })).toEqual([
      expect.stringMatching(/^updated: 2024-03-01 早于发布日期/),
    ]);
  });

  it('rejects unknown keys, so a typo does not silently drop a field', () => {
    const result = buildSchema(model.notices.fields).safeParse({ ...valid.notices, docNumbr: 'x' });
    expect(result.success).toBe(false);
  });

  it('treats an empty optional field as not set, as the CMS writes it', () => {
    const data = buildSchema(model.notices.fields).parse({ ...valid.notices, docNumber: '', topic: null });
    expect(data.docNumber).toBeUndefined();
    expect(data.topic).toBeUndefined();
  });

  it('accepts a Date from the YAML loader and keeps the calendar day', () => {
    const data = buildSchema(model.news.fields).parse({ ...valid.news, date: new Date('2024-03-08T00:00:00Z') });
    expect(data.date).toBe('2024-03-08');
  });
});
