/**
 * docs/benchmarks.md holds the latest figures of every benchmark, each in its own section
 * between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, so one benchmark can
 * rewrite its section without touching the others'.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCHMARKS_DOC = path.join(ROOT, 'docs/benchmarks.md');

const HEADER = `# 性能基准 / Benchmarks

Latest figures from the benchmark scripts (\`npm run bench:*\`). Each section is rewritten by
its script; edit the text around the sections, not inside them.
`;

/** Replaces (or appends) the section `name` of docs/benchmarks.md with `markdown`. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const doc = fs.existsSync(BENCHMARKS_DOC) ? fs.readFileSync(BENCHMARKS_DOC, 'utf8') : HEADER;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${doc.slice(0, from)}${block}${doc.slice(to + end.length)}`
      : `${doc.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(BENCHMARKS_DOC), { recursive: true });
  fs.writeFileSync(BENCHMARKS_DOC, next);
}

/** A Markdown table from a header row and data rows. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
