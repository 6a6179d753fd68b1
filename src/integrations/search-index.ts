/**
 * Builds the site search index after every build: Pagefind 1.6 over the built HTML, written
 * to `<outDir>/pagefind/`, plus `<outDir>/search/words.json`, the word list the search page
 * uses to split a Chinese query in browsers without `Intl.Segmenter`.
 *
 * Only entry pages carry `data-pagefind-body` (on their article), so lists, the home page,
 * 404, search and admin pages are never indexed; inside the article the parts below are left
 * out, because their labels (索引号, 发布日期…) would match every page and crowd the excerpts.
 * Their values are indexed through the hidden block of `SearchIndexData.astro` instead.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { WORDS_FILE } from '../lib/search-fields.ts';
import { collectWords } from '../lib/search-text.ts';

/** Parts of an entry's article that are not indexed (see the module comment). */
export const EXCLUDED_FROM_INDEX = [
  '.fl-entry-meta',
  '.fl-validity-banner',
  '.fl-doc-info',
  '.fl-policy-links',
  '.fl-facts',
  '.fl-article__tools',
  '.fl-work-video',
  '.fl-attachments__meta',
  'figure',
];

/**
 * The Pagefind binary the Node API will start. Only the extended build segments Chinese;
 * without it every run of Han characters would be indexed as one word and search would find
 * almost nothing, so a missing extended binary stops the build instead of degrading quietly.
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

/** Pagefind's own files are gzip streams of "pagefind_dcd" + payload. */
export function decodePagefindFile(data: Uint8Array): Buffer {
  const raw = Buffer.from(data);
  const plain = raw.subarray(0, 12).toString() === 'pagefind_dcd' ? raw : gunzipSync(raw);
  return plain.subarray(12);
}

/** Indexes `outDir` and writes the index and the word list. Returns the number of pages indexed. */
export async function buildSearchIndex(outDir: string, logger?: AstroIntegrationLogger): Promise<number> {
  const binary = extendedBinary();
  process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = binary;
  const started = Date.now();
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('; ')}`);
    const output = path.join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错：${written.errors.join('; ')}`);
    // The indexed text, read back from the fragments just written (index.getFiles() would ship
    // the whole index through the service's pipe: minutes for 5,000 pages).
    const fragments = path.join(output, 'fragment');
    const texts = fs
      .readdirSync(fragments)
      .map((file) => decodePagefindFile(fs.readFileSync(path.join(fragments, file))).toString('utf8'))
      .map((json) => (JSON.parse(json) as { content: string }).content);
    const wordsFile = path.join(outDir, WORDS_FILE);
    fs.mkdirSync(path.dirname(wordsFile), { recursive: true });
    const words = collectWords(texts);
    fs.writeFileSync(wordsFile, JSON.stringify(words));
    logger?.info(
      `Pagefind 1.6 extended (zh-cn segmentation: ${path.basename(binary)}): indexed ${texts.length} pages, ` +
        `${words.length} fallback words, in ${Date.now() - started} ms`,
    );
    return texts.length;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'fl-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
