/**
 * The pinyin data of search that forgives, as the fixture build wrote it (src/build/pinyin-data.ts
 * through src/build/search-index.ts): beside the word list, holding the words people mean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINYIN_FILE, type PinyinData } from '../../src/lib/search-pinyin.ts';
import { buildLog, FIXTURE_DIST } from '../support/paths.ts';

describe('pinyin data of the fixture build', () => {
  const file = path.join(FIXTURE_DIST, PINYIN_FILE);

  it('holds words of the text, runs of single characters, title compounds and search-field values', () => {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as PinyinData;
    expect(data.v).toBe(1);
    expect(data.words.length).toBe(data.py.length);
    const py = (word: string) => data.py[data.words.indexOf(word)];
    // 两 + 癌 and 反 + 家 + 暴 are single characters in Pagefind's index; 亲子阅读 is a title's.
    expect(py('两癌')).toBe('liang ai');
    expect(py('反家暴')).toBe('fan jia bao');
    expect(py('亲子阅读')).toBe('qin zi yue du');
    expect(py('留守儿童')).toBe('liu shou er tong');
    // A town (a `search.text` field of the stories) and an honor (优秀巾帼志愿者 → 优秀巾帼).
    expect(data.words).toContain('月亮岛');
    expect(data.words).toContain('优秀巾帼');
    // Drafts are never indexed, so their words never become corrections.
    expect(data.words.some((word) => word.includes('甲乙丙') || word.includes('壬癸'))).toBe(false);
    // The character table reads what was typed, 多音字 under each reading.
    expect(data.chars['ai']).toContain('爱');
    expect(data.chars['zhang']).toContain('长');
    expect(data.chars['chang']).toContain('长');
  });

  it('is named in the build log with its size', () => {
    const bytes = fs.statSync(file).size;
    expect(fs.readFileSync(buildLog(FIXTURE_DIST), 'utf8')).toMatch(
      new RegExp(`pinyin data: \\d+ words, ${bytes} bytes`),
    );
  });
});
