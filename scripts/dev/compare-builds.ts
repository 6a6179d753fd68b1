/**
 * Compares two builds of the site, to show that a refactor changed nothing a reader gets:
 * `node scripts/dev/compare-builds.ts BEFORE_DIST AFTER_DIST [--ignore-attribute NAME]…`.
 *
 * Hashed asset names (`/_astro/x.Ab12Cd34.js`) change whenever a file moves, so each asset is
 * renamed after its content: `asset:<sha256 of its bytes, with the hashed names inside it
 * normalised the same way>`. Then every page, feed and sitemap must be identical, each asset
 * must have an identical counterpart, and the search index must hold the same text, filters
 * and metadata for every page (Pagefind's fragments, decoded). An attribute named with
 * `--ignore-attribute` is removed from pages on both sides first, and counted. Differences are
 * listed with their first differing line. Exits 1 when anything differs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodePagefindFile } from '../../src/build/search-index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'ignore-attribute': { type: 'string', multiple: true, default: [] } },
});
const [beforeDir, afterDir] = positionals.map((dir) => path.resolve(dir));
const ignored = values['ignore-attribute'].map((name) => new RegExp(`\\s${name}(?:="[^"]*")?(?=[\\s>/])`, 'g'));
/** How many ignored attributes each build's pages held. */
const ignoredCount = new Map<string, number>();
if (!beforeDir || !afterDir) {
  console.error('用法：node scripts/dev/compare-builds.ts 旧构建目录 新构建目录');
  process.exit(2);
}

/** A hashed Astro asset as pages and bundles refer to it. */
const ASSET = /\/?_astro\/[\w.-]+|\.\/[\w.-]+\.[\w-]{8}\.(?:js|css)/g;

/** Every file of a build, relative, with forward slashes. */
function filesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Block comments, which a script served as it is keeps. */
const COMMENT = /\/\*[\s\S]*?\*\//g;

/**
 * Canonical names of a build's assets, by their hashed name (`_astro/x.Ab12Cd34.js` and
 * `x.Ab12Cd34.js`), and each asset's exact hash (comments included) by canonical name.
 */
function assetNames(dir: string): { names: Map<string, string>; exact: Map<string, string> } {
  const names = new Map<string, string>();
  const exact = new Map<string, string>();
  const assets = filesOf(dir).filter((file) => file.startsWith('_astro/'));
  // Text assets name other assets; hashing them with those names blanked first keeps the
  // canonical name independent of the hashes they mention. Comments don't reach a reader's
  // screen, so a comment-only change keeps the name and is reported apart.
  for (const file of assets) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const text = /\.(js|css)$/.test(file) ? bytes.toString('utf8').replace(ASSET, 'ASSET') : undefined;
    const name = `asset:${sha(text === undefined ? bytes : text.replace(COMMENT, ''))}${path.extname(file)}`;
    names.set(file, name);
    names.set(path.posix.basename(file), name);
    exact.set(name, sha(text ?? bytes));
  }
  return { names, exact };
}

/** A text file with every hashed asset name replaced by its canonical name, ignored attributes removed. */
function normalised(dir: string, file: string, names: Map<string, string>): string {
  let text = fs.readFileSync(path.join(dir, file), 'utf8').replace(ASSET, (ref) => {
    const key = ref.replace(/^\/?(\.\/)?/, '');
    return names.get(key) ?? names.get(path.posix.basename(key)) ?? ref;
  });
  if (file.endsWith('.html')) {
    for (const attribute of ignored) {
      text = text.replace(attribute, () => {
        ignoredCount.set(dir, (ignoredCount.get(dir) ?? 0) + 1);
        return '';
      });
    }
  }
  return text;
}

/** The search index of a build: each page's indexed text, filters and metadata, by URL. */
function searchIndex(dir: string): Map<string, string> {
  const folder = path.join(dir, 'pagefind/fragment');
  const pages = new Map<string, string>();
  for (const file of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    const fragment = JSON.parse(decodePagefindFile(fs.readFileSync(path.join(folder, file))).toString('utf8')) as {
      url: string;
      content: string;
      filters: unknown;
      meta: unknown;
    };
    pages.set(fragment.url, JSON.stringify([fragment.content, fragment.filters, fragment.meta]));
  }
  return pages;
}

