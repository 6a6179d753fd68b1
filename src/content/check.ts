/**
 * The content check: every file in `content/` against the model, plus the rules that span
 * files (unique measure order, links between notices, files that must exist).
 *
 * It reads the YAML itself, with the core schema, because Astro's loader (js-yaml) turns
 * `2024-13-45` into a Date in 2025 before any schema can see it. It reports every problem
 * at once, each as `file:line field（标签） — what is wrong — what to write instead`, and
 * `npm run check:content` and every build run it before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { todayInChina } from '../lib/dates.ts';
import { normalizeDocNumber } from '../lib/doc-number.ts';
import {
  COLLECTIONS,
  IMAGE_PATH_PATTERN,
  RESERVED_SLUGS,
  SLUG_PATTERN,
  UPLOADS_PUBLIC_PATH,
  model,
  pageFields,
  searchSettingsFields,
  settingsFields,
  type Field,
} from './model.ts';
import { buildSchema, unknownKeyMessage } from './schema.ts';

export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number | undefined;
  /** The English field key, e.g. `docNumber` or `attachments[1].file`. */
  field?: string | undefined;
  /** The Chinese label of the field. */
  label?: string | undefined;
  /** `what is wrong — what to write instead`. */
  message: string;
}

/** One parsed content file. */
export interface ParsedFile {
  file: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
  /** Line of a top-level front-matter key (1-based, in the whole file). */
  lineOf: (key: string) => number | undefined;
  /** Line of a nested value, e.g. ['attachments', 0, 'file'], or of its nearest parent. */
  lineAt: (valuePath: readonly PropertyKey[]) => number | undefined;
  /** Line of the first body line (1-based, in the whole file). */
  bodyLine: number;
}

export interface CheckResult {
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
  /** Files that parsed and validated, by collection (settings and pages included). */
  files: Map<string, ParsedFile[]>;
}

/** Routes at the top level that a standalone page must not take. */
const RESERVED_PAGE_SLUGS = ['search', 'sitemap', '404', 'admin', 'uploads', 'pagefind', 'rss', '_astro'];
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|svg)$/i;

/** `file:line field（标签） — message`, the line every tool prints. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}${problem.label ? `（${problem.label}）` : ''}` : '';
  const tag = problem.severity === 'error' ? '错误' : '警告';
  return `[${tag}] ${where}${field} — ${problem.message}`;
}

/** The summary line after the list. */
export function formatSummary(result: CheckResult): string {
  return `内容检查：${result.errors.length} 个错误，${result.warnings.length} 个警告。`;
}

/** Splits `---\nyaml\n---\nbody`. Returns undefined when the file has no front matter. */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) return undefined;
  const end = normalized.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const afterFence = normalized.indexOf('\n', end + 4);
  const yaml = normalized.slice(4, end + 1);
  const body = afterFence === -1 ? '' : normalized.slice(afterFence + 1);
  return { yaml, body, bodyLine: yaml.split('\n').length + 2 };
}

/** Line (1-based, within the YAML text) of each top-level key. */
function keyLines(doc: Document, counter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line);
    }
  }
  return lines;
}

