/**
 * The wording guard over one entry: its text fields and its Markdown body. Shared by the
 * content check (src/content/check/wording.ts) and the CMS (admin/wording.ts), so both look at
 * the same fields and skip the same code, links and addresses.
 */
import type { Matcher, NearMiss } from './matcher.ts';

/** Field types whose value is text a reader sees. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'alt', 'tags']);

/** What the guard needs of a field: its type and Chinese label. */
export interface WordingField {
  type: string;
  label: string;
}

/** A near-miss in one field; `text` is the field's whole value, for line numbers. */
export interface FieldNearMiss {
  field: string;
  label: string;
  text: string;
  miss: NearMiss;
}

/** The body's label, as the content check and the CMS name it. */
export const BODY_LABEL = '正文';

/** A character that every pass of proseOf needs in the text before it can match. */
const PASS_MARKS = /[`~\]<:]/;

/**
 * Markdown that is not prose, blanked out with spaces (line breaks kept, so lines still
 * count and offsets still point into the original): fenced and inline code, link and image
 * targets, HTML tags, bare URLs.
 */
export function proseOf(markdown: string): string {
  // Most bodies are plain prose and hold none of the characters a pass looks for (` ~ ] < and
  // the colon of a URL): one scan for them all answers, where asking for each pass's marks in
  // turn read the body four times (a quarter of proseOf's time at 5,000 articles).
  if (!PASS_MARKS.test(markdown)) return markdown;
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  // Each pass runs only when the text holds what it looks for: five regular-expression passes
  // over every body were a good part of the guard's cost.
  let prose = markdown;
  if (prose.includes('```') || prose.includes('~~~'))
    prose = prose.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank);
  if (prose.includes('`')) prose = prose.replace(/`[^`\n]*`/g, blank);
  if (prose.includes('](')) prose = prose.replace(/\]\([^)\n]*\)/g, (match) => `]${blank(match.slice(1))}`);
  if (prose.includes('<')) prose = prose.replace(/<[^>\n]*>/g, blank);
  if (prose.includes('http')) prose = prose.replace(/https?:\/\/[^\s)）]+/g, blank);
  return prose;
}

/** Every near-miss in an entry's text fields (in the fields' order) and then its body. */
export function entryNearMisses(
  matcher: Matcher,
  fields: Readonly<Record<string, WordingField>>,
  data: Readonly<Record<string, unknown>>,
  body?: string,
): FieldNearMiss[] {
  const found: FieldNearMiss[] = [];
  // Written without the arrays a filter or Object.entries makes: this runs for every entry.
  const search = (field: string, label: string, text: unknown) => {
    if (typeof text !== 'string') return;
    for (const miss of matcher.find(text)) found.push({ field, label, text, miss });
  };
  for (const field in fields) {
    const info = fields[field]!;
    if (!TEXT_TYPES.has(info.type)) continue;
    const value = data[field];
    if (Array.isArray(value)) for (const item of value) search(field, info.label, item);
    else search(field, info.label, value);
  }
  if (body !== undefined) {
    for (const miss of matcher.find(proseOf(body))) {
      found.push({
        field: 'body',
        label: BODY_LABEL,
        text: body,
        miss: { ...miss, found: body.slice(miss.start, miss.end) },
      });
    }
  }
  return found;
}
