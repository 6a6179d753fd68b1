import { describe, expect, it } from 'vitest';
import { daysBetween, formatDateZh, isRealDate, todayInChina } from '../../src/lib/dates.ts';
import { formatDocNumber, normalizeDocNumber, parseDocNumber } from '../../src/lib/doc-number.ts';
import { formatFileSize, formatLabel } from '../../src/lib/files.ts';

describe('Chinese dates', () => {
  it('writes dates the way Chinese readers do, without leading zeros', () => {
    expect(formatDateZh('2024-03-08')).toBe('2024年3月8日');
    expect(formatDateZh('2024-12-25')).toBe('2024年12月25日');
  });

  it('accepts only days that exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true); // leap year
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-02-30')).toBe(false);
    expect(isRealDate('2024-13-45')).toBe(false);
    expect(isRealDate('2024-04-31')).toBe(false);
    expect(isRealDate('2024-00-10')).toBe(false);
    expect(isRealDate('2024-3-8')).toBe(false);
  });

  it('judges "today" in Beijing time', () => {
    // 2024-03-07 20:00 UTC is already 2024-03-08 in Beijing.
    expect(todayInChina(new Date('2024-03-07T20:00:00Z'))).toBe('2024-03-08');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('refuses to format what is not a date', () => {
    expect(() => formatDateZh('2024年3月8日')).toThrow();
  });
});

describe('文号', () => {
  it('parses the official form', () => {
    expect(parseDocNumber('望妇发〔2024〕1号')).toEqual({ agency: '望妇发', year: 2024, seq: 1 });
  });

  it.each([
    ['望妇发[2024]1号'],
    ['望妇发【2024】1号'],
    ['望妇发(2024)1号'],
    ['望妇发（2024）1号'],
    ['望妇发〔２０２４〕１号'],
    ['望妇发 〔2024〕 第1号'],
  ])('normalises %s to 望妇发〔2024〕1号', (typed) => {
    expect(normalizeDocNumber(typed)).toBe('望妇发〔2024〕1号');
  });

  it('keeps 1号 and 11号 apart', () => {
    expect(normalizeDocNumber('望妇发〔2024〕11号')).toBe('望妇发〔2024〕11号');
    expect(formatDocNumber({ agency: '湘妇字', year: 2023, seq: 12 })).toBe('湘妇字〔2023〕12号');
  });

  it('finds a 文号 inside a sentence', () => {
    expect(parseDocNumber('望妇发[2024]1号的内容是什么')).toEqual({ agency: '望妇发', year: 2024, seq: 1 });
  });

  it('finds nothing in text without a 文号', () => {
    expect(parseDocNumber('家庭教育')).toBeUndefined();
    expect(normalizeDocNumber('2024年1号文件')).toBeUndefined();
  });
});

describe('attachments', () => {
  it('prints sizes in B, KB and MB', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(12_595)).toBe('12.3 KB');
    expect(formatFileSize(1_572_864)).toBe('1.5 MB');
    expect(formatFileSize(150 * 1024 * 1024)).toBe('150 MB');
  });

  it('names formats as people know them', () => {
    expect(formatLabel('/uploads/a.PDF')).toBe('PDF');
    expect(formatLabel('/uploads/biao.docx')).toBe('Word');
    expect(formatLabel('/uploads/biao.xls')).toBe('Excel');
  });
});
