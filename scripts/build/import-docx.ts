/**
 * `npm run import:docx -- FILE|FOLDER... [--collection notices|news] [--attach]`
 *
 * Imports Word documents (.docx) as entries: `content/<collection>/<slug>.md` plus its images
 * in `content/<collection>/images/`, with the converter the CMS uses (src/lib/word). Prints
 * every path it writes. A folder imports every file in it (sub-folders too), one progress line
 * per file, then a summary; a bad file is reported in Chinese and skipped, and the exit code
 * is 1 at the end if any file failed.
 *
 * - Slugs as the CMS makes them: `<date>-<code>` (admin/build/config.ts slugTemplate), the code
 *   taken from the 文号 (望妇发〔2024〕12号 → wangfufa-2024-12) or the collection's slugFallback,
 *   with -1, -2… when taken.
 * - Re-importing is safe: a document whose 文号 an entry already has, or whose file hash is in
 *   the collection's `.word-imports.json` (hash → slug, written by this script; dotfiles are
 *   ignored by the site and the content check), is skipped with the existing entry's name.
 *   Existing files are never rewritten.
 * - `--attach` copies the .docx to public/uploads/<slug>.docx and lists it as the entry's
 *   attachment, but refuses a document with tracked changes or comments: they would be published.
 * - The wording guard (src/lib/wording) runs on what was imported, as the content check will:
 *   the entry is still written, so the editor can correct it, but each near-miss of a reviewed
 *   formulation is printed with the right wording, and the summary says the site won't publish
 *   until it is corrected.
 *
 * SITE_CONTENT_DIR and SITE_PUBLIC_DIR point it at other folders (tests do).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { parse, stringify } from 'yaml';
import { todayInChina } from '../../src/lib/dates.ts';
import { parseDocNumber } from '../../src/lib/doc-number.ts';
import { SLUG_PATTERN, UPLOADS_PUBLIC_PATH } from '../../src/lib/patterns.ts';
import { convertDocx, WordImportError, type WordImport } from '../../src/lib/word/index.ts';
import { additionsOf, contentMatcher } from '../../src/content/check/wording.ts';
import { COLLECTIONS, collectionModel, fieldsOf, model, type CollectionName } from '../../src/content/model.ts';
import { contentRoot, publicRoot } from '../../src/content/paths.ts';
import { entryNearMisses } from '../../src/lib/wording/entry.ts';
import { shownText } from '../../src/lib/wording/messages.ts';
import type { Matcher } from '../../src/lib/wording/matcher.ts';

type ImportCollection = 'notices' | 'news';
/** The collections the model marks `wordImport` (the converter knows notices and news). */
const IMPORT_COLLECTIONS = COLLECTIONS.filter((name) => collectionModel(name).wordImport) as ImportCollection[];
const LEDGER = '.word-imports.json';
/** Stands in for the slug while converting; the real slug depends on what the document says. */
const SLUG_PLACEHOLDER = 'wordimportslugplaceholder';

export interface ImportOptions {
  collection: ImportCollection;
  attach: boolean;
  /** Project root (for printing paths). */
  root: string;
  contentDir: string;
  publicDir: string;
  today: string;
  log: (line: string) => void;
}

export type FileOutcome =
  | { file: string; status: 'imported'; entry: string; written: string[]; warnings: string[]; wordingErrors: string[] }
  | { file: string; status: 'skipped'; entry: string; reason: string }
  | { file: string; status: 'failed'; message: string };

/** 望妇发〔2024〕12号 → wangfufa-2024-12. */
export function codeFromDocNumber(docNumber: string): string | undefined {
  const doc = parseDocNumber(docNumber);
  if (!doc) return undefined;
  const letters = pinyin(doc.agency, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const code = `${letters.toLowerCase().replace(/[^a-z]/g, '')}-${doc.year}-${doc.seq}`;
  return SLUG_PATTERN.test(code) ? code : undefined;
}

/** Every file named on the command line, folders expanded (hidden files and Word's ~$ lock files left out). */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) files.push(input);
    else if (fs.statSync(input).isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

interface CollectionState {
  dir: string;
  ledger: Record<string, string>;
  /** 文号 → slug of every entry in the collection. */
  docNumbers: Map<string, string>;
  /** The wording guard as the content check runs it (reviewed list + editors' additions). */
  matcher: Matcher;
}

function readState(contentDir: string, collection: ImportCollection): CollectionState {
  const dir = path.join(contentDir, collection);
  const ledgerFile = path.join(dir, LEDGER);
  const ledger = fs.existsSync(ledgerFile)
    ? (JSON.parse(fs.readFileSync(ledgerFile, 'utf8')) as Record<string, string>)
    : {};
  const docNumbers = new Map<string, string>();
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.md')) continue;
      const head = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(dir, name), 'utf8'))?.[1] ?? '';
      const value = /^docNumber:\s*['"]?(.+?)['"]?\s*$/m.exec(head)?.[1];
      if (value) docNumbers.set(value, name.replace(/\.md$/, ''));
    }
  }
  const wordingFile = path.join(contentDir, 'settings', 'wording.yml');
  const additions = fs.existsSync(wordingFile)
    ? additionsOf(parse(fs.readFileSync(wordingFile, 'utf8')) as Record<string, unknown> | undefined)
    : [];
  return { dir, ledger, docNumbers, matcher: contentMatcher(additions) };
}

