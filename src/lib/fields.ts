/**
 * What the content model's field roles mean for one entry: its facts, 信息公开 rows, byline,
 * list tag, cover picture and search-index fields. Pure functions over a field set and an
 * entry's data, so the entry page (with `src/content/model.ts`) and the CMS preview (with the
 * browser's copy of the model, `virtual:fl/fields`) compute the same rows from the same roles.
 */
import type { CollectionName, Field, SearchRole, ShowRole } from '../content/model.ts';
import { formatDateZh, yearOf } from './dates.ts';
import { parseDocNumber } from './doc-number.ts';
import { BUILT_IN_FILTERS, DOC_FILTER } from './search-keys.ts';

/** What these functions read of a field: a model field, or the browser's copy without hints and patterns. */
export interface FieldInfo {
  type: Field['type'];
  label: string;
  default?: unknown;
  options?: readonly string[];
  search?: SearchRole;
  show?: ShowRole;
  altField?: string;
  unconfirmedField?: string;
}

export type FieldSet = Readonly<Record<string, FieldInfo>>;

/** The model as the browser gets it (`virtual:fl/fields`): labels and roles, no hints or patterns. */
export type BrowserModel = Readonly<Record<CollectionName, { label: string; labelSingular: string; fields: FieldSet }>>;

/** An entry's front matter: validated data on the site, the editor's live data in the CMS. */
export type EntryData = Readonly<Record<string, unknown>>;

/** A value as text, or undefined when it is empty or not text (numbers read as text). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The keys of `fields` that have a position under `position`, in that order (ties keep the model's order). */
export function keysBy(fields: FieldSet, position: (field: FieldInfo) => number | undefined): string[] {
  return Object.entries(fields)
    .flatMap(([key, field]) => {
      const at = position(field);
      return at === undefined ? [] : [{ key, at }];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ key }) => key);
}

/** A labelled fact under the title; `value` is undefined when the entry leaves it empty. */
export interface Fact {
  label: string;
  value: string | undefined;
}

/** The facts under the title (`show.facts`), empty ones included: FactList leaves them out. */
export function factsOf(fields: FieldSet, data: EntryData): Fact[] {
  return keysBy(fields, (field) => field.show?.facts).map((key) => ({
    label: fields[key]!.label,
    value: textOf(data[key]),
  }));
}

/** One row of the 信息公开 table: a date (rendered as <time>) or text; `value` undefined shows 无. */
export type DocInfoRow =
  | { kind: 'text'; label: string; value: string | undefined }
  | { kind: 'date'; label: string; value: string | undefined; unconfirmed: boolean };

/**
 * The 信息公开 rows (`show.docInfo`), in the order inspections list them. A value the entry
 * leaves empty falls back to the field's default (the preview's data has no defaults filled).
 */
export function docInfoRows(fields: FieldSet, data: EntryData): DocInfoRow[] {
  return keysBy(fields, (field) => field.show?.docInfo).map((key) => {
    const field = fields[key]!;
    const value = textOf(data[key]) ?? textOf(field.default);
    if (field.type !== 'date') return { kind: 'text', label: field.label, value };
    const flag = field.unconfirmedField;
    return { kind: 'date', label: field.label, value, unconfirmed: flag !== undefined && data[flag] === true };
  });
}

/** The fact beside the publication date (`show.byline`: 发布机构, 来源), when the entry has one. */
export function bylineOf(fields: FieldSet, data: EntryData): { label: string; value: string } | undefined {
  for (const [key, field] of Object.entries(fields)) {
    const value = field.show?.byline ? textOf(data[key]) : undefined;
    if (value) return { label: field.label, value };
  }
  return undefined;
}

/** One line of the 落款: an issuer (text) or a date (YYYY-MM-DD, rendered as <time>). */
export type SignatureLine = { kind: 'text'; value: string } | { kind: 'date'; value: string };

/**
 * The 落款 below the text (`show.signature`: 发布机构, 成文日期), as the printed document ends.
 * Empty unless one of its dates is set: a 落款 without a date is not one, and entries written
 * before the field existed often end with the issuer in their text already. An empty text
 * field falls back to its default (the preview's data has no defaults filled).
 */
