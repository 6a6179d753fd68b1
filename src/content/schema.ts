/**
 * Zod schemas derived from the content model (`./model.ts`).
 *
 * Two consumers build from the same function:
 * - Astro's content layer (`src/content.config.ts`) passes its `image()` helper, so cover
 *   images become optimised assets;
 * - the content check (`scripts/build/check-content.ts`) parses YAML without implicit dates and
 *   validates image paths as strings, then checks the files exist.
 *
 * Every message names the English field key and its Chinese label, says what is wrong and
 * what to write instead, because editors read these, not programmers.
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { isRealDate } from '../lib/dates.ts';
import {
  ATTACHMENT_EXTENSIONS,
  DATE_PATTERN,
  IMAGE_PATH_PATTERN,
  SLUG_PATTERN,
  UPLOADS_PUBLIC_PATH,
} from '../lib/patterns.ts';
import { DOC_NUMBER_RULE, type Field } from './model.ts';

/** Astro's `image()` helper from the schema context, or nothing for raw validation. */
export type ImageHelper = () => z.ZodType;

/** One attachment of a notice. */
export interface Attachment {
  title: string;
  /** Public path under /uploads/. */
  file: string;
}

/** One group of synonyms. */
export interface TermGroup {
  terms: string[];
}

/** The value type of one field once validated. `Img` is what an image field becomes. */
type ValueOf<F extends Field, Img> = F extends { type: 'boolean' }
  ? boolean
  : F extends { type: 'number' }
    ? number
    : F extends { type: 'enum'; options: readonly (infer O)[] }
      ? O
      : F extends { type: 'tags' }
        ? string[]
        : F extends { type: 'attachments' }
          ? Attachment[]
          : F extends { type: 'termGroups' }
            ? TermGroup[]
          : F extends { type: 'image' }
            ? Img
            : string;

/** Keys that always have a value after validation: required fields and fields with a default. */
type PresentKeys<Fs extends Record<string, Field>> = {
  [K in keyof Fs]: Fs[K] extends { required: true } | { default: unknown } | { type: 'tags' | 'attachments' | 'termGroups' }
    ? K
    : never;
}[keyof Fs];

/** The validated data of an entry with fields `Fs`. */
export type DataOf<Fs extends Record<string, Field>, Img = string> = {
  [K in PresentKeys<Fs>]: ValueOf<Fs[K], Img>;
} & {
  [K in Exclude<keyof Fs, PresentKeys<Fs>>]?: ValueOf<Fs[K], Img> | undefined;
};

/** `fieldKey（中文名）`, the way every message names a field. */
export function fieldName(key: string, field: Pick<Field, 'label'>): string {
  return `${key}（${field.label}）`;
}

/** Editors (and the CMS) write an empty optional field as `''` or leave it null: both mean "not set". */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === '') return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/**
 * A YAML date becomes a JS Date in Astro's loader (js-yaml) but stays a string in the raw
 * check (core schema). Normalise both to `YYYY-MM-DD` so pages never meet a time zone.
 * js-yaml has already rolled `2024-13-45` over into 2025 by the time Astro sees it; the raw
 * check, which runs before every build, is what rejects that.
 */
function dateSchema() {
  return z.preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: '应为日期 — 请写成 YYYY-MM-DD，例如 2024-03-08' })
      .regex(DATE_PATTERN, {
        error: (issue) => `“${String(issue.input)}”不是 YYYY-MM-DD 格式 — 请写成 2024-03-08 这样的形式`,
        abort: true,
      })
      .refine(isRealDate, {
        error: (issue) => `“${String(issue.input)}”不是真实存在的日期 — 请检查月份（1–12）和当月天数，按 YYYY-MM-DD 填写，例如 2024-02-29`,
      }),
  );
}

/**
 * The schema of one field's value. Messages say what is wrong and what to write instead;
 * the field itself is named by whoever reports the issue (its path is the field key).
 */
function fieldSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'string':
    case 'alt':
    case 'docNumber': {
      let s = z.string({ error: '应为文字 — 请填写文字内容（数字或日期请加引号）' }).trim();
      const rule = field.type === 'docNumber' ? DOC_NUMBER_RULE : field.type === 'string' ? field.pattern : undefined;
      if (rule) {
        const { regex, message } = rule;
        s = s.regex(regex, { error: (issue) => `“${String(issue.input)}”格式不对 — ${message}` });
      }
      return s;
    }
    case 'date':
      return dateSchema();
    case 'boolean':
      return z.boolean({ error: '只能是 true 或 false — 请写 true（是）或 false（否）' });
    case 'number': {
      const range = `请写 ${field.min} 到 ${field.max} 之间的整数`;
      return z
        .number({ error: `应为数字 — ${range}` })
        .int({ error: `应为整数 — ${range}` })
        .min(field.min, { error: (issue) => `${String(issue.input)} 小于 ${field.min} — ${range}` })
        .max(field.max, { error: (issue) => `${String(issue.input)} 大于 ${field.max} — ${range}` });
    }
    case 'enum':
      return z.enum(field.options as [string, ...string[]], {
        error: (issue) => `“${String(issue.input)}”不是可选值 — 请写 ${field.options.join('、')} 中的一个`,
      });
    case 'tags':
      return z.array(z.string({ error: '每一项都应为文字 — 例如“- 家庭教育”' }).trim().min(1), {
        error: '应为列表 — 每行写一个，例如“- 家庭教育”',
      });
    case 'url':
      return z.url({ protocol: /^https?$/, error: '不是有效网址 — 请写以 https:// 开头的完整网址' });
    case 'image':
      return z.string({ error: '应为图片路径 — 例如 ./images/photo.jpg' }).regex(IMAGE_PATH_PATTERN, {
        error: (issue) => `“${String(issue.input)}”不是条目旁的图片路径 — 请写 ./images/photo.jpg 这样的相对路径（jpg、png、webp 或 avif）`,
      });
    case 'reference':
      return z.string({ error: '应为文件名 — 例如 wangfufa-2024-1' }).regex(SLUG_PATTERN, {
        error: (issue) => `“${String(issue.input)}”不是文件名 — 请写另一篇条目的文件名（小写字母、数字和连字符，不含 .md），例如 wangfufa-2024-1`,
      });
    case 'termGroups': {
      // A term like 12338 is a number to YAML; editors shouldn't have to quote it.
      const term = z.preprocess(
        (value) => (typeof value === 'number' ? String(value) : value),
        z.string({ error: '每个词都应为文字' }).trim().min(1, { error: '有一个词是空的 — 请删除空行' }),
      );
      const terms = z
        .array(term, {
          error: '每组应写成“terms: [词一, 词二]”',
        })
        .min(2, { error: '每组至少要有两个词 — 例如 terms: [两癌, 宫颈癌, 乳腺癌]' });
      return z.array(z.object({ terms }, { error: '每组应写成“- terms: [词一, 词二]”' }), {
        error: '应为列表，每项写成“- terms: [词一, 词二]”',
      });
    }
    case 'attachments': {
      const extensions = ATTACHMENT_EXTENSIONS.join('|');
      const example = `例如 ${UPLOADS_PUBLIC_PATH}baomingbiao.pdf`;
      const attachment = z.object(
        {
          title: z
            .string({ error: '附件缺少名称 title — 例如“title: 报名表”' })
            .trim()
            .min(1, { error: '附件名称 title 为空 — 例如“title: 报名表”' }),
          file: z
            .string({ error: `附件缺少文件 file — ${example}` })
            .regex(new RegExp(`^${UPLOADS_PUBLIC_PATH}[^\\s?#]+\\.(${extensions})$`, 'i'), {
              error: (issue) =>
                `“${String(issue.input)}”不是可用的附件路径 — 文件应放在 public${UPLOADS_PUBLIC_PATH}，扩展名为 ${ATTACHMENT_EXTENSIONS.join('、')}，${example}`,
            }),
        },
        { error: '每个附件应包含 title 和 file 两项' },
      );
      return z.array(attachment, { error: '应为列表，每项包含 title 和 file' });
    }
  }
}

