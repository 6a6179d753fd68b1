/**
 * What the model's roles mean for one entry (src/lib/fields.ts): the same rows for the entry
 * page and for the CMS preview, whose data has no defaults filled in and may be half typed.
 */
import { describe, expect, it } from 'vitest';
import model from 'virtual:fl/fields';
import { fieldsOf } from '../../src/content/model.ts';
import { browserModel } from '../../src/integrations/model-modules.ts';
import { bylineOf, coverOf, docInfoRows, factsOf, filterNames, listTagOf } from '../../src/lib/fields.ts';

const notice = {
  title: '通知',
  date: '2024-01-02',
  dateUnconfirmed: true,
  docNumber: '望妇发〔2024〕1号',
  writtenDate: '2023-12-29',
  kind: '政策文件',
};

describe('the roles of the model', () => {
  it('give a notice its 信息公开 rows in the inspectors’ order, with defaults and 无 for what is empty', () => {
    expect(docInfoRows(fieldsOf('notices'), notice)).toEqual([
      { kind: 'text', label: '索引号', value: undefined },
      { kind: 'text', label: '发布机构', value: '长沙市望城区妇女联合会' },
      { kind: 'text', label: '文号', value: '望妇发〔2024〕1号' },
      { kind: 'date', label: '成文日期', value: '2023-12-29', unconfirmed: false },
      { kind: 'date', label: '发布日期', value: '2024-01-02', unconfirmed: true },
      { kind: 'text', label: '主题分类', value: undefined },
      { kind: 'text', label: '有效性', value: '现行有效' },
    ]);
    // Only notices have the table.
    expect(docInfoRows(fieldsOf('news'), { title: '动态', date: '2024-01-02' })).toEqual([]);
  });

  it('give each section its facts, byline and list tag', () => {
    expect(factsOf(fieldsOf('stories'), { person: '周某某家庭', town: '靖港镇' })).toEqual([
      { label: '人物或家庭', value: '周某某家庭' },
      { label: '荣誉称号', value: undefined },
      { label: '街镇', value: '靖港镇' },
    ]);
    expect(factsOf(fieldsOf('jiafeng'), { author: '黄某某', form: '书法' }).map((fact) => fact.label)).toEqual([
      '作者',
      '作品形式',
      '街镇',
    ]);
    expect(bylineOf(fieldsOf('notices'), { issuer: '望城区妇联' })).toEqual({ label: '发布机构', value: '望城区妇联' });
    expect(bylineOf(fieldsOf('news'), { source: '  ' })).toBeUndefined();
    expect(listTagOf(fieldsOf('notices'), notice)).toBe('政策文件');
    expect(listTagOf(fieldsOf('stories'), { person: '某某' })).toBeUndefined();
  });

  it('find the cover picture and its alt text, and nothing when none is set', () => {
    expect(coverOf(fieldsOf('news'), { cover: './images/a.jpg', coverAlt: '会场' })).toEqual({
      image: './images/a.jpg',
      alt: '会场',
    });
    expect(coverOf(fieldsOf('news'), { cover: '' })).toBeUndefined();
    // A 家风 work's picture is its own layout, not a cover.
    expect(coverOf(fieldsOf('jiafeng'), { image: './images/a.jpg', imageAlt: '书法' })).toBeUndefined();
  });

  it('give the browser the same rows from its copy of the model, which carries no hints or patterns', () => {
    expect(model).toEqual(browserModel());
    expect(JSON.stringify(model)).not.toContain('hint');
    expect(docInfoRows(model.notices.fields, notice)).toEqual(docInfoRows(fieldsOf('notices'), notice));
    expect(factsOf(model.measures.fields, { audience: '女性人才' })).toEqual(
      factsOf(fieldsOf('measures'), { audience: '女性人才' }),
    );
  });

  it('name the search filters: 栏目, 年份, then each filter field once, by position', () => {
    expect(filterNames(model)).toEqual(['section', 'year', 'kind', 'form', 'town']);
  });
});
