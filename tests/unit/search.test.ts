/** The search page's pure logic: URL state, 文号 in queries, terms, ranking, excerpts, index fields. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, fieldsOf, model } from '../../src/content/model.ts';
import { FILTERS, SECTIONS } from 'virtual:fl/search';
import { indexFields } from '../../src/lib/fields.ts';
import {
  agencyMatches,
  findDocNumber,
  highlightTerms,
  pageOf,
  phraseOf,
  promoteExactTitles,
  queryTerms,
  LEAD_WORDS,
  rankByMention,
  rankPartial,
  rankResults,
  stateFromParams,
  stateToParams,
  synonymsFor,
} from '../../src/lib/search-query.ts';
import { buildExcerpt, collectWords, findTerms, resultExcerpt, splitQuery } from '../../src/lib/search-text.ts';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const words = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);
const plainText = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('search state in the URL', () => {
  it('round-trips query, filters, sort and page, leaving defaults out', () => {
    const state = stateFromParams(
      new URLSearchParams('q=家庭教育&section=news&year=2024&town=靖港镇&sort=date&page=2'),
    );
    expect(state).toEqual({
      q: '家庭教育',
      filters: { section: 'news', year: '2024', town: '靖港镇' },
      sort: 'date',
      page: 2,
    });
    expect(stateToParams(state).toString()).toBe(
      new URLSearchParams('q=家庭教育&section=news&year=2024&town=靖港镇&sort=date&page=2').toString(),
    );
    expect(stateToParams({ q: '两癌', filters: {}, sort: 'relevance', page: 1 }).toString()).toBe(
      'q=%E4%B8%A4%E7%99%8C',
    );
  });

  it('drops values a hand-edited or stale link could carry', () => {
    const state = stateFromParams(new URLSearchParams('q=%20%20妇联%20%20&section=admin&year=24&sort=oldest&page=-3'));
    expect(state).toEqual({ q: '妇联', filters: {}, sort: 'relevance', page: 1 });
  });
});

describe('文号 typed into the search box', () => {
  it.each([
    ['望妇发〔2024〕1号', '望妇发', 2024, 1],
    ['望妇发[2024]12号', '望妇发', 2024, 12],
    ['望妇发【２０２４】１号', '望妇发', 2024, 1],
    ['望妇发（2024）1号', '望妇发', 2024, 1],
    ['望妇发(2023)5号', '望妇发', 2023, 5],
    ['望妇发2024年1号', '望妇发', 2024, 1],
    ['望妇发〔2024〕第01号', '望妇发', 2024, 1],
    ['〔2024〕12号', '', 2024, 12],
    ['请问望妇发[2024]1号是什么文件', '请问望妇发', 2024, 1],
  ])('finds %s', (query, agency, year, seq) => {
    expect(findDocNumber(query)).toMatchObject({ agency, year, seq });
  });

  it('keeps the typed text, so the rest of the query can be searched as words', () => {
    expect(findDocNumber('请问望妇发[2024]1号是什么文件')?.text).toBe('请问望妇发[2024]1号');
  });

  it('is not fooled by numbers that are not 文号', () => {
    expect(findDocNumber('12338')).toBeUndefined();
    expect(findDocNumber('2024年工作要点')).toBeUndefined();
    expect(findDocNumber('测试通知第6号')).toBeUndefined();
  });

  it('matches the agency by suffix either way, never a different agency', () => {
    expect(agencyMatches('望妇发', '望妇发')).toBe(true);
    expect(agencyMatches('妇发', '望妇发')).toBe(true);
    expect(agencyMatches('请问望妇发', '望妇发')).toBe(true);
    expect(agencyMatches('', '望妇发')).toBe(true);
    expect(agencyMatches('湘妇发', '望妇发')).toBe(false);
  });
});

describe('query terms', () => {
  it('drops question words and particles', () => {
    expect(queryTerms(words('怎么申请两癌免费检查')).map((t) => t.text)).toEqual(['申请', '两癌', '免费', '检查']);
  });

  it('keeps runs of single characters together, with their words for Pagefind', () => {
    expect(queryTerms(['两', '癌'])).toEqual([{ text: '两癌', words: ['两', '癌'] }]);
    expect(queryTerms(['白', '箬', '铺', '镇']).map((t) => t.text)).toEqual(['白箬铺镇']);
  });

  it('drops question words that arrive as single characters (no Intl.Segmenter)', () => {
    expect(queryTerms(['哪', '里', '学', '习', '家庭']).map((t) => t.text)).toEqual(['学习', '家庭']);
    expect(queryTerms(['两', '癌', '怎', '么', '办']).map((t) => t.text)).toEqual(['两癌']);
    expect(queryTerms(['怎', '么', '办'])).toEqual([]);
  });

  it('drops a lone character between words, which would match any word it starts', () => {
    expect(queryTerms(['量子', '计算', '机']).map((t) => t.text)).toEqual(['量子', '计算']);
    expect(queryTerms(['家']).map((t) => t.text)).toEqual(['家']);
  });

  it('highlights single characters only when nothing longer was asked', () => {
    expect(highlightTerms(['家', '家庭'])).toEqual(['家庭']);
    expect(highlightTerms(['家'])).toEqual(['家']);
  });

  it('takes the phrase without punctuation or spaces', () => {
    expect(phraseOf('有事商量、遇事不躁')).toBe('有事商量遇事不躁');
    expect(phraseOf(' “两癌” 检查 ')).toBe('两癌检查');
  });
});

describe('synonyms', () => {
  const groups = [{ terms: ['两癌', '宫颈癌', '乳腺癌'] }, { terms: ['家暴', '家庭暴力', '反家暴'] }];

  it('widens a query with the other terms of its groups', () => {
    expect(synonymsFor('家暴', ['家暴'], groups)).toEqual(['家庭暴力', '反家暴']);
    expect(synonymsFor('两癌免费检查', ['两癌', '免费', '检查'], groups)).toEqual(['宫颈癌', '乳腺癌']);
    expect(synonymsFor('妇联', ['妇联'], groups)).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts the 文号, then exact phrases in relevance order, then synonyms, the rest and partial matches', () => {
    const input = {
      doc: ['d'],
      exact: ['e2', 'e1'],
      plain: ['p1', 'e1', 'd', 'p2', 'e2'],
      plainIsFull: false,
      synonyms: ['s', 'p2'],
      partial: ['x', 'p1'],
    };
    expect(rankResults(input)).toEqual({ ids: ['d', 'e1', 'e2', 's', 'p2', 'p1', 'x'], full: 5 });
    // With several words, every plain hit holds them all: only the partial ones are partial.
    expect(rankResults({ ...input, plainIsFull: true }).full).toBe(6);
  });

  it('ranks partial matches by how many terms they hold, then by score', () => {
    const many = new Map([
      ['a', 0.2],
      ['b', 0.2],
      ['c', 0.2],
    ]);
    const rare = new Map([['c', 1]]);
    const also = new Map([['b', 0.5]]);
    // a holds one term of three: not enough.
    expect(rankPartial([many, rare, also])).toEqual(['c', 'b']);
  });

  it('needs at least half the terms for a partial match', () => {
    const only = new Map([['n', 5]]);
    expect(rankPartial([only, new Map(), new Map(), new Map()])).toEqual([]);
    expect(rankPartial([only, new Map(), new Map()])).toEqual([]);
    expect(rankPartial([only, new Map()])).toEqual(['n']);
  });

  it('without the plain search, puts pages naming the phrase in their title or lead first, each group newest first', () => {
    // Newest first, as the quoted search returns them.
    const mentions = [
      { id: 'new-body', first: 180 },
      { id: 'new-title', first: 3 },
      { id: 'mid-body', first: LEAD_WORDS },
      { id: 'old-title', first: 0 },
      { id: 'old-lead', first: LEAD_WORDS - 1 },
      { id: 'unknown', first: Number.POSITIVE_INFINITY },
    ];
    expect(rankByMention(mentions)).toEqual(['new-title', 'old-title', 'old-lead', 'new-body', 'mid-body', 'unknown']);
  });

  it('moves an exact title to the front, after the 文号 match', () => {
    const titles = new Map([
      ['jiedu', '《望城区巾帼志愿服务管理办法》政策解读'],
      ['old', '望城区巾帼志愿服务管理办法（旧）'],
      ['new', '望城区巾帼志愿服务管理办法'],
    ]);
    expect(promoteExactTitles(['doc', 'jiedu', 'old', 'new'], titles, '望城区巾帼志愿服务管理办法', 1)).toEqual([
      'doc',
      'new',
      'jiedu',
      'old',
    ]);
  });

  it('pages results by ten, clamping a page past the end', () => {
    const ids = Array.from({ length: 23 }, (_, i) => i);
    expect(pageOf(ids, 3)).toEqual({ items: [20, 21, 22], page: 3, pages: 3 });
    expect(pageOf(ids, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

describe('excerpts', () => {
  const text =
    '5月11日，月亮岛街道妇联邀请家庭教育指导师，为社区家长开展家庭教育公益讲座。讲座围绕亲子沟通展开。' +
    '这里是一段很长的文字，用来把后面的内容推到摘要窗口之外，'.repeat(6) +
    '志愿者们还为行动不便的老人修剪了指甲。';

  it('marks whole terms, longest first, never a piece of a longer match', () => {
    const parts = buildExcerpt(text, ['家庭教育', '家庭']);
    expect(marked(parts)).toEqual(['家庭教育', '家庭教育']);
  });

  it('starts at the sentence holding a match deep in the body, with an ellipsis', () => {
    const parts = buildExcerpt(text, ['修剪了指甲']);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(marked(parts)).toEqual(['修剪了指甲']);
    expect(plainText(parts).length).toBeGreaterThan(40);
  });

  it('is of useful Chinese length (not Pagefind’s 30 segments)', () => {
    const parts = buildExcerpt(text, ['讲座']);
    expect(plainText(parts).length).toBeGreaterThanOrEqual(100);
    expect(plainText(parts).length).toBeLessThanOrEqual(115);
  });

  it('finds terms case-insensitively and without overlaps', () => {
    expect(findTerms('12338热线 12338', ['12338', '2338'])).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 13 },
    ]);
  });

  it('quotes the body after the title, or the search fields when only they match', () => {
    const content = '三代同堂的和睦之家. 周某某一家三代七口人住在一起。 典型风采. 周某某家庭孝老爱亲、邻里和睦。';
    const body = resultExcerpt(content, '三代同堂的和睦之家', '典型风采', ['七口人']);
    expect(plainText(body)).toBe('周某某一家三代七口人住在一起。');
    const summary = resultExcerpt(content, '三代同堂的和睦之家', '典型风采', ['孝老爱亲']);
    expect(plainText(summary)).toBe('周某某家庭孝老爱亲、邻里和睦。');
    expect(marked(summary)).toEqual(['孝老爱亲']);
  });
});

describe('the word list for browsers without Intl.Segmenter', () => {
  const dictionary = new Set(collectWords(['为方便家长就近获得家庭教育指导，区妇联新建五个家庭教育指导服务站。']));

  it('holds the multi-character words of the indexed text', () => {
    expect(dictionary.has('家庭')).toBe(true);
    expect(dictionary.has('教育')).toBe(true);
    expect([...dictionary].every((word) => [...word].length >= 2)).toBe(true);
  });

  it('takes the index’s own words where Pagefind marked them with zero-width spaces', () => {
    expect(collectWords(['三代\u200b同堂\u200b的\u200b和睦\u200b之家。\u200b某某\u200b'])).toEqual(
      ['三代', '之家', '同堂', '和睦', '某某'].sort(),
    );
  });

  it('splits a query into the longest known words, leaving others as single characters', () => {
    expect(splitQuery('家庭教育指导', dictionary)).toBe('家庭 教育 指导');
    expect(splitQuery('两癌 12338', dictionary)).toBe('两 癌 12338');
  });
});

describe('index fields of an entry', () => {
  it('offers exactly the content model’s sections, and its filter fields after 栏目 and 年份', () => {
    expect(SECTIONS).toEqual(COLLECTIONS);
    expect(FILTERS).toEqual(['section', 'year', 'kind', 'form', 'town']);
  });

  it('gives a notice its filters, its 文号 for exact lookup and its searchable fields', () => {
    const fields = indexFields('notices', model.notices.label, fieldsOf('notices'), {
      date: '2024-01-02',
      docNumber: '望妇发〔2024〕1号',
      issuer: '长沙市望城区妇女联合会',
      kind: '通知',
      summary: '印发2024年工作要点。',
      sample: false,
    });
    expect(fields.filters).toEqual({ section: 'notices', year: '2024', kind: '通知', docseq: '2024-1' });
    expect(fields.meta).toEqual({ date: '2024-01-02', dateText: '2024年1月2日', doc: '望妇发〔2024〕1号' });
    expect(fields.text).toEqual([
      '通知公告',
      '望妇发〔2024〕1号',
      '长沙市望城区妇女联合会',
      '通知',
      '印发2024年工作要点。',
    ]);
  });

  it('gives stories and works their person, honor, author, form and town', () => {
    const story = indexFields('stories', model.stories.label, fieldsOf('stories'), {
      date: '2024-05-15',
      person: '周某某家庭',
      honor: '最美家庭',
      town: '靖港镇',
      sample: true,
    });
    expect(story.filters).toEqual({ section: 'stories', year: '2024', town: '靖港镇' });
    expect(story.meta).toEqual({ date: '2024-05-15', dateText: '2024年5月15日', sample: 'true' });
    expect(story.text).toEqual(['典型风采', '周某某家庭', '最美家庭', '靖港镇']);
    const work = indexFields('jiafeng', model.jiafeng.label, fieldsOf('jiafeng'), {
      date: '2024-05-17',
      author: '黄某某',
      form: '书法',
      town: '铜官街道',
    });
    expect(work.filters).toEqual({ section: 'jiafeng', year: '2024', form: '书法', town: '铜官街道' });
    expect(work.text).toEqual(['家风作品', '铜官街道', '黄某某', '书法']);
  });
});
