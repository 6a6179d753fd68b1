/**
 * Chinese typography in the content check: every line of a Markdown or MDX file that the
 * house style (src/content/typography.ts) would change becomes a warning, never an error, so
 * a build still publishes (takedowns included). The message shows only the part that changes,
 * with a few characters either side, since a body line is a whole paragraph.
 * `npm run fix:content` shows the same changes as a diff and makes them with `--write`.
 */
import { lintFile, type TypographyChange } from '../typography.ts';
import type { Field } from '../model.ts';
import { BODY_LABEL } from '../../lib/wording/entry.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

/** Characters shown either side of a change. */
const CONTEXT = 8;

/** The part of a line that changes, before and after, with a little context: “…2024 年是…” → “…2024年是…”. */
export function changeExcerpt(change: Pick<TypographyChange, 'old' | 'new'>): { before: string; after: string } {
  const { old: before, new: after } = change;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail += 1;
  const from = Math.max(0, head - CONTEXT);
  const cut = (text: string) => {
    const to = Math.min(text.length, text.length - tail + CONTEXT);
    return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}

/** The warning for one change, in the content check's usual words. */
export function typographyMessage(change: Pick<TypographyChange, 'old' | 'new'>): string {
  const { before, after } = changeExcerpt(change);
  return `排版建议：“${before}”宜改为“${after}”（本站排版规范：中文与数字、字母之间不加空格，中文里用全角标点） — 运行 npm run fix:content 查看，加 -- --write 一次改好；只是建议，不改也能发布`;
}

/** Adds a warning for each line of `parsed` (its title, summary and body) the house style would change. */
export function checkTypography(parsed: ParsedFile, fields: Record<string, Field>, problems: Problem[]): void {
  const changes = lintFile(parsed.source).changes;
  if (changes.length === 0) return;
  for (const change of changes) {
    const field =
      change.line >= parsed.bodyLine ? 'body' : ['title', 'summary'].find((key) => parsed.lineOf(key) === change.line);
    problems.push({
      severity: 'warning',
      file: parsed.file,
      line: change.line,
      field,
      label: field === 'body' ? BODY_LABEL : field ? fields[field]?.label : undefined,
      message: typographyMessage(change),
    });
  }
}
