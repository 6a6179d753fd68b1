/**
 * Search that forgives: the build's pinyin data (src/build/pinyin-data.ts, with pinyin-pro) and
 * the browser's matching (src/lib/search-pinyin.ts), over a small vocabulary made the way the
 * build makes it.
 */
import { describe, expect, it } from 'vitest';
import { buildPinyinData } from '../../src/build/pinyin-data.ts';
import { findDocNumber, stateFromParams, stateToParams } from '../../src/lib/search-query.ts';
import {
  correctQuery,
  fromPinyin,
  fuzzySyllable,
  indexPinyin,
  keysOf,
  type PinyinIndex,
} from '../../src/lib/search-pinyin.ts';

/** A page as Pagefind's fragments hold it: words separated by zero-width spaces. */
const page = (words: string[], phrases: string[] = []) => ({ content: words.join('\u200b'), phrases });

const data = buildPinyinData([
  page(['两', '癌', '救助', '工作', '通知'], ['关于做好两癌救助工作的通知']),
  page(['反', '家', '暴', '宣传', '活动', '妇联'], ['反家暴宣传']),
  page(['亲子', '阅读', '活动'], ['亲子阅读']),
  page(['留守', '儿童', '关爱'], ['留守儿童关爱行动']),
  page(['维权', '热线', '12338', 'WFF'], ['妇女维权热线']),
  page(['银行', '行长', '走访'], ['银行行长走访']),
  page(['重新', '长沙', '重庆'], ['长沙重庆']),
  page(['妇联', '妇女', '联合', '互联网'], ['妇联']),
  page(['家庭', '教育', '指导'], ['家庭教育']),
]);
const index: PinyinIndex = indexPinyin(data);
const fix = (q: string, fuzzy = false) => correctQuery(q, index, { fuzzy, docText: findDocNumber(q)?.text });

