/**
 * The wording guard in the content check: every text an editor writes (titles, summaries,
 * text fields, bodies of entries and pages, the site settings) is searched for near-misses of
 * the formulations that must be written exactly (`src/lib/wording/`). A near-miss of a
 * reviewed formulation is an error; of an editor's addition (`content/settings/wording.yml`),
 * a warning; one marked （原文如此） right after it, a warning that asks for review.
 */
import { homophoneTable } from '../../build/homophones.ts';
import { LOOK_ALIKES, QUOTE_MARKER, REVIEWED } from '../../lib/wording/formulations.ts';
import { createMatcher, type Matcher, type NearMiss, type Target } from '../../lib/wording/matcher.ts';
import type { Field } from '../model.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

/** Field types whose value is text a reader sees. */
const TEXT_TYPES = new Set<Field['type']>(['string', 'alt', 'tags']);

/** How each kind of slip is described to the editor. */
const KIND_TEXT: Record<NearMiss['kind'], string> = {
  homophone: '有同音字写错',
  substituted: '错了一个字',
  missing: '少了一个字',
  extra: '多了一个字',
};

/** The reviewed list plus the editors' additions, as the matcher's targets. */
export function wordingTargets(additions: readonly string[] = []): Target[] {
  return [
    ...REVIEWED.map((formulation) => ({ text: formulation.text, level: 'error' as const })),
    ...additions.map((text) => ({ text, level: 'warning' as const })),
  ];
}

/** The matcher the content check uses, over the reviewed list and the editors' additions. */
export function contentMatcher(additions: readonly string[] = []): Matcher {
  const targets = wordingTargets(additions);
  return createMatcher({
    targets,
    lookAlikes: LOOK_ALIKES,
    homophones: homophoneTable(targets.map((target) => target.text)),
    quoteMarker: QUOTE_MARKER,
  });
}

/** The editors' additions from a parsed wording.yml: its non-empty strings. */
export function additionsOf(data: Record<string, unknown> | undefined): string[] {
  const list = data?.['formulations'];
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

/** The problem a near-miss becomes: what is wrong, then the fix. */
export function wordingMessage(miss: NearMiss): { severity: Problem['severity']; message: string } {
  const found = miss.found.replace(/\s*\n\s*/g, '');
  if (miss.quoted) {
    return {
      severity: 'warning',
      message: `“${found}”标注了${QUOTE_MARKER}，按引用原文的错误处理 — 请审核人确认确实是在引用错误（规范表述为“${miss.expected}”）`,
    };
  }
  if (miss.level === 'warning') {
    return {
      severity: 'warning',
      message: `“${found}”与编辑补充的规范表述“${miss.expected}”相比${KIND_TEXT[miss.kind]} — 如是笔误请改为“${miss.expected}”；不是笔误可以不改`,
    };
  }
  return {
    severity: 'error',
    message: `“${found}”与规范表述“${miss.expected}”相比${KIND_TEXT[miss.kind]} — 请改为“${miss.expected}”；如确是引用原文的错误（例如更正启事），在其后紧接着写${QUOTE_MARKER}`,
  };
}

/**
 * Markdown that is not prose, blanked out with spaces (line breaks kept, so lines still
 * count): fenced and inline code, link and image targets, HTML tags, bare URLs.
 */
export function proseOf(markdown: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\]\([^)\n]*\)/g, (match) => `]${blank(match.slice(1))}`)
    .replace(/<[^>\n]*>/g, blank)
    .replace(/https?:\/\/[^\s)）]+/g, blank);
}

/** Checks the text fields and the body of one parsed file. */
export function checkWording(parsed: ParsedFile, fields: Record<string, Field>, matcher: Matcher, problems: Problem[], withBody: boolean): void {
  for (const [key, field] of Object.entries(fields)) {
    if (!TEXT_TYPES.has(field.type)) continue;
    const value = parsed.data[key];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
    for (const text of texts) {
      for (const miss of matcher.find(text)) {
        problems.push({ file: parsed.file, line: parsed.lineOf(key), field: key, label: field.label, ...wordingMessage(miss) });
      }
    }
  }
  if (!withBody) return;
  const body = proseOf(parsed.body);
  for (const miss of matcher.find(body)) {
    const line = parsed.bodyLine + (body.slice(0, miss.start).match(/\n/g)?.length ?? 0);
    problems.push({ file: parsed.file, line, field: 'body', label: '正文', ...wordingMessage({ ...miss, found: parsed.body.slice(miss.start, miss.end) }) });
  }
}
