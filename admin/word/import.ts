/**
 * 从 Word 导入, the browser half: a lazy chunk (mammoth, turndown and the converter shared with
 * `npm run import:docx`), loaded when an editor first picks a .docx. The file is read here,
 * in the editor's browser; nothing is sent anywhere until the editor saves the entry.
 */
import { t } from '../../src/i18n/index.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { convertDocx } from '../../src/lib/word/index.ts';

export interface ImportReport {
  file: string;
  /** The labels of what was filled in, for the editor to check. */
  filled: string[];
  /** The converter's warnings and the values the editor must type. */
  warnings: string[];
}

export interface ImportResult {
  /** Field defaults for the new entry's URL (Decap's prefill). */
  prefill: Record<string, string>;
  markdown: string;
  /** Image files, added to the entry with onPersistMedia. */
  images: File[];
  report: ImportReport;
}

/** Decap's prefill HTML-escapes values: a value with these characters would change. */
const ESCAPED = /[&<>"']/;

/** The first 8 hex digits of the file's SHA-256: image names of two documents never clash. */
function shortHash(hex: string): string {
  return hex.slice(0, 8);
}

export async function importWord(
  file: File,
  options: { collection: 'notices' | 'news'; slugFallback: string; fields: { name: string; label: string }[] },
): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const today = todayInChina();
  // Images are named `<slug>-<n>.<ext>`. The entry's own slug (date-code) is only known when it
  // is saved; this one has the import date, the collection's fallback word and the file's hash.
  const provisional = `${today}-${options.slugFallback}-import`;
  const result = await convertDocx(bytes, {
    slug: provisional,
    collection: options.collection,
    today,
    imagesDir: './images',
  });
  const slug = `${result.fields.date}-${options.slugFallback}-${shortHash(result.sha256)}`;
  const rename = (name: string) => (name.startsWith(provisional) ? slug + name.slice(provisional.length) : name);
  const markdown = result.markdown.replaceAll(`./images/${provisional}`, `./images/${slug}`);

  const labels = new Map(options.fields.map((field) => [field.name, field.label]));
  const prefill: Record<string, string> = {};
  const filled: string[] = [];
  // The converter's warnings name images by their provisional names.
  const warnings = result.warnings.map((line) => line.replaceAll(provisional, slug));
  for (const [name, value] of Object.entries(result.fields)) {
    const label = labels.get(name);
    if (value === undefined || value === '' || !label) continue;
    const text = String(value);
    if (ESCAPED.test(text)) {
      warnings.push(t('admin.word.fieldSkipped', { field: label, value: text }));
      continue;
    }
    prefill[name] = text;
    if (name !== 'dateUnconfirmed') filled.push(label);
  }
  // In the order of the form.
  const order = [...labels.keys()];
  filled.sort(
    (a, b) => order.findIndex((name) => labels.get(name) === a) - order.findIndex((name) => labels.get(name) === b),
  );
  filled.push(labels.get('body') ?? '正文');
  const images = result.images.map(
    (image) => new File([image.bytes as Uint8Array<ArrayBuffer>], rename(image.fileName), { type: image.contentType }),
  );
  if (images.length > 0) filled.push(t('admin.word.images', { count: images.length }));
  return {
    prefill,
    markdown,
    images,
    report: { file: file.name, filled, warnings },
  };
}