/** The value of a path like ['attachments', 0, 'file'] as a display key: attachments[1].file. */
function displayPath(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((part, index) => (typeof part === 'number' ? `[${part + 1}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/**
 * Validates one file's data against a field set and turns zod issues into problems.
 * Returns the validated data, or undefined when there were errors.
 */
function validate(
  parsed: ParsedFile,
  fields: Record<string, Field>,
  problems: Problem[],
): Record<string, unknown> | undefined {
  // buildSchema builds one schema per field set and reuses it for every file.
  const result = buildSchema(fields).safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ severity: 'error', file: parsed.file, line: parsed.lineOf(key), field: key, message: unknownKeyMessage(fields) });
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    const field = fields[key];
    // A missing alt text has no line of its own: point at its image.
    const nearby = field?.type === 'alt' ? parsed.lineOf(field.imageField) : undefined;
    problems.push({
      severity: 'error',
      file: parsed.file,
      line: parsed.lineAt(issue.path) ?? nearby ?? 1,
      field: key ? displayPath(issue.path) : undefined,
      label: field?.label,
      message: key === 'docNumber' ? docNumberMessage(parsed.data[key], issue.message) : issue.message,
    });
  }
  return undefined;
}

/**
 * A 文号 typed with the wrong brackets or digits can be fixed for the editor: the message
 * then gives the exact text to write (望妇发[2024]1号 → 望妇发〔2024〕1号).
 */
function docNumberMessage(value: unknown, message: string): string {
  const fixed = typeof value === 'string' ? normalizeDocNumber(value) : undefined;
  if (!fixed || fixed === value) return message;
  return `“${String(value)}”格式不对 — 请改为 ${fixed}（文号用六角括号〔〕，序号前不加 0 和“第”）`;
}

/** Reads and parses one file; pushes a problem and returns undefined when it can't be read. */
function parseFile(absolute: string, rootDir: string, problems: Problem[], kind: 'markdown' | 'yaml'): ParsedFile | undefined {
  const file = path.relative(rootDir, absolute).split(path.sep).join('/');
  const slug = path.basename(absolute).replace(/\.[^.]+$/, '');
  const text = fs.readFileSync(absolute, 'utf8');
  if (text.trim() === '') {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message:
        kind === 'markdown'
          ? '文件是空的 — 请在开头写两行 --- 包住的信息（至少 title 和 date），再写正文；不要的文件请删除'
          : '文件是空的 — 请按 src/content/model.ts 中的 settingsFields 填写网站设置',
    });
    return undefined;
  }
  let yamlText = text;
  let body = '';
  let offset = 0;
  let bodyLine = 1;
  if (kind === 'markdown') {
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        message: '缺少开头的信息区 — 文件第一行应为 ---，写完 title、date 等信息后再用一行 --- 结束',
      });
      return undefined;
    }
    yamlText = split.yaml;
    body = split.body;
    bodyLine = split.bodyLine;
    offset = 1;
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = (openingQuoteLine(yamlText, error) ?? error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line) + offset;
      problems.push({
        severity: 'error',
        file,
        line,
        message: `YAML 格式错误（${yamlErrorText(error.code)}） — 请检查这一行：每行写成“字段: 值”，冒号后留一个空格，值里有冒号或引号时整体加引号，缩进用空格`,
      });
    }
    return undefined;
  }
  const data = doc.toJS() as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ severity: 'error', file, line: 1 + offset, message: '信息区不是“字段: 值”的形式 — 请每行写一个字段，例如 title: 标题' });
    return undefined;
  }
  const lines = keyLines(doc, counter);
  return {
    file,
    slug,
    data: data as Record<string, unknown>,
    body,
    bodyLine,
    lineOf: (key) => {
      const line = lines.get(key);
      return line === undefined ? undefined : line + offset;
    },
    lineAt: (valuePath) => {
      // The nearest node that exists: a missing attachments[2].title points at attachments[2].
      for (let depth = valuePath.length; depth > 1; depth -= 1) {
        const node = doc.getIn(valuePath.slice(0, depth) as (string | number)[], true) as { range?: [number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line + offset;
      }
      const line = lines.get(String(valuePath[0] ?? ''));
      return line === undefined ? undefined : line + offset;
    },
  };
}

/**
 * The YAML parser reports an unclosed quote where the text ends; the editor needs the line
 * where the quote was opened: the last line before that with an odd number of quotes.
 */
function openingQuoteLine(yamlText: string, error: { code: string; message: string; pos: [number, number] }): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
  const lines = yamlText.slice(0, error.pos[0]).split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if ((line.split('"').length - 1) % 2 === 1 || (line.split("'").length - 1) % 2 === 1) return index + 1;
  }
  return undefined;
}

function yamlErrorText(code: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一个字段写了两次',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号有误',
    MULTILINE_IMPLICIT_KEY: '一行里缺少冒号',
    BAD_INDENT: '缩进不一致',
    MISSING_CHAR: '引号或括号没有关上',
    UNEXPECTED_TOKEN: '有多余的字符',
    TAB_AS_INDENT: '用了 Tab 缩进',
  };
  return known[code] ?? code;
}

/** Files of a folder, sorted, or [] when it does not exist. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** Checks the slug (file name) of a content file. */
function checkSlug(file: string, slug: string, reserved: readonly string[], problems: Problem[]): void {
  if (!SLUG_PATTERN.test(slug)) {
    const suggestion = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || '2024-03-08-huodong';
    problems.push({
      severity: 'error',
      file,
      message: `文件名“${slug}”不符合规则 — 文件名就是网址，只能用小写英文字母、数字和连字符，例如 ${suggestion}`,
    });
  } else if (reserved.includes(slug)) {
    problems.push({ severity: 'error', file, message: `文件名“${slug}”是网站保留的网址 — 请换一个文件名` });
  }
}

/** Runs every check over the content folder `contentDir`; paths are reported relative to `rootDir`. */
export function checkContent(options: { rootDir: string; contentDir: string; publicDir?: string; today?: string }): CheckResult {
  const { rootDir, contentDir } = options;
  const publicDir = options.publicDir ?? path.join(rootDir, 'public');
  const today = options.today ?? todayInChina();
  const problems: Problem[] = [];
  const files = new Map<string, ParsedFile[]>();
  const relative = (absolute: string) => path.relative(rootDir, absolute).split(path.sep).join('/');

  // Entries: content/<collection>/<slug>.md
  for (const collection of COLLECTIONS) {
    const dir = path.join(contentDir, collection);
    const fields = model[collection].fields as Record<string, Field>;
    const valid: ParsedFile[] = [];
    const seen = new Map<string, string>();
    for (const absolute of listFiles(dir)) {
      const name = path.basename(absolute);
      if (IMAGE_FILE.test(name) || name.startsWith('.')) continue;
      if (!name.endsWith('.md')) {
        problems.push({
          severity: 'warning',
          file: relative(absolute),
          message: '不是 .md 文件，不会发布 — 条目请保存为 .md 文件；图片请放在 images 文件夹',
        });
        continue;
      }
      const parsed = parseFile(absolute, rootDir, problems, 'markdown');
      const slug = name.replace(/\.md$/, '');
      checkSlug(relative(absolute), slug, RESERVED_SLUGS, problems);
      const duplicate = seen.get(slug.toLowerCase());
      if (duplicate) {
        problems.push({ severity: 'error', file: relative(absolute), message: `与 ${duplicate} 的文件名（网址）重复 — 请改用不同的文件名` });
      }
      seen.set(slug.toLowerCase(), relative(absolute));
      if (!parsed) continue;
      const data = validate(parsed, fields, problems);
      // Files are checked even when another field is wrong, so one run reports everything.
      checkFiles(parsed, parsed.data, fields, path.dirname(absolute), publicDir, problems);
      checkBody(parsed, problems, { entryDir: path.dirname(absolute), displayDir: path.posix.dirname(parsed.file), publicDir });
      if (!data) continue;
      checkDates(parsed, data, today, problems);
      valid.push({ ...parsed, data });
    }
    files.set(collection, valid);
  }

  checkCrossEntry(files, problems);

  // Standalone pages: content/pages/<slug>.mdx
  const pages: ParsedFile[] = [];
  for (const absolute of listFiles(path.join(contentDir, 'pages'))) {
    if (!absolute.endsWith('.mdx')) continue;
    const parsed = parseFile(absolute, rootDir, problems, 'markdown');
    const slug = path.basename(absolute, '.mdx');
    checkSlug(relative(absolute), slug, [...RESERVED_PAGE_SLUGS, ...COLLECTIONS], problems);
    if (!parsed) continue;
    const data = validate(parsed, pageFields, problems);
    checkBody(parsed, problems);
    if (data) pages.push({ ...parsed, data });
  }
  files.set('pages', pages);

  // Site settings: content/settings/site.yml
  const settingsFile = path.join(contentDir, 'settings', 'site.yml');
  if (!fs.existsSync(settingsFile)) {
    problems.push({
      severity: 'error',
      file: relative(settingsFile),
      message: '缺少网站设置文件 — 请从仓库历史中恢复它，或按 src/content/model.ts 中的 settingsFields 新建',
    });
  } else {
    const parsed = parseFile(settingsFile, rootDir, problems, 'yaml');
    if (parsed) {
      const data = validate(parsed, settingsFields, problems);
      if (data) {
        files.set('settings', [{ ...parsed, data }]);
        for (const key of ['wechatQr', 'channelsQr'] as const) {
          const value = data[key];
          if (typeof value === 'string' && !fs.existsSync(path.join(publicDir, value))) {
            problems.push({
              severity: 'error',
              file: parsed.file,
              line: parsed.lineOf(key),
              field: key,
              label: settingsFields[key].label,
              message: `图片 ${value} 不存在 — 请把图片放到 public${value}，或清空这一项`,
            });
          }
        }
      }
    }
  }

  // Search settings: content/settings/search.yml (optional)
  const searchFile = path.join(contentDir, 'settings', 'search.yml');
  if (fs.existsSync(searchFile)) {
    const parsed = parseFile(searchFile, rootDir, problems, 'yaml');
    const data = parsed && validate(parsed, searchSettingsFields, problems);
    if (parsed && data) files.set('searchSettings', [{ ...parsed, data }]);
  }

  return {
    problems,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    files,
  };
}

const BODY = { field: 'body', label: '正文' } as const;

/** Where a body's relative files are: the entry's folder, on disk and as editors see it. */
interface BodyDirs {
  entryDir: string;
  displayDir: string;
  publicDir: string;
}

/**
 * The body: not empty; every image has alt text and exists; every link to an uploaded file
 * points at a file that exists; bold that CommonMark can't close next to Chinese punctuation
 * is flagged. Pages (MDX) get the emptiness check only.
 */
function checkBody(
  parsed: ParsedFile,
  problems: Problem[],
  dirs?: BodyDirs,
): void {
  if (parsed.body.trim() === '') {
    problems.push({
      severity: 'error',
      file: parsed.file,
      line: parsed.bodyLine,
      ...BODY,
      message: '正文是空的 — 请在第二个 --- 下面写正文；没有正文的条目请设为草稿（draft: true）',
    });
    return;
  }
  if (!dirs) return;
  const report = (index: number, severity: Problem['severity'], message: string) =>
    problems.push({ severity, file: parsed.file, line: parsed.bodyLine + index, ...BODY, message });
  let fenced = false;
  parsed.body.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const image of bodyImages(line)) {
      if (image.alt.trim() === '') {
        report(index, 'error', `图片 ${image.src} 没有替代文字 — 请用一句话描述图片内容，写成 ![描述](${image.src})`);
      }
      const missing = missingLocalFile(image.src, dirs);
      if (missing) report(index, 'error', `图片 ${image.src} 不存在 — 请把图片放到 ${missing}，或改正文件名`);
    }
    for (const href of bodyLinks(line)) {
      const missing = href.startsWith(UPLOADS_PUBLIC_PATH) ? missingLocalFile(href, dirs) : undefined;
      if (missing) report(index, 'error', `附件 ${href} 不存在 — 请把文件上传到 ${missing}，或改正链接`);
    }
    const bold = unclosedEmphasis(line);
    if (bold) {
      report(
        index,
        'warning',
        `“${bold}”不会显示为粗体，页面上会出现星号（星号紧挨中文标点时 Markdown 不认） — 请把标点移到星号外面，例如 **加粗**。后文`,
      );
    }
  });
}

/** `![alt](src)` and `<img … alt=… src=…>` on one line of Markdown. */
function bodyImages(line: string): { alt: string; src: string }[] {
  const images: { alt: string; src: string }[] = [];
  for (const match of line.matchAll(/!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g)) {
    images.push({ alt: match[1] ?? '', src: match[2] ?? '' });
  }
  for (const match of line.matchAll(/<img\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(match[0]);
    const value = (found: RegExpExecArray | null) => (found ? (found[1] ?? found[2] ?? found[3] ?? '') : '');
    images.push({ alt: value(attribute('alt')), src: value(attribute('src')) });
  }
  return images;
}

/** Link targets on one line: `[text](href)` and `<a href="…">`. */
function bodyLinks(line: string): string[] {
  const links: string[] = [];
  for (const match of line.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g)) links.push(match[1] ?? '');
  for (const match of line.matchAll(/<a\b[^>]*\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) links.push(match[1] ?? match[2] ?? '');
  return links;
}

/**
 * Where a local file a body refers to should be, when it isn't there: `./images/x.jpg`
 * beside the entry, `/uploads/x.pdf` in public/. Remote and in-site page links are not
 * files and return undefined.
 */
function missingLocalFile(src: string, dirs: BodyDirs): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(src.replace(/[?#].*$/, ''));
  } catch {
    decoded = src;
  }
  if (decoded.startsWith('./') || decoded.startsWith('../')) {
    return fs.existsSync(path.resolve(dirs.entryDir, decoded))
      ? undefined
      : path.posix.normalize(path.posix.join(dirs.displayDir, decoded));
  }
  if (decoded.startsWith(UPLOADS_PUBLIC_PATH) || (decoded.startsWith('/') && IMAGE_FILE.test(decoded) && !decoded.startsWith('//'))) {
    return fs.existsSync(path.join(dirs.publicDir, decoded)) ? undefined : `public${decoded}`;
  }
  return undefined;
}

/**
 * CommonMark closes `**` only if it is not preceded by punctuation or is followed by a
 * space or punctuation, so `**加粗。**后文` prints its asterisks (and the same for an
 * opening `**` after a character and before punctuation: `文**「引」**`). Rendering the line
 * with the site's own Markdown engine and looking for leftover asterisks finds exactly
 * these. Returns the offending text, or undefined.
 */
function unclosedEmphasis(line: string): string | undefined {
  if (!/\*\*|__/.test(line)) return undefined;
  const html = markdownToHtml(line.replace(/`[^`]*`/g, ''), { features: { gfm: true } }).html;
  const text = html.replace(/<[^>]+>/g, '');
  if (!/\*\*|__/.test(text)) return undefined;
  const fragment = /\S{0,8}(\*\*|__)\S*?[\p{P}\p{S}]?(\*\*|__)\S{0,4}/u.exec(line)?.[0];
  return fragment ?? line.trim().slice(0, 30);
}

/** Images beside the entry and attachments in public/uploads must exist. */
function checkFiles(
  parsed: ParsedFile,
  data: Record<string, unknown>,
  fields: Record<string, Field>,
  entryDir: string,
  publicDir: string,
  problems: Problem[],
): void {
  for (const [key, field] of Object.entries(fields)) {
    const value = data[key];
    if (field.type === 'image' && typeof value === 'string' && IMAGE_PATH_PATTERN.test(value)) {
      if (!fs.existsSync(path.resolve(entryDir, value))) {
        problems.push({
          severity: 'error',
          file: parsed.file,
          line: parsed.lineOf(key),
          field: key,
          label: field.label,
          message: `图片 ${value} 不存在 — 请把图片放到 ${path.posix.join(path.posix.dirname(parsed.file), value)}，或改正文件名`,
        });
      }
    }
    if (field.type === 'attachments' && Array.isArray(value)) {
      value.forEach((attachment: unknown, index) => {
        if (!attachment || typeof attachment !== 'object' || !('file' in attachment)) return;
        if (typeof attachment.file !== 'string') return;
        if (!fs.existsSync(path.join(publicDir, attachment.file))) {
          problems.push({
            severity: 'error',
            file: parsed.file,
            line: parsed.lineAt([key, index, 'file']),
            field: `${key}[${index + 1}].file`,
            label: field.label,
            message: `附件 ${attachment.file} 不存在 — 请把文件上传到 public${attachment.file}，或改正路径`,
          });
        }
      });
    }
  }
}

/** Dates in the future are probably typos (or a post scheduled by mistake): warn. */
function checkDates(parsed: ParsedFile, data: Record<string, unknown>, today: string, problems: Problem[]): void {
  for (const key of ['date', 'updated'] as const) {
    const value = data[key];
    if (typeof value === 'string' && value > today) {
      problems.push({
        severity: 'warning',
        file: parsed.file,
        line: parsed.lineOf(key),
        field: key,
        label: key === 'date' ? '发布日期' : '最后更新',
        message: `${value} 晚于今天（${today}） — 请确认日期没有写错；网站不能预约发布`,
      });
    }
  }
}

/** Rules between entries: measure order, references between notices. */
function checkCrossEntry(files: Map<string, ParsedFile[]>, problems: Problem[]): void {
  const measures = (files.get('measures') ?? []).filter((m) => !m.data['draft']);
  const byOrder = new Map<number, ParsedFile[]>();
  for (const measure of measures) {
    const order = measure.data['order'] as number;
    byOrder.set(order, [...(byOrder.get(order) ?? []), measure]);
  }
  // Every file of a clash is named: the editor may have meant to renumber either one.
  for (const [order, sharing] of byOrder) {
    if (sharing.length < 2) continue;
    for (const measure of sharing) {
      const others = sharing.filter((other) => other !== measure).map((other) => other.file);
      problems.push({
        severity: 'error',
        file: measure.file,
        line: measure.lineOf('order'),
        field: 'order',
        label: model.measures.fields.order.label,
        message: `序号 ${order} 与 ${others.join('、')} 重复 — 每项措施的序号不同，请改为 1 到 8 中未用的序号`,
      });
    }
  }
  const missing = [1, 2, 3, 4, 5, 6, 7, 8].filter((order) => !byOrder.has(order));
  if (measures.length > 0 && (measures.length !== 8 || missing.length > 0)) {
    problems.push({
      severity: 'warning',
      file: 'content/measures/',
      message: `已发布 ${measures.length} 项措施${missing.length ? `，缺少第 ${missing.join('、')} 项` : ''} — 八项措施应各有一篇`,
    });
  }

  const notices = files.get('notices') ?? [];
  const bySlug = new Map(notices.map((notice) => [notice.slug, notice]));
  const fields = model.notices.fields;
  for (const notice of notices) {
    for (const key of ['supersededBy', 'interprets'] as const) {
      const target = notice.data[key];
      if (typeof target !== 'string') continue;
      const found = bySlug.get(target);
      const base = { severity: 'error' as const, file: notice.file, line: notice.lineOf(key), field: key, label: fields[key].label };
      if (!found) {
        problems.push({ ...base, message: `找不到通知“${target}” — 请填写 content/notices/ 中已有通知的文件名（不含 .md）` });
      } else if (target === notice.slug) {
        problems.push({ ...base, message: '指向了自己 — 请填写另一篇通知的文件名' });
      } else if (found.data['draft'] && !notice.data['draft']) {
        problems.push({ ...base, message: `“${target}”是草稿，读者看不到 — 请先发布它，或改为其他通知` });
      }
    }
    if (notice.data['interprets'] && notice.data['kind'] !== '政策解读') {
      problems.push({
        severity: 'warning',
        file: notice.file,
        line: notice.lineOf('kind'),
        field: 'kind',
        label: fields.kind.label,
        message: `填写了 interprets（${fields.interprets.label}），类型却是“${String(notice.data['kind'])}” — 政策解读请把类型改为“政策解读”`,
      });
    }
    if (notice.data['supersededBy'] && notice.data['validity'] === '现行有效') {
      problems.push({
        severity: 'warning',
        file: notice.file,
        line: notice.lineOf('validity'),
        field: 'validity',
        label: fields.validity.label,
        message: '填写了替代文件，有效性却是“现行有效” — 请改为“已修订”或“已废止”',
      });
    }
  }
}
