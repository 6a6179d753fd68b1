/**
 * Rules for one file's front matter: its values against the model's schema, its file name,
 * the files it points at, and dates in the future.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeDocNumber } from '../../lib/doc-number.ts';
import { IMAGE_PATH_PATTERN, SLUG_PATTERN } from '../../lib/patterns.ts';
import type { Field } from '../model.ts';
import { buildSchema, unknownKeyMessage } from '../schema.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

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
export function validate(
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
      message: field?.type === 'docNumber' ? docNumberMessage(parsed.data[key], issue.message) : issue.message,
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


/** Checks the slug (file name) of a content file. */
export function checkSlug(file: string, slug: string, reserved: readonly string[], problems: Problem[]): void {
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

/** Images beside the entry, attachments in public/uploads and other public files (`publicFile`) must exist. */
export function checkFiles(
  parsed: ParsedFile,
  data: Record<string, unknown>,
  fields: Record<string, Field>,
  entryDir: string,
  publicDir: string,
  problems: Problem[],
): void {
  for (const [key, field] of Object.entries(fields)) {
    const value = data[key];
    const missing = (message: string) =>
      problems.push({ severity: 'error', file: parsed.file, line: parsed.lineOf(key), field: key, label: field.label, message });
    if (field.type === 'image' && typeof value === 'string' && IMAGE_PATH_PATTERN.test(value)) {
      if (!fs.existsSync(path.resolve(entryDir, value))) {
        missing(`图片 ${value} 不存在 — 请把图片放到 ${path.posix.join(path.posix.dirname(parsed.file), value)}，或改正文件名`);
      }
    }
    if (field.type === 'string' && field.publicFile && typeof value === 'string') {
      if (!fs.existsSync(path.join(publicDir, value))) missing(`图片 ${value} 不存在 — 请把图片放到 public${value}，或清空这一项`);
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

/** Dates in the future (`warnIfFuture`) are probably typos, or a post scheduled by mistake: warn. */
export function checkDates(
  parsed: ParsedFile,
  data: Record<string, unknown>,
  fields: Record<string, Field>,
  today: string,
  problems: Problem[],
): void {
  for (const [key, field] of Object.entries(fields)) {
    const value = data[key];
    if (field.type === 'date' && field.warnIfFuture && typeof value === 'string' && value > today) {
      problems.push({
        severity: 'warning',
        file: parsed.file,
        line: parsed.lineOf(key),
        field: key,
        label: field.label,
        message: `${value} 晚于今天（${today}） — 请确认日期没有写错；网站不能预约发布`,
      });
    }
  }
}