export function signatureOf(fields: FieldSet, data: EntryData): SignatureLine[] {
  const keys = keysBy(fields, (field) => field.show?.signature);
  if (!keys.some((key) => fields[key]!.type === 'date' && textOf(data[key]))) return [];
  return keys.flatMap((key): SignatureLine[] => {
    const field = fields[key]!;
    const value = textOf(data[key]) ?? (field.type === 'date' ? undefined : textOf(field.default));
    if (!value) return [];
    return [{ kind: field.type === 'date' ? 'date' : 'text', value }];
  });
}

/** The tag lists show beside the title (`show.listTag`: a notice's 类型). */
export function listTagOf(fields: FieldSet, data: EntryData): string | undefined {
  const key = Object.keys(fields).find((name) => fields[name]!.show?.listTag);
  return key === undefined ? undefined : textOf(data[key]);
}

/** The cover picture (`show.cover`) and its alt text, as the entry holds them (a path, or Astro's image). */
export function coverOf(fields: FieldSet, data: EntryData): { image: unknown; alt: string | undefined } | undefined {
  const key = Object.keys(fields).find((name) => fields[name]!.show?.cover);
  const field = key === undefined ? undefined : fields[key];
  if (key === undefined || data[key] === undefined || data[key] === null || data[key] === '') return undefined;
  return { image: data[key], alt: field?.altField ? textOf(data[field.altField]) : undefined };
}

/** The keys of the fields of one type (the attachment list, the 文号). */
export function keysOfType(fields: FieldSet, type: Field['type']): string[] {
  return Object.keys(fields).filter((key) => fields[key]!.type === type);
}

/**
 * The search page's filters: 栏目, 年份, then every field with `search.filter`, by position, each
 * name once (街镇 is a field of two sections). `collections` is the model (or a part of it).
 */
export function filterNames(collections: Readonly<Record<string, { fields: FieldSet }>>): string[] {
  const fields: Record<string, FieldInfo> = {};
  for (const collection of Object.values(collections)) {
    for (const [key, field] of Object.entries(collection.fields)) {
      if (field.search?.filter !== undefined && !(key in fields)) fields[key] = field;
    }
  }
  return [...BUILT_IN_FILTERS, ...keysBy(fields, (field) => field.search?.filter)];
}

/** What the search index holds for one entry besides its title and text (SearchIndexData.astro). */
export interface IndexFields {
  /** The filters, named as on the search page, plus the exact 文号 filter. */
  filters: Record<string, string>;
  /**
   * Shown on a result: `date` (YYYY-MM-DD) and `dateText` (2024年1月2日, formatted here so the
   * search script needs no date code), the fields with `search.meta`, and `sample` for
   * illustrative content, which every list marks 示例.
   */
  meta: Record<string, string>;
  /** Searchable text that the article's indexed part doesn't already hold: the 栏目, then `search.text` fields. */
  text: string[];
}

/** The index fields of one entry of section `collection` (栏目 `sectionLabel`, searchable too: 八项措施 finds the measures). */
export function indexFields(
  collection: string,
  sectionLabel: string,
  fields: FieldSet,
  data: EntryData & { date: string },
): IndexFields {
  const filters: Record<string, string> = { section: collection, year: String(yearOf(data.date)) };
  for (const key of keysBy(fields, (field) => field.search?.filter)) {
    const value = textOf(data[key]);
    if (value) filters[key] = value;
  }
  for (const key of keysOfType(fields, 'docNumber')) {
    const doc = parseDocNumber(textOf(data[key]) ?? '');
    if (doc) filters[DOC_FILTER] = `${doc.year}-${doc.seq}`;
  }
  const meta: Record<string, string> = { date: data.date, dateText: formatDateZh(data.date) };
  for (const [key, field] of Object.entries(fields)) {
    const value = field.search?.meta ? textOf(data[key]) : undefined;
    if (field.search?.meta && value) meta[field.search.meta] = value;
  }
  if (data['sample'] === true) meta['sample'] = 'true';
  const text = [sectionLabel, ...keysBy(fields, (field) => field.search?.text).map((key) => textOf(data[key]))];
  return { filters, meta, text: text.filter((value): value is string => Boolean(value?.trim())) };
}
