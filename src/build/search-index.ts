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
import { collectWords } from '../lib/search-text.ts';

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

/**
 * The indexed text of every page, read back from the fragments Pagefind wrote. Read and
 * unzipped a few dozen at a time, off the main thread (libuv's pool), not one by one.
 */
async function indexedTexts(fragments: string): Promise<string[]> {
  const files = fs.readdirSync(fragments);
  const texts: string[] = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const raw = await fs.promises.readFile(path.join(fragments, files[i]!));
      const plain = isUnzipped(raw) ? raw : await gunzipAsync(raw);
      texts[i] = (JSON.parse(payloadOf(plain).toString('utf8')) as { content: string }).content;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return texts;
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
  const texts = await indexedTexts(path.join(output, 'fragment'));
  const wordsFile = path.join(outDir, WORDS_FILE);
  fs.mkdirSync(path.dirname(wordsFile), { recursive: true });
  const words = collectWords(texts);
  fs.writeFileSync(wordsFile, JSON.stringify(words));
  return (
    `Pagefind ${running[1]} ${running[2]} (zh-cn segmentation: ${path.basename(binary)}): indexed ${texts.length} pages, ` +
    `${words.length} fallback words, in ${Date.now() - started} ms`
  );
}
