/**
 * The wording guard in the content check: every text an editor writes (titles, summaries,
 * text fields, bodies of entries and pages, the site settings) is searched for near-misses of
 * the formulations that must be written exactly (`src/lib/wording/`). A near-miss of a
 * reviewed formulation is an error; of an editor's addition (`content/settings/wording.yml`),
 * a warning; one marked （原文如此） right after it, a warning that asks for review.
 */
import { homophoneTest } from '../../build/homophones.ts';
import { entryNearMisses } from '../../lib/wording/entry.ts';
import { LOOK_ALIKES, QUOTE_MARKER, REVIEWED } from '../../lib/wording/formulations.ts';
import { createMatcher, type Matcher, type Target } from '../../lib/wording/matcher.ts';
import { wordingMessage } from '../../lib/wording/messages.ts';
import type { Field } from '../model.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

export { proseOf } from '../../lib/wording/entry.ts';

/** The reviewed list plus the editors' additions, as the matcher's targets. */
export function wordingTargets(additions: readonly string[] = []): Target[] {
  return [
    ...REVIEWED.map((formulation) => ({ text: formulation.text, level: 'error' as const })),
    ...additions.map((text) => ({ text, level: 'warning' as const })),
  ];
}

/** The last matcher made, and the additions it was made for (see contentMatcher). */
let lastMatcher: { key: string; matcher: Matcher } | undefined;

/**
 * The matcher the content check uses, over the reviewed list and the editors' additions. A
 * process that checks the content again (`astro dev`, the benchmarks) reuses the matcher
 * while the additions are the same: besides the work of building it, V8 compiles the search
 * for the one matcher it has seen, with its tables as constants, and a second matcher in the
 * same process made it fall back to code that costs about a third more instructions per
 * character (measured with callgrind over the 5,000-article corpus).
 */
export function contentMatcher(additions: readonly string[] = []): Matcher {
  const key = JSON.stringify(additions);
  if (lastMatcher?.key !== key) {
    const matcher = createMatcher({
      targets: wordingTargets(additions),
      lookAlikes: LOOK_ALIKES,
      homophones: homophoneTest(),
      quoteMarker: QUOTE_MARKER,
    });
    lastMatcher = { key, matcher };
  }
  return lastMatcher.matcher;
}

/** The editors' additions from a parsed wording.yml: its non-empty strings. */
export function additionsOf(data: Record<string, unknown> | undefined): string[] {
  const list = data?.['formulations'];
  if (!Array.isArray(list)) return [];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/** Checks the text fields, and the body when `withBody`, of one parsed file (nothing without a matcher). */
export function checkWording(
  parsed: ParsedFile,
  fields: Record<string, Field>,
  matcher: Matcher | undefined,
  problems: Problem[],
  withBody: boolean,
): void {
  if (!matcher) return;
  for (const { field, label, text, miss } of entryNearMisses(matcher, fields, parsed.data, withBody ? parsed.body : undefined)) {
    const line =
      field === 'body' ? parsed.bodyLine + (text.slice(0, miss.start).match(/\n/g)?.length ?? 0) : parsed.lineOf(field);
    problems.push({ file: parsed.file, line, field, label, ...wordingMessage(miss) });
  }
}
