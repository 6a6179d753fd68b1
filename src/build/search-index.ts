/**
 * Builds the site search index over a finished build: Pagefind 1.6 (the extended binary, which
 * segments Chinese) writes `<outDir>/pagefind/`, and this module writes
 * `<outDir>/search/words.json`, the word list the search page uses to split a Chinese query in
 * browsers without `Intl.Segmenter`. Run by scripts/build/build.ts after `astro build` has exited.
 *
 * Only entry pages carry `data-pagefind-body` (on their article), so lists, the home page,
 * 404, search and admin pages are never indexed. Inside the article, the components whose
 * labels (索引号, 发布日期…) would match every page and crowd the excerpts mark themselves
 * `data-pagefind-ignore` (EntryMeta, DocInfoTable, FactList, ValidityBanner, PolicyLinks, the
 * figures…), so renaming a class can't change what is indexed. Their values are indexed
 * through the hidden block of `SearchIndexData.astro` instead.
 *
 * It runs Pagefind's command line rather than its Node API: the same index, but at 5,000
 * articles the CLI took 45 s where the Node API's service took 74 s (measured 2026-11-29).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { WORDS_FILE } from '../lib/search-keys.ts';
import { PINYIN_FILE } from '../lib/search-pinyin.ts';
import { collectWords } from '../lib/search-text.ts';
import { buildPinyinData, type IndexedPage } from './pinyin-data.ts';

/**
 * The extended Pagefind binary. Only it segments Chinese; without it every run of Han
 * characters would be indexed as one word and search would find almost nothing, so a missing
 * extended binary stops the build instead of degrading quietly.
 */
function extendedBinary(): string {
  const fromEnv = process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.resolve('pagefind'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  try {
    return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}`);
  } catch {
    throw new Error(
      `找不到 Pagefind 扩展版程序（@pagefind/${platform}-${process.arch}/bin/${name}），无法对中文分词，搜索索引没有生成。` +
        '请运行 npm install 重新安装依赖（不要使用 --omit=optional）。',
    );
  }
}

/** Pagefind's own files are gzip streams of this header + payload. */
const HEADER = 'pagefind_dcd';
/** Whether `raw` is already unzipped (starts with the header). */
const isUnzipped = (raw: Buffer) => raw.subarray(0, HEADER.length).toString() === HEADER;
/** The payload of an unzipped Pagefind file. */
const payloadOf = (plain: Buffer) => plain.subarray(HEADER.length);

/** Decodes one of Pagefind's files to its payload. */
export function decodePagefindFile(data: Uint8Array): Buffer {
  const raw = Buffer.from(data);
  return payloadOf(isUnzipped(raw) ? raw : gunzipSync(raw));
}

const gunzipAsync = promisify(gunzip);

/** A page as Pagefind's fragment holds it. */
interface Fragment {
  url: string;
  content: string;
  meta?: { title?: string };
}

/**
 * The indexed text of every page, read back from the fragments Pagefind wrote. Read and
 * unzipped a few dozen at a time, off the main thread (libuv's pool), not one by one.
 */
async function indexedTexts(fragments: string): Promise<Fragment[]> {
  const files = fs.readdirSync(fragments);
  const texts: Fragment[] = new Array<Fragment>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const raw = await fs.promises.readFile(path.join(fragments, files[i]!));
      const plain = isUnzipped(raw) ? raw : await gunzipAsync(raw);
      texts[i] = JSON.parse(payloadOf(plain).toString('utf8')) as Fragment;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return texts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of built HTML: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name[0] === '#'
        ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? whole),
    );
}

/**
 * The values of a page's `search.text` fields (the model's roles, through indexFields in
 * src/lib/fields.ts): SearchIndexData.astro writes each as a paragraph of its hidden block.
 */
export function searchFieldValues(html: string): string[] {
  const start = html.indexOf('class="fl-search-data"');
  if (start === -1) return [];
  const end = html.indexOf('</article>', start);
  const block = html.slice(start, end === -1 ? undefined : end);
  return [...block.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => htmlText(match[1]!)).filter(Boolean);
}

/** Writes the pinyin data of search that forgives (src/build/pinyin-data.ts) beside the word list. */
function writePinyinData(outDir: string, fragments: readonly Fragment[]): { words: number; bytes: number } {
  const pages: IndexedPage[] = fragments.map((fragment) => {
    const file = path.join(outDir, decodeURI(fragment.url), fragment.url.endsWith('.html') ? '' : 'index.html');
    const html = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return { content: fragment.content, phrases: [fragment.meta?.title ?? '', ...searchFieldValues(html)] };
  });
  const data = buildPinyinData(pages);
  const json = JSON.stringify(data);
  const file = path.join(outDir, PINYIN_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, json);
  return { words: data.words.length, bytes: Buffer.byteLength(json) };
}

/** Runs a program to its end; resolves with what it printed (stdout and stderr), rejects if it can't start. */
function run(binary: string, args: string[]): Promise<{ status: number | null; printed: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args);
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, printed }));
  });
}

/**
 * Indexes `outDir` and writes the index and the word list. Resolves with the line to log;
 * rejects with Pagefind's own output when it fails.
 */
export async function buildSearchIndex(outDir: string): Promise<string> {
  const binary = extendedBinary();
  const started = Date.now();
  const output = path.join(outDir, 'pagefind');
  const args = ['--site', outDir];
  let status: number | null;
  let printed: string;
  try {
    ({ status, printed } = await run(binary, args));
  } catch (error) {
    throw new Error(`Pagefind 建立搜索索引失败：${(error as Error).message}`, { cause: error });
  }
  if (status !== 0 || !fs.existsSync(path.join(output, 'pagefind-entry.json'))) {
    throw new Error(`Pagefind 建立搜索索引失败：${printed.trim()}`);
  }
  // Pagefind names its build on its first line ("Running Pagefind v1.6.0 (Extended)"): the log
  // line below quotes it, so the build log shows which binary really ran.
  const running = /Running Pagefind (v[\d.]+) \((Extended)\)/.exec(printed);
  if (!running) {
    throw new Error(
      `运行的不是 Pagefind 扩展版（${binary}），无法对中文分词，搜索索引不可用。Pagefind 输出：${printed.trim().split('\n')[0] ?? ''}`,
    );
  }
  const fragments = await indexedTexts(path.join(output, 'fragment'));
  const wordsFile = path.join(outDir, WORDS_FILE);
  fs.mkdirSync(path.dirname(wordsFile), { recursive: true });
  const words = collectWords(fragments.map((fragment) => fragment.content));
  fs.writeFileSync(wordsFile, JSON.stringify(words));
  const pinyinStarted = Date.now();
  const pinyin = writePinyinData(outDir, fragments);
  return (
    `Pagefind ${running[1]} ${running[2]} (zh-cn segmentation: ${path.basename(binary)}): indexed ${fragments.length} pages, ` +
    `${words.length} fallback words, in ${pinyinStarted - started} ms; ` +
    `pinyin data: ${pinyin.words} words, ${pinyin.bytes} bytes, in ${Date.now() - pinyinStarted} ms`
  );
}