/**
 * Near-misses of reviewed formulations in an imported entry, as the editor must fix them:
 * `标题：“…”应为“…”`. The content check reports the same ones (and stops the build).
 */
function wordingSlips(
  matcher: Matcher,
  collection: CollectionName,
  values: Record<string, unknown>,
  body: string,
): string[] {
  return entryNearMisses(matcher, fieldsOf(collection), values, body)
    .filter(({ miss }) => miss.level === 'error' && !miss.quoted)
    .map(({ label, miss }) => `${label}：“${shownText(miss.found)}”应为“${miss.expected}”`);
}

/** The front matter, in the model's field order, with only fields the collection has. */
function frontMatter(collection: CollectionName, values: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(fieldsOf(collection))) if (values[key] !== undefined) ordered[key] = values[key];
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n`;
}

/** A path as the user reads it: relative to the project when inside it. */
function shown(options: ImportOptions, file: string): string {
  const relative = path.relative(options.root, path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

async function importOne(file: string, options: ImportOptions, state: CollectionState): Promise<FileOutcome> {
  const display = shown(options, file);
  if (!fs.existsSync(file)) return { file, status: 'failed', message: `找不到文件 ${display} — 请检查路径` };
  const bytes = new Uint8Array(fs.readFileSync(file));
  let result: WordImport;
  try {
    result = await convertDocx(bytes, {
      slug: SLUG_PLACEHOLDER,
      collection: options.collection,
      today: options.today,
      imagesDir: './images',
    });
  } catch (error) {
    if (error instanceof WordImportError) {
      const ext = path.extname(file).toLowerCase();
      const message =
        error.code === 'doc' && ext === '.wps'
          ? error.message.replace('这是旧版 Word（.doc）或 WPS（.wps）文件', '这是 WPS（.wps）文件')
          : error.message;
      return { file, status: 'failed', message };
    }
    return {
      file,
      status: 'failed',
      message: `无法读取这个文件（${(error as Error).message}） — 请在 Word 中打开确认，另存为 .docx 后再导入`,
    };
  }

  const entryPath = (slug: string) => path.join(state.dir, `${slug}.md`);
  const known = state.ledger[result.sha256];
  if (known && fs.existsSync(entryPath(known))) {
    return {
      file,
      status: 'skipped',
      entry: known,
      reason: `同一个文件已经导入过：${shown(options, entryPath(known))}，没有改动它`,
    };
  }
  if (result.fields.docNumber && state.docNumbers.has(result.fields.docNumber)) {
    const existing = state.docNumbers.get(result.fields.docNumber) ?? '';
    return {
      file,
      status: 'skipped',
      entry: existing,
      reason: `文号 ${result.fields.docNumber} 已有条目：${shown(options, entryPath(existing))}，没有改动它`,
    };
  }
  if (options.attach && (result.review.trackedChanges || result.review.comments)) {
    const what = [result.review.trackedChanges ? '修订记录' : '', result.review.comments ? '批注' : '']
      .filter(Boolean)
      .join('和');
    return {
      file,
      status: 'failed',
      message: `文档含有${what}，作为附件会被公开 — 请在 Word 中“审阅”→“接受所有修订”并删除全部批注，另存后再导入；或去掉 --attach 只导入正文`,
    };
  }

  const code = (result.fields.docNumber && codeFromDocNumber(result.fields.docNumber)) || undefined;
  const base = `${result.fields.date}-${code ?? model[options.collection].slugFallback}`;
  let slug = base;
  for (let n = 1; fs.existsSync(entryPath(slug)); n++) slug = `${base}-${n}`;

  const warnings = result.warnings.map((warning) => warning.replaceAll(SLUG_PLACEHOLDER, slug));
  let title = result.fields.title;
  if (!title) {
    title = path.basename(file).replace(/\.[^.]+$/, '');
    warnings.push(`标题暂用文件名“${title}”，请修改`);
  }
  const values: Record<string, unknown> = {
    title,
    code,
    date: result.fields.date,
    dateUnconfirmed: true,
    docNumber: result.fields.docNumber,
    issuer: result.fields.issuer,
    writtenDate: result.fields.writtenDate,
  };
  if (options.collection === 'news' && result.fields.issuer) values['source'] = result.fields.issuer;

  const written: string[] = [];
  const wordingErrors: string[] = [];
  const write = (target: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': never overwrite an existing file.
    fs.writeFileSync(target, data, { flag: 'wx' });
    written.push(target);
  };
  try {
    for (const image of result.images)
      write(path.join(state.dir, 'images', image.fileName.replace(SLUG_PLACEHOLDER, slug)), image.bytes);
    if (options.attach) {
      const name = `${slug}.docx`;
      write(path.join(options.publicDir, UPLOADS_PUBLIC_PATH, name), bytes);
      values['attachments'] = [{ title: `${title}（Word 原件）`, file: `${UPLOADS_PUBLIC_PATH}${name}` }];
    }
    const body = result.markdown.replaceAll(SLUG_PLACEHOLDER, slug);
    write(entryPath(slug), `${frontMatter(options.collection, values)}\n${body}\n`);
    wordingErrors.push(...wordingSlips(state.matcher, options.collection, values, body));
  } catch (error) {
    // Nothing half-written stays behind; files that existed before were never touched.
    for (const target of written) fs.rmSync(target, { force: true });
    return {
      file,
      status: 'failed',
      message: `写入失败（${(error as Error).message}），这个文件没有导入 — 请检查后重试`,
    };
  }

  state.ledger[result.sha256] = slug;
  if (result.fields.docNumber) state.docNumbers.set(result.fields.docNumber, slug);
  fs.writeFileSync(path.join(state.dir, LEDGER), `${JSON.stringify(state.ledger, null, 2)}\n`);
  return {
    file,
    status: 'imported',
    entry: slug,
    written: written.map((target) => shown(options, target)),
    warnings,
    wordingErrors,
  };
}

/** Imports every file, reporting as it goes; returns each file's outcome. */
export async function importDocx(files: string[], options: ImportOptions): Promise<FileOutcome[]> {
  const state = readState(options.contentDir, options.collection);
  const outcomes: FileOutcome[] = [];
  const width = String(files.length).length;
  for (const [index, file] of files.entries()) {
    const outcome = await importOne(file, options, state);
    outcomes.push(outcome);
    const progress = `[${String(index + 1).padStart(width)}/${files.length}] ${shown(options, file)}`;
    if (outcome.status === 'imported') {
      options.log(`${progress} → 已导入`);
      for (const target of outcome.written) options.log(`    写入 ${target}`);
      for (const warning of outcome.warnings) options.log(`    注意：${warning}`);
      for (const slip of outcome.wordingErrors) options.log(`    措辞错误：${slip}`);
    } else if (outcome.status === 'skipped') {
      options.log(`${progress} → 跳过：${outcome.reason}`);
    } else {
      options.log(`${progress} → 失败：${outcome.message}`);
    }
  }
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  options.log(
    `\n共 ${files.length} 个文件：导入 ${count('imported')} 个，跳过 ${count('skipped')} 个（已导入过），失败 ${count('failed')} 个。`,
  );
  const slips = outcomes.filter((o) => o.status === 'imported' && o.wordingErrors.length > 0).length;
  if (slips > 0) options.log(`其中 ${slips} 篇有与规范表述不符的文字（见上面的“措辞错误”），改正之前网站不会更新。`);
  if (count('imported') > 0)
    options.log('请运行 npm run check:content 检查，并在网站后台核对标题、日期（日期待核实）和图片说明。');
  return outcomes;
}

const USAGE = `用法：npm run import:docx -- 文件或文件夹... [--collection notices|news] [--attach]
  --collection  导入到哪个栏目：notices（通知公告，默认）或 news（工作动态）
  --attach      同时把 .docx 原件作为附件上传（含修订或批注的文档会被拒绝）`;

async function main(argv: string[]): Promise<number> {
  const inputs: string[] = [];
  let collection: ImportCollection = 'notices';
  let attach = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--attach') attach = true;
    else if (arg === '--collection' || arg.startsWith('--collection=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (!IMPORT_COLLECTIONS.includes(value as ImportCollection)) {
        console.error(`--collection 只能是 notices 或 news，不是“${value ?? ''}”\n${USAGE}`);
        return 2;
      }
      collection = value as ImportCollection;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      console.error(`不认识的选项 ${arg}\n${USAGE}`);
      return 2;
    } else inputs.push(arg);
  }
  if (inputs.length === 0) {
    console.error(`请给出要导入的 Word 文件或文件夹\n${USAGE}`);
    return 2;
  }
  if (attach && !('attachments' in fieldsOf(collection))) {
    console.error(`${model[collection].label}没有附件栏，不能用 --attach`);
    return 2;
  }
  const files = expandInputs(inputs);
  if (files.length === 0) {
    console.error('文件夹里没有文件');
    return 1;
  }
  const outcomes = await importDocx(files, {
    collection,
    attach,
    root: process.cwd(),
    contentDir: contentRoot(),
    publicDir: publicRoot(),
    today: todayInChina(),
    log: (line) => console.log(line),
  });
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('import-docx.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}
