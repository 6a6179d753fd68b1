/**
 * The search index of both test builds, decoded: it holds every published entry and nothing
 * else (no list, 404, search or admin page, no header/footer/breadcrumb chrome, no draft
 * text anywhere), with the filters and metadata the search page relies on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check/index.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { decodePagefindFile } from '../../src/build/search-index.ts';
import { WORDS_FILE } from '../../src/lib/search-keys.ts';
import { buildLog, FIXTURE_DIST, FIXTURE_SRC, ROOT, SITE_DIST } from '../support/paths.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every file of the index, decoded to text (Pagefind gzips its index, filter, meta and fragment files). */
function indexFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  const root = path.join(dist, 'pagefind');
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!/\.pf_(fragment|index|filter|meta)$/.test(file)) continue;
    // Pagefind separates Chinese words with zero-width spaces; its browser code strips them too.
    const text = decodePagefindFile(fs.readFileSync(path.join(root, file))).toString('utf8');
    files.set(file, text.replaceAll('\u200b', ''));
  }
  return files;
}

function fragments(dist: string): Fragment[] {
  return [...indexFiles(dist)]
    .filter(([name]) => name.endsWith('.pf_fragment'))
    .map(([, text]) => JSON.parse(text) as Fragment);
}

/** The page of every published entry of a content folder, as the index should hold it. */
function publishedUrls(contentDir: string, publicDir?: string): string[] {
  const { files } = checkContent({ rootDir: ROOT, contentDir, ...(publicDir ? { publicDir } : {}) });
  return COLLECTIONS.flatMap((collection) =>
    (files.get(collection) ?? []).filter((file) => !file.data['draft']).map((file) => `/${collection}/${file.slug}/`),
  );
}

const sites = [
  {
    name: 'fixture',
    dist: FIXTURE_DIST,
    published: publishedUrls(path.join(FIXTURE_SRC, 'content'), path.join(FIXTURE_SRC, 'public')),
  },
  { name: 'real content', dist: SITE_DIST, published: publishedUrls(path.join(ROOT, 'content')) },
];

describe.each(sites)('the search index of the $name site', ({ dist, published }) => {
  it('is built by the extended Pagefind, in Chinese, and the build log never says otherwise', () => {
    const log = fs.readFileSync(buildLog(dist), 'utf8');
    expect(log).toMatch(/Pagefind v1\.6\.\d+ Extended \(zh-cn segmentation: pagefind_extended\): indexed \d+ pages/);
    expect(log).not.toMatch(/non[- ]?extended|not (running |in )?extended|without extended/i);
    const entry = JSON.parse(fs.readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
  });

  it('holds every published entry and no other page', () => {
    const urls = fragments(dist).map((fragment) => fragment.url);
    expect(urls.toSorted()).toEqual(published.toSorted());
  });

  it('leaves out the header, navigation, breadcrumbs, footer, prev/next and the 信息公开 labels', () => {
    for (const fragment of fragments(dist)) {
      expect(fragment.content, fragment.url).not.toMatch(
        /当前位置|上一篇|下一篇|主办单位|网站地图|打印本页|索引号|主导航/,
      );
    }
  });

  it('writes the word list for browsers without Intl.Segmenter', () => {
    const words = JSON.parse(fs.readFileSync(path.join(dist, WORDS_FILE), 'utf8')) as string[];
    expect(words).toContain('妇女');
  });
});

describe('the search page script', () => {
  it('needs no syntax or DOM method newer than README promises (Chromium 85, Firefox 79, Safari 14)', () => {
    const html = fs.readFileSync(path.join(FIXTURE_DIST, 'search/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1]!);
    const code = scripts.map((src) => fs.readFileSync(path.join(FIXTURE_DIST, src), 'utf8')).join('\n');
    expect(code).toContain('fl-search');
    // ES2021 (logical assignment, which the minifier writes) is the floor; these come later.
    const modern = {
      'private class members (Safari 14.1/15)': /this\.#|#\w+\s*\(|#\w+\s*in\s/,
      'class static blocks (Chrome 94)': /static\s*\{/,
      'regex lookbehind (Safari 16.4)': /\(\?<[=!]/,
      'replaceChildren (Chrome 86)': /\.replaceChildren\(/,
      'Array/String at (Chrome 92)': /\.at\(-?\d/,
      'change-array-by-copy (Chrome 110)': /\.to(Sorted|Reversed|Spliced)\(/,
      'structuredClone / Object.hasOwn / findLast': /structuredClone|Object\.hasOwn|\.findLast/,
    };
    for (const [feature, pattern] of Object.entries(modern)) expect(code, feature).not.toMatch(pattern);
    // Nor the content model: the script needs five section names, not every field's hint.
    expect(code).not.toContain('发布日期待核实');
    // Pagefind is loaded at run time from /pagefind/, never bundled into the page's script.
    expect(code).toContain('/pagefind/pagefind.js');
    expect(code).not.toMatch(/wasm_bindgen|pagefind_version/);
  });
});

describe('the fixture index', () => {
  const files = indexFiles(FIXTURE_DIST);
  const words = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIST, WORDS_FILE), 'utf8')) as string[];

  it('can be read, so the draft check below can fail', () => {
    const all = [...files.values()].join('\n');
    expect(all).toContain('巾帼志愿服务管理办法');
    expect(words).toContain('志愿');
  });

  it.each(['草稿机密通知甲乙丙', '草稿机密正文丁戊己', '草稿人物庚辛', '草稿新闻壬癸', '草稿措施不应出现'])(
    'never holds the draft text %s, whole or in its distinctive part',
    (text) => {
      for (const [name, decoded] of files) {
        expect(decoded.includes(text), `${text} in ${name}`).toBe(false);
        expect(decoded.includes(text.slice(-3)), `${text.slice(-3)} in ${name}`).toBe(false);
      }
    },
  );

  it('has no word of the drafts in the word list for browsers without Intl.Segmenter', () => {
    const draftOnly = '甲乙丙丁戊己庚辛壬癸';
    expect(words.filter((word) => draftOnly.includes(word))).toEqual([]);
  });

  it('gives a notice its filters, sort key and result metadata', () => {
    const notice = fragments(FIXTURE_DIST).find((fragment) => fragment.url === '/notices/wangfufa-2024-1/')!;
    expect(notice.filters).toEqual({ section: ['notices'], year: ['2024'], kind: ['通知'], docseq: ['2024-1'] });
    expect(notice.meta).toMatchObject({
      title: '关于印发《长沙市望城区妇联2024年工作要点》的通知',
      date: '2024-01-02',
      doc: '望妇发〔2024〕1号',
    });
    // The searchable fields are indexed as text; their labels are not.
    expect(notice.content).toContain('望妇发〔2024〕1号');
    expect(notice.content).toContain('长沙市望城区妇女联合会');
  });

  it('indexes the fields people search by: person, honor, town, author, summary', () => {
    const byUrl = new Map(fragments(FIXTURE_DIST).map((fragment) => [fragment.url, fragment]));
    expect(byUrl.get('/stories/2024-zhou-jiating/')?.content).toMatch(/周某某家庭.*望城区最美家庭.*靖港镇.*孝老爱亲/s);
    expect(byUrl.get('/stories/2024-zhou-jiating/')?.filters).toMatchObject({ town: ['靖港镇'] });
    expect(byUrl.get('/jiafeng/2024-shufa/')?.filters).toMatchObject({ form: ['书法'], town: ['铜官街道'] });
    expect(byUrl.get('/jiafeng/2024-shufa/')?.content).toContain('黄某某');
  });
});