/** Wraps a field's schema with its required/optional/default behaviour. */
function withPresence(field: Field, schema: z.ZodType): z.ZodType {
  if ('default' in field && field.default !== undefined) {
    return z.preprocess(blankToUndefined, schema.default(field.default as never));
  }
  if (field.type === 'tags' || field.type === 'attachments' || field.type === 'termGroups') {
    return z.preprocess(blankToUndefined, schema.default([] as never));
  }
  if (field.required) {
    return z.preprocess(
      blankToUndefined,
      z.unknown().superRefine((value, ctx) => {
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', message: `缺少必填项 — 请填写${field.label}：${field.hint}` });
        }
      }).pipe(schema),
    );
  }
  return z.preprocess(blankToUndefined, schema.optional());
}

/** Object schemas already built, per field set (see `buildSchema`). */
const objectSchemas = new WeakMap<Record<string, Field>, z.ZodType>();

/**
 * Builds the object schema for a set of fields, including the cross-field rules the model
 * declares (an image needs its alt text, `altField`; a date is not before another,
 * `notBefore`). Image fields are checked as paths (`./images/photo.jpg`).
 */
function objectSchema(fields: Record<string, Field>): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(fields)) {
    shape[key] = withPresence(field, fieldSchema(field));
  }
  return z
    .object(shape)
    .strict()
    .superRefine((data: Record<string, unknown>, ctx) => {
      for (const [key, field] of Object.entries(fields)) {
        if (field.type !== 'image' || data[key] === undefined) continue;
        const alt = data[field.altField];
        const altField = fields[field.altField];
        if ((typeof alt !== 'string' || alt.trim() === '') && altField) {
          ctx.addIssue({
            code: 'custom',
            path: [field.altField],
            message: `设置了 ${fieldName(key, field)}，却没有替代文字 — 请用一句话描述图片内容，写在 ${field.altField} 中`,
          });
        }
      }
      for (const [key, field] of Object.entries(fields)) {
        if (field.type !== 'date' || !field.notBefore) continue;
        const value = data[key];
        const other = data[field.notBefore];
        const otherField = fields[field.notBefore];
        if (typeof value === 'string' && typeof other === 'string' && otherField && value < other) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${value} 早于${otherField.label} ${field.notBefore}（${other}） — 请改为不早于${otherField.label}的日期，或留空`,
          });
        }
      }
    });
}

/**
 * The schema of an entry with `fields`. Without `image` (the content check, imageless
 * collections) image fields stay paths. With Astro's `image()` helper, each path that is set
 * then goes through it, so the page gets optimised image metadata.
 *
 * The object schema is built once per field set and shared: Astro calls a collection's schema
 * function once per entry (each entry has its own `image()`), and building and compiling a
 * fresh object schema per entry cost 3 s of a 5,000-article build, where validating with a
 * shared one costs 55 ms (npm run bench:build, 2026-11-29). Only the small image step is per entry.
 */
export function buildSchema<Fs extends Record<string, Field>>(fields: Fs): z.ZodType<DataOf<Fs>>;
export function buildSchema<Fs extends Record<string, Field>>(
  fields: Fs,
  image: ImageHelper,
): z.ZodType<DataOf<Fs, ImageMetadata>>;
export function buildSchema(fields: Record<string, Field>, image?: ImageHelper): z.ZodType {
  let base = objectSchemas.get(fields);
  if (!base) {
    base = objectSchema(fields);
    objectSchemas.set(fields, base);
  }
  if (!image) return base;
  const imageKeys = Object.keys(fields).filter((key) => fields[key]!.type === 'image');
  if (imageKeys.length === 0) return base;
  return base.transform(async (data, ctx) => {
    const resolved = { ...(data as Record<string, unknown>) };
    for (const key of imageKeys) {
      const value = resolved[key];
      if (value === undefined) continue;
      const result = await image().safeParseAsync(value);
      if (result.success) {
        resolved[key] = result.data;
        continue;
      }
      for (const issue of result.error.issues) {
        ctx.issues.push({ ...issue, code: 'custom', input: value, path: [key, ...issue.path] });
      }
      return z.NEVER;
    }
    return resolved;
  });
}

/** The message for a key the model does not declare (usually a typo), listing the allowed ones. */
export function unknownKeyMessage(fields: Record<string, Field>): string {
  return `不是这个栏目的字段 — 请检查拼写，或删除这一行；可用字段：${Object.keys(fields).join('、')}`;
}