describe('pinyin data (build)', () => {
  it('holds words, runs of single characters and title compounds', () => {
    for (const word of ['两癌', '反家暴', '救助', '亲子阅读', '留守儿童', '妇女维权'])
      expect(data.words, word).toContain(word);
  });

  it('reads 多音字 by phrase', () => {
    const py = (word: string) => data.py[data.words.indexOf(word)];
    expect(py('银行')).toBe('yin hang');
    expect(py('行长')).toBe('hang zhang');
    expect(py('长沙')).toBe('chang sha');
    expect(py('重庆')).toBe('chong qing');
    expect(py('重新')).toBe('chong xin');
  });

  it('lists every reading of a character in the table', () => {
    expect(index.readings.get('长')).toEqual(expect.arrayContaining(['chang', 'zhang']));
    expect(index.readings.get('重')).toEqual(expect.arrayContaining(['zhong', 'chong']));
    expect(index.readings.get('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    // GB2312 characters not on the site are there too: the query may use them.
    expect(index.readings.get('抱')).toEqual(['bao']);
    expect(keysOf(['两', '爱'], index)).toContain('liang ai');
  });

  it('keeps Latin words the site holds', () => {
    expect(data.latin).toContain('wff');
  });
});

describe('homophones (exact sound)', () => {
  it.each([
    ['两爱救助', '两癌救助'],
    ['两爱', '两癌'],
    ['反家抱', '反家暴'],
    ['亲子越读', '亲子阅读'],
    ['留守儿同', '留守儿童'],
    ['维全', '维权'],
  ])('%s → %s', (q, best) => {
    expect(fix(q).best).toBe(best);
  });

  it('corrects 多音字 both ways: 银航 → 银行, 航长 → 行长, 常沙 → 长沙, 虫新 → 重新', () => {
    expect(fix('银航').best).toBe('银行');
    expect(fix('航长').best).toBe('行长');
    expect(fix('常沙').best).toBe('长沙');
    expect(fix('虫新').best).toBe('重新');
    expect(fix('虫庆').best).toBe('重庆');
  });

  it('never replaces what the site holds', () => {
    for (const q of ['妇联', '银行行长', '两癌救助', '互联网', '长沙', '重庆']) expect(fix(q).best, q).toBeUndefined();
  });

  it('leaves a sequence alone when nothing on the site sounds like it', () => {
    expect(fix('量子计算').best).toBeUndefined();
  });
});

describe('fuzzy pairs (suggestions only)', () => {
  it('folds z/zh c/ch s/sh n/l f/h an/ang en/eng in/ing', () => {
    expect(fuzzySyllable('zhang')).toBe(fuzzySyllable('zan'));
    expect(fuzzySyllable('chong')).toBe(fuzzySyllable('cong'));
    expect(fuzzySyllable('shi')).toBe(fuzzySyllable('si'));
    expect(fuzzySyllable('nan')).toBe(fuzzySyllable('lan'));
    expect(fuzzySyllable('fu')).toBe(fuzzySyllable('hu'));
    expect(fuzzySyllable('xing')).toBe(fuzzySyllable('xin'));
    expect(fuzzySyllable('feng')).toBe(fuzzySyllable('fen'));
    expect(fuzzySyllable('liu')).not.toBe(fuzzySyllable('niu') + 'x');
  });

  it('suggests 留守 for 牛守儿童 (n/l) but never searches it in its place', () => {
    const result = fix('牛守儿童', true);
    expect(result.best).toBeUndefined();
    expect(result.suggestions).toContain('留守儿童');
    expect(fix('牛守儿童', false).suggestions).toEqual([]);
  });

  it('never turns 妇联 into 互联 (the site holds 妇联)', () => {
    expect(fix('妇联', true).suggestions).toEqual([]);
  });
});

describe('pinyin and initials', () => {
  it.each([
    ['liangai', '两癌'],
    ['weiquan', '维权'],
    ['fanjiabao', '反家暴'],
    ['fjb', '反家暴'],
    ['lset', '留守儿童'],
    ['qzyd', '亲子阅读'],
    ['yinhang', '银行'],
    ['hangzhang', '行长'],
    ['chongqing', '重庆'],
  ])('%s → %s', (q, best) => {
    const result = fix(q);
    expect(result.best).toBe(best);
    expect(result.fromLatin).toBe(true);
  });

  it('splits full pinyin into site words: liangaijiuzhu → 两癌救助', () => {
    expect(fromPinyin('liangaijiuzhu', index)[0]).toBe('两癌救助');
    expect(fix('liang ai').best).toBe('两癌');
  });

  it('leaves a Latin word the site holds (WFF) and digits alone', () => {
    expect(fix('wff').best).toBeUndefined();
    expect(fix('12338').best).toBeUndefined();
  });

  it('reads mixed Latin and Chinese: liangai救助, 两爱jiuzhu', () => {
    expect(fix('liangai救助').best).toBe('两癌救助');
    expect(fix('两爱 jiuzhu').best).toBe('两癌 救助');
    expect(fix('liangai救助').fromLatin).toBe(false);
  });

  it('keeps a 文号 in the query as typed', () => {
    const q = '望妇发〔2024〕1号两爱';
    expect(fix(q).best).toBe('望妇发〔2024〕1号两癌');
    expect(fix('望妇发〔2024〕1号').best).toBeUndefined();
  });
});

describe('the way back (仍然搜索)', () => {
  it('keeps verbatim=1 in the URL state, and only 1 means it', () => {
    const state = stateFromParams(new URLSearchParams('q=两爱&verbatim=1'));
    expect(state.verbatim).toBe(true);
    expect(stateToParams(state).toString()).toBe('q=%E4%B8%A4%E7%88%B1&verbatim=1');
    expect(stateFromParams(new URLSearchParams('q=两爱&verbatim=yes')).verbatim).toBeUndefined();
    expect(stateToParams({ ...state, verbatim: false }).has('verbatim')).toBe(false);
  });
});
