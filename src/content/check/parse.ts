/**
 * Reading content files: front matter and YAML with the line of every key, so each problem
 * can name the line an editor has to fix.
 *
 * The YAML is parsed here, with the core schema, because Astro's loader (js-yaml) turns
 * `2024-13-45` into a Date in 2025 before any schema can see it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { Problem } from './problems.ts';

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
  /** The file as read (the typography lint works on its lines). */
  source: string;
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

/** Reads and parses one file; pushes a problem and returns undefined when it can't be read. */
export function parseFile(absolute: string, rootDir: string, problems: Problem[], kind: 'markdown' | 'yaml'): ParsedFile | undefined {
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
    source: text,
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

/** The YAML parser's error code in words an editor understands. */
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
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}
