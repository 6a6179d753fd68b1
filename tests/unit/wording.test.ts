/**
 * The wording guard: the matcher over the reviewed list (each kind of near-miss, emphasis and
 * line breaks inside, the precision rules, long documents), the false-positive corpus, and
 * the messages the content check prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/content/check/index.ts';
import { contentMatcher, proseOf } from '../../src/content/check/wording.ts';
import { LOOK_ALIKES, REVIEWED } from '../../src/lib/wording/formulations.ts';
import { MIN_LENGTH, createMatcher, normalize } from '../../src/lib/wording/matcher.ts';
import { homophoneTable, homophoneTest } from '../../src/build/homophones.ts';
import { ROOT } from '../support/paths.ts';

const matcher = contentMatcher();
/** Chinese numerals: a slip never replaces one, nor is one (numbers are matched exactly). */
const NUMERALS = /[〇零一二三四五六七八九十百千万亿两]/u;
/** What the guard reports in `text`: `wrong → right`. */
const find = (text: string) => matcher.find(text).map((miss) => `${miss.found} → ${miss.expected}`);

describe('the wording matcher finds each kind of near-miss', () => {
  it('a homophone swapped in', () => {
    expect(find('2024年是中华人民共合国成立75周年')).toEqual(['中华人民共合国 → 中华人民共和国']);
    expect(find('培育和践行社会主义核心价值关')).toEqual(['社会主义核心价值关 → 社会主义核心价值观']);
    expect(find('坚持以习近平新时代中国特色社会主意思想为指导')).toEqual([
      '习近平新时代中国特色社会主意思想 → 习近平新时代中国特色社会主义思想',
    ]);
    expect(find('深入学习习进平总书记的重要讲话')).toEqual(['习进平总书记 → 习近平总书记']);
    expect(find('贯彻二十届二中全惠精神')).toEqual(['二十届二中全惠 → 二十届二中全会']);
  });

  it('two homophones in a long formulation', () => {
    expect(find('长沙市望城区妇女连合汇')).toEqual(['长沙市望城区妇女连合汇 → 长沙市望城区妇女联合会']);
  });

  it('one character substituted inside', () => {
    expect(find('中华全国妇女联盟会召开执委会')).toEqual(['中华全国妇女联盟会 → 中华全国妇女联合会']);
    expect(find('中国共产党中央执员会')).toEqual(['中国共产党中央执员会 → 中国共产党中央委员会']);
  });

  it('one character missing', () => {
    expect(find('中华人民共国成立')).toEqual(['中华人民共国 → 中华人民共和国']);
    expect(find('社会主义核价值观')).toEqual(['社会主义核价值观 → 社会主义核心价值观']);
  });

  it('one character extra', () => {
    expect(find('中华人民共和和国成立')).toEqual(['中华人民共和和国 → 中华人民共和国']);
    expect(find('社会主义核心价值理观')).toEqual(['社会主义核心价值理观 → 社会主义核心价值观']);
    // The particles 的 and 之 may be added: 实现中华民族的伟大复兴 is right.
    expect(find('实现中华民族的伟大复兴')).toEqual([]);
  });

  it('across a line break, spaces, quotes or Markdown emphasis', () => {
    expect(find('坚持以**习近平新时代**中国特色\n社会主意思想为指导')).toEqual([
      '习近平新时代**中国特色\n社会主意思想 → 习近平新时代中国特色社会主义思想',
    ]);
    expect(find('培育*社会主义*核心\n\n价值关')).toEqual(['社会主义*核心\n\n价值关 → 社会主义核心价值观']);
    expect(find('中华人民 共合国')).toEqual(['中华人民 共合国 → 中华人民共和国']);
    // The same formulations written correctly across the same marks are not reported.
    expect(find('坚持以**习近平新时代**中国特色\n社会主义思想为指导')).toEqual([]);
  });

  it('at every position of every reviewed formulation, whichever of its keys the slip breaks', () => {
    // The matcher looks only where a formulation's keys (a few runs of its characters) are
    // intact: this tries every slip the rules allow, at every position, so that no choice of
    // keys can leave a slip unfound. Written in a sentence, as an editor would; in quotes and
    // between line breaks (which the matcher passes over); and between its own first and last
    // characters, where a slip that shifts the formulation by one could look written out.
    const table = homophoneTable(REVIEWED.map((formulation) => formulation.text));
    const plains = REVIEWED.map((formulation) => normalize(formulation.text).chars);
    /** Whether the slip at `at` lies inside another formulation written exactly: then it is right. */
    const insideCorrect = (wrong: string, at: number) =>
      plains.some((plain) => {
        for (let from = wrong.indexOf(plain); from !== -1; from = wrong.indexOf(plain, from + 1))
          if (from <= at && at < from + plain.length) return true;
        return false;
      });
    const lost: string[] = [];
    for (const { text } of REVIEWED) {
      const chars = [...normalize(text).chars];
      const slips: Array<[string[], number]> = [];
      chars.forEach((char, at) => {
        if (!/\p{Script=Han}/u.test(char) || NUMERALS.test(char)) return;
        const homophone = [...(table[char] ?? '')].find((other) => !NUMERALS.test(other) && !/[的之]/u.test(other));
        if (homophone) slips.push([chars.with(at, homophone), at]);
        // Substituted, missing or extra: inside formulations of seven characters or more.
        if (chars.length < 7 || at === 0 || at === chars.length - 1) return;
        slips.push([chars.with(at, '丙'), at], [chars.toSpliced(at, 1), at], [chars.toSpliced(at, 0, '丙'), at]);
      });
      const [first, last] = [chars[0]!, chars.at(-1)!];
      for (const [slip, at] of slips) {
        const wrong = slip.join('');
        if (insideCorrect(wrong, at)) continue;
        for (const sentence of [
          `会上要求学习${wrong}，抓好落实。`,
          `“${wrong}”`,
          `学习\n${wrong}\n落实`,
          `${first}${wrong}${last}`,
          wrong,
        ])
          if (!find(sentence).some((miss) => miss.endsWith(`→ ${text}`))) lost.push(`${sentence} (${text})`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('gives offsets into the original text', () => {
    const text = '第一段。\n\n坚持中华人民共合国宪法';
    const [miss] = matcher.find(text);
    expect(text.slice(miss!.start, miss!.end)).toBe('中华人民共合国');
  });
});

describe('the precision rules', () => {
  it('numbers are exact: a different number is a different thing', () => {
    expect(find('二十届三中全会、二十届一中全会，中国妇女十二大，党的十九大')).toEqual([]);
    const hotline = createMatcher({
      targets: [{ text: '12338妇女维权公益服务热线', level: 'error' }],
      lookAlikes: [],
      homophones: homophoneTest(),
    });
    expect(hotline.find('12348妇女维权公益服务热线；12333妇女维权公益服务热线')).toEqual([]);
    expect(hotline.find('12338妇女维权公义服务热线').map((miss) => miss.expected)).toEqual([
      '12338妇女维权公益服务热线',
    ]);
  });

  it('real look-alikes are not errors', () => {
    expect(find('湖北省妇女联合会、长春市妇女联合会、长沙县妇女联合会、望城县妇女联合会')).toEqual([]);
    expect(find('社会主义核心价值体系')).toEqual([]);
  });

  it('the same text is an error when it is not a look-alike', () => {
    expect(find('湖西省妇女联合会')).toEqual(['湖西省妇女联合会 → 湖南省妇女联合会']);
  });

  it('never flags a slip at the first or last character, where another word begins or ends', () => {
    expect(find('望城区妇女儿童活动中心，望城区妇幼保健院，长沙市妇女儿童')).toEqual([]);
    expect(find('中华人民共和')).toEqual([]);
  });

  it('short formulations are not matched, except homophones of a leader’s name', () => {
    const short = createMatcher({
      targets: [{ text: '清廉家庭', level: 'error' }],
      lookAlikes: [],
      homophones: homophoneTest(),
    });
    expect(short.find('清连家庭')).toEqual([]);
    expect(find('学习进步，学习近代史，复习近期要点')).toEqual([]);
    expect(find('习进平同志')).toEqual(['习进平同志 → 习近平同志']);
  });

  it('punctuation or Latin letters are never slips', () => {
    expect(find('中华人民共和。国')).toEqual([]);
    expect(find('中华人民共a国')).toEqual([]);
  });

  it('a formulation marked （原文如此） is reported as a quotation', () => {
    const [miss] = matcher.find('更正：原稿“中华人民共合国”（原文如此）应为中华人民共和国。');
    expect(miss).toMatchObject({ found: '中华人民共合国', quoted: true });
    expect(matcher.find('中华人民共合国')[0]?.quoted).toBe(false);
  });
});

describe('the homophone table the browser gets', () => {
  it('finds exactly what the content check finds', () => {
    const texts = REVIEWED.map((formulation) => formulation.text);
    const inBrowser = createMatcher({
      targets: texts.map((text) => ({ text, level: 'error' as const })),
      lookAlikes: LOOK_ALIKES,
      homophones: homophoneTable(texts),
    });
    const samples = [
      '中华人民共合国',
      '社会主义核心价值关',
      '习进平总书记',
      '长沙市望城区妇女连合汇',
      '二十届二中全惠',
      '湖北省妇女联合会',
    ];
    for (const sample of samples) expect(inBrowser.find(sample), sample).toEqual(matcher.find(sample));
    expect(samples.flatMap((sample) => inBrowser.find(sample))).toHaveLength(5);
  }, 60_000);
});

describe('the reviewed list', () => {
  it('every formulation is long enough to match safely, says where it comes from and appears once', () => {
    for (const formulation of REVIEWED) {
      const length = normalize(formulation.text).chars.length;
      expect(length === 3 ? formulation.kind : length, formulation.text).toEqual(
        length === 3 ? 'leader' : expect.any(Number),
      );
      expect(length === 3 || length >= MIN_LENGTH, formulation.text).toBe(true);
      expect(formulation.source.length, formulation.text).toBeGreaterThan(5);
    }
    const texts = REVIEWED.map((formulation) => normalize(formulation.text).chars);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('no formulation is a near-miss of another, and no look-alike is an error', () => {
    for (const formulation of REVIEWED) expect(find(formulation.text), formulation.text).toEqual([]);
    for (const word of LOOK_ALIKES) expect(find(word), word).toEqual([]);
  });
});

/** Sentences of a text file: lines, then sentences ending in 。；！？, comments left out. */
function sentences(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(/(?<=[。；！？])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Every Markdown file under a folder. */
function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => path.join(dir, name));
}

describe('the false-positive corpus stays clean', () => {
  const corpus = [
    ...sentences(path.join(ROOT, 'tests/fixtures/wording/look-alikes.txt')),
    ...sentences(path.join(ROOT, 'tests/fixtures/wording/work-plan-2024.txt')),
  ];

  it('holds several hundred real-style sentences', () => {
    expect(corpus.length).toBeGreaterThan(300);
  });

  it('no sentence of it is reported', () => {
    const reported = corpus.filter((sentence) => matcher.find(sentence).length > 0);
    expect(reported).toEqual([]);
  });

  it('nor the whole of it as one text', () => {
    expect(find(corpus.join('\n'))).toEqual([]);
  });

  it('nor any page of the site or of the fixtures', () => {
    const files = [
      ...markdownFiles(path.join(ROOT, 'content')),
      ...markdownFiles(path.join(ROOT, 'tests/fixtures/site/content')),
    ];
    expect(files.length).toBeGreaterThan(30);
    const reported = files.flatMap((file) => find(fs.readFileSync(file, 'utf8')).map((miss) => `${file}: ${miss}`));
    expect(reported).toEqual([]);
  });
});

describe('long documents', () => {
  it('finds the one slip at the end of a 600 KB article, and nothing else', () => {
    const paragraph = sentences(path.join(ROOT, 'tests/fixtures/wording/work-plan-2024.txt')).join('');
    let text = '';
    while (text.length < 200_000) text += `${paragraph}\n\n`;
    text += '最后，坚持中华人民共合国宪法。';
    const misses = matcher.find(text);
    expect(misses.map((miss) => miss.found)).toEqual(['中华人民共合国']);
    expect(misses[0]!.start).toBe(text.length - 10);
  });
});

describe('the content check', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function check(files: Record<string, string>): string[] {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-wording-'));
    const all = { 'settings/site.yml': 'siteName: 测试\norganization: 测试单位\n', ...files };
    for (const [name, text] of Object.entries(all)) {
      fs.mkdirSync(path.dirname(path.join(dir, 'content', name)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'content', name), text);
    }
    return checkContent({ rootDir: dir, contentDir: path.join(dir, 'content'), today: '2026-11-29' }).problems.map(
      formatProblem,
    );
  }

  it('fails on a near-miss in a title, a summary or the body, naming file, line, wrong text and formulation', () => {
    expect(
      check({
        'news/a.md':
          '---\ntitle: 庆祝中华人民共合国成立75周年\ndate: 2024-10-01\nsummary: 培育社会主义核心价值关。\n---\n\n第一段。\n\n坚持以习近平新时代中国特色社会主意思想为指导。\n',
      }),
    ).toEqual([
      '[错误] content/news/a.md:2 title（标题） — “中华人民共合国”与规范表述“中华人民共和国”相比有同音字写错 — 请改为“中华人民共和国”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
      '[错误] content/news/a.md:4 summary（摘要） — “社会主义核心价值关”与规范表述“社会主义核心价值观”相比有同音字写错 — 请改为“社会主义核心价值观”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
      '[错误] content/news/a.md:9 body（正文） — “习近平新时代中国特色社会主意思想”与规范表述“习近平新时代中国特色社会主义思想”相比有同音字写错 — 请改为“习近平新时代中国特色社会主义思想”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
    ]);
  });

  it('checks MDX pages and the site settings', () => {
    expect(
      check({
        'pages/about.mdx': '---\ntitle: 关于我们\n---\n\n长沙市望城区妇女连合会是……\n',
        'settings/site.yml': 'siteName: 望城区妇女联合会\norganization: 长沙市望城区妇女联和会\n',
      }),
    ).toEqual([
      expect.stringContaining(
        '[错误] content/pages/about.mdx:5 body（正文） — “长沙市望城区妇女连合会”与规范表述“长沙市望城区妇女联合会”',
      ),
      expect.stringContaining('[错误] content/settings/site.yml:2 organization（主办单位） — “长沙市望城区妇女联和会”'),
    ]);
  });

  it('leaves code, links and addresses alone', () => {
    expect(
      check({
        'news/a.md':
          '---\ntitle: 动态\ndate: 2024-01-01\n---\n\n见 [链接](https://example.cn/中华人民共合国) 和 `中华人民共合国`。\n',
      }),
    ).toEqual([]);
    expect(proseOf('a `x` b')).toBe('a     b');
    // Each kind on its own in a body (proseOf first asks whether any of their marks is there).
    for (const markdown of [
      '见 https://example.cn/中华人民共合国 。',
      '见 <span title="中华人民共合国">此处</span>。',
      '见\n\n```\n中华人民共合国\n```\n',
      '见\n\n~~~\n中华人民共合国\n~~~\n',
      '见 [此处](/中华人民共合国)。',
    ]) {
      const prose = proseOf(markdown);
      expect(prose).not.toContain('共合国');
      expect(prose).toHaveLength(markdown.length);
    }
    expect(proseOf('中华人民共合国，无标记')).toBe('中华人民共合国，无标记');
  });

  it('a quotation marked （原文如此） is a warning that asks for review', () => {
    expect(
      check({
        'news/a.md':
          '---\ntitle: 更正启事\ndate: 2024-01-01\n---\n\n原稿中“中华人民共合国”（原文如此）有误，特此更正。\n',
      }),
    ).toEqual([
      '[警告] content/news/a.md:6 body（正文） — “中华人民共合国”标注了（原文如此），按引用原文的错误处理 — 请审核人确认确实是在引用错误（规范表述为“中华人民共和国”）',
    ]);
  });

  it('a near-miss of an editor’s addition is a warning only', () => {
    const problems = check({
      'settings/wording.yml': 'formulations:\n  - 望城区家庭教育联席会议\n',
      'news/a.md': '---\ntitle: 动态\ndate: 2024-01-01\n---\n\n推动望城区家庭教育联系会议制度落实。\n',
    });
    expect(problems).toEqual([
      '[警告] content/news/a.md:6 body（正文） — “望城区家庭教育联系会议”与编辑补充的规范表述“望城区家庭教育联席会议”相比有同音字写错 — 如是笔误请改为“望城区家庭教育联席会议”；不是笔误可以不改',
    ]);
  });
});
