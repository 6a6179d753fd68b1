/**
 * Rules between entries, all read from the model's roles: values that must be unique
 * (`unique`: a measure's 序号), numbered sets that should be complete (the eight measures),
 * and references to other entries (`type: 'reference'`: 替代文件, 解读的政策) with the field
 * a reference requires (`requires`).
 */
import { COLLECTIONS, model, type CollectionModel, type Field } from '../model.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

/** 1–10 as Chinese numerals, for messages about a numbered set (八项措施). */
const ZH_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const zhNumber = (n: number) => ZH_NUMBERS[n] ?? String(n);

/** Checks every collection's entries against each other. `files` holds the validated entries. */
export function checkCrossEntry(files: Map<string, ParsedFile[]>, problems: Problem[]): void {
  for (const name of COLLECTIONS) {
    const collection: CollectionModel = model[name];
    const entries = files.get(name) ?? [];
    for (const [key, field] of Object.entries(collection.fields)) {
      if (field.unique) checkUnique(name, collection, key, field, entries, problems);
      if (field.type === 'reference') {
        for (const entry of entries) checkReference(entry, key, field, files.get(field.collection) ?? [], collection, problems);
      }
    }
  }
}

/**
 * No two published entries share a value of `key`. Every file of a clash is named: the editor
 * may have meant to renumber either one. A number with a range is a numbered set: each number
 * once, and a warning while some are missing.
 */
function checkUnique(
  name: string,
  collection: CollectionModel,
  key: string,
  field: Field,
  entries: ParsedFile[],
  problems: Problem[],
): void {
  const published = entries.filter((entry) => !entry.data['draft']);
  const byValue = new Map<unknown, ParsedFile[]>();
  for (const entry of published) {
    const value = entry.data[key];
    if (value === undefined) continue;
    byValue.set(value, [...(byValue.get(value) ?? []), entry]);
  }
  const { label } = field;
  const noun = collection.labelSingular;
  const fix =
    field.type === 'number'
      ? `每项${noun}的${label}不同，请改为 ${field.min} 到 ${field.max} 中未用的${label}`
      : `每篇${noun}的${label}不能相同，请改为其他${label}`;
  for (const [value, sharing] of byValue) {
    if (sharing.length < 2) continue;
    for (const entry of sharing) {
      const others = sharing.filter((other) => other !== entry).map((other) => other.file);
      problems.push({
        severity: 'error',
        file: entry.file,
        line: entry.lineOf(key),
        field: key,
        label,
        message: `${label} ${String(value)} 与 ${others.join('、')} 重复 — ${fix}`,
      });
    }
  }
  if (field.type !== 'number' || published.length === 0) return;
  const size = field.max - field.min + 1;
  const missing = Array.from({ length: size }, (_, i) => field.min + i).filter((n) => !byValue.has(n));
  if (published.length !== size || missing.length > 0) {
    problems.push({
      severity: 'warning',
      file: `content/${name}/`,
      message: `已发布 ${published.length} 项${noun}${missing.length ? `，缺少第 ${missing.join('、')} 项` : ''} — ${zhNumber(size)}项${noun}应各有一篇`,
    });
  }
}

/** A reference names an existing, other, published entry, and the field it requires says so. */
function checkReference(
  entry: ParsedFile,
  key: string,
  field: Extract<Field, { type: 'reference' }>,
  targets: ParsedFile[],
  collection: CollectionModel,
  problems: Problem[],
): void {
  const target = entry.data[key];
  if (typeof target !== 'string') return;
  const noun = model[field.collection].labelSingular;
  const found = targets.find((other) => other.slug === target);
  const base = { severity: 'error' as const, file: entry.file, line: entry.lineOf(key), field: key, label: field.label };
  if (!found) {
    problems.push({
      ...base,
      message: `找不到${noun}“${target}” — 请填写 content/${field.collection}/ 中已有${noun}的文件名（不含 .md）`,
    });
  } else if (found === entry) {
    problems.push({ ...base, message: `指向了自己 — 请填写另一篇${noun}的文件名` });
  } else if (found.data['draft'] && !entry.data['draft']) {
    problems.push({ ...base, message: `“${target}”是草稿，读者看不到 — 请先发布它，或改为其他${noun}` });
  }
  const required = field.requires;
  const other = required ? collection.fields[required.field] : undefined;
  const value = required ? entry.data[required.field] : undefined;
  if (required && other && !required.oneOf.includes(String(value))) {
    problems.push({
      severity: 'warning',
      file: entry.file,
      line: entry.lineOf(required.field),
      field: required.field,
      label: other.label,
      message: `填写了 ${key}（${field.label}），${other.label}却是“${String(value)}” — 请把${other.label}改为${required.oneOf.map((v) => `“${v}”`).join('或')}`,
    });
  }
}
