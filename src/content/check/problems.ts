/**
 * What the content check reports, and how every tool prints it:
 * `[错误] file:line field（标签） — what is wrong — what to write instead`.
 */
import type { ParsedFile } from './parse.ts';

export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number | undefined;
  /** The English field key, e.g. `docNumber` or `attachments[1].file`. */
  field?: string | undefined;
  /** The Chinese label of the field. */
  label?: string | undefined;
  /** `what is wrong — what to write instead`. */
  message: string;
}


export interface CheckResult {
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
  /** Files that parsed and validated, by collection (settings and pages included). */
  files: Map<string, ParsedFile[]>;
}


/** `file:line field（标签） — message`, the line every tool prints. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}${problem.label ? `（${problem.label}）` : ''}` : '';
  const tag = problem.severity === 'error' ? '错误' : '警告';
  return `[${tag}] ${where}${field} — ${problem.message}`;
}

/** The summary line after the list. */
export function formatSummary(result: CheckResult): string {
  return `内容检查：${result.errors.length} 个错误，${result.warnings.length} 个警告。`;
}
