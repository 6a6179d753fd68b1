/**
 * Chinese typography in the content check: every line of a Markdown or MDX file that the
 * house style (src/content/typography.ts) would change becomes a warning, never an error, so
 * a build still publishes (takedowns included). The message shows only the part that changes,
 * with a few characters either side, since a body line is a whole paragraph.
 * `npm run fix:content` shows the same changes as a diff and makes them with `--write`.
 */
import { changeExcerpt, lintFile, type TypographyChange } from '../typography.ts';
import type { Field } from '../model.ts';
import { BODY_LABEL } from '../../lib/wording/entry.ts';
import type { ParsedFile } from './parse.ts';
import type { Problem } from './problems.ts';

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
      // A front-matter line is shown without its key: the field is named already.
      message: typographyMessage(
        field && field !== 'body'
          ? { old: change.old.replace(/^\w+:\s*/, ''), new: change.new.replace(/^\w+:\s*/, '') }
          : change,
      ),
    });
  }
}