/** The first line where two texts differ, for the report. */
function firstDifference(a: string, b: string): string {
  const left = a.split(/(?<=>)/);
  const right = b.split(/(?<=>)/);
  const index = left.findIndex((line, i) => line !== right[i]);
  const at = index === -1 ? left.length : index;
  return `  旧：${(left[at] ?? '（无）').slice(0, 200)}\n  新：${(right[at] ?? '（无）').slice(0, 200)}`;
}

const TEXT = /\.(html|xml|json|txt|css|js)$/;
const { names: beforeNames, exact: beforeExact } = assetNames(beforeDir);
const { names: afterNames, exact: afterExact } = assetNames(afterDir);
const beforeFiles = filesOf(beforeDir).filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/'));
const afterFiles = new Set(
  filesOf(afterDir).filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/')),
);
const differences: string[] = [];
let same = 0;
for (const file of beforeFiles) {
  if (!afterFiles.has(file)) {
    differences.push(`缺少：${file}`);
    continue;
  }
  afterFiles.delete(file);
  const a = TEXT.test(file)
    ? normalised(beforeDir, file, beforeNames)
    : fs.readFileSync(path.join(beforeDir, file)).toString('base64');
  const b = TEXT.test(file)
    ? normalised(afterDir, file, afterNames)
    : fs.readFileSync(path.join(afterDir, file)).toString('base64');
  if (a === b) same += 1;
  else differences.push(`不同：${file}\n${firstDifference(a, b)}`);
}
for (const file of afterFiles) differences.push(`多出：${file}`);

// Assets: the same set of canonical assets on both sides.
const assetSet = (names: Map<string, string>) =>
  new Set([...names.entries()].filter(([key]) => key.startsWith('_astro/')).map(([, name]) => name));
const beforeAssets = assetSet(beforeNames);
const afterAssets = assetSet(afterNames);
const assetReport = (from: Map<string, string>, missing: Set<string>) =>
  [...from.entries()].filter(([key, name]) => key.startsWith('_astro/') && missing.has(name)).map(([key]) => key);
const onlyBefore = assetReport(beforeNames, new Set([...beforeAssets].filter((name) => !afterAssets.has(name))));
const onlyAfter = assetReport(afterNames, new Set([...afterAssets].filter((name) => !beforeAssets.has(name))));

const beforeIndex = searchIndex(beforeDir);
const afterIndex = searchIndex(afterDir);
const indexDifferences = [...new Set([...beforeIndex.keys(), ...afterIndex.keys()])].filter(
  (url) => beforeIndex.get(url) !== afterIndex.get(url),
);

console.log(`比较 ${beforeDir} 和 ${afterDir}（资源按内容命名）`);
if (ignored.length > 0) {
  const count = (dir: string) => ignoredCount.get(dir) ?? 0;
  console.log(
    `忽略的属性（${values['ignore-attribute'].join('、')}）：旧构建 ${count(beforeDir)} 处，新构建 ${count(afterDir)} 处。`,
  );
}
console.log(
  `搜索索引：旧 ${beforeIndex.size} 页，新 ${afterIndex.size} 页；内容、筛选或元数据不同的：${indexDifferences.length} 页。`,
);
for (const url of indexDifferences) console.log(`搜索索引不同：${url}`);
console.log(`相同的文件：${same} 个；不同、缺少或多出：${differences.length} 个。`);
console.log(
  `资源：旧 ${beforeAssets.size} 个，新 ${afterAssets.size} 个；只在旧构建中：${onlyBefore.length} 个；只在新构建中：${onlyAfter.length} 个。`,
);
for (const line of differences) console.log(line);
for (const [name, hash] of beforeExact) {
  if (afterExact.has(name) && afterExact.get(name) !== hash) {
    const file = (names: Map<string, string>) =>
      [...names].find(([key, value]) => key.startsWith('_astro/') && value === name)?.[0];
    console.log(`资源只在注释上不同：${file(beforeNames)} → ${file(afterNames)}`);
  }
}
for (const file of onlyBefore) console.log(`只在旧构建中的资源：${file}`);
for (const file of onlyAfter) console.log(`只在新构建中的资源：${file}`);
const changed = differences.length + onlyBefore.length + onlyAfter.length + indexDifferences.length;
process.exitCode = changed > 0 ? 1 : 0;
