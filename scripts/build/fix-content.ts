/**
 * `npm run fix:content`: Chinese typography in the house style (src/content/typography.ts),
 * over every Markdown and MDX file in content/. Shows each line it would change as a diff;
 * writes the files only with `--write`. Always exits 0: typography is a suggestion, never an
 * error.
 *
 *   npm run fix:content            # show the changes
 *   npm run fix:content -- --write # make them
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentRoot } from '../../src/content/paths.ts';
import { lintFile } from '../../src/content/typography.ts';

const write = process.argv.includes('--write');
const root = path.resolve(contentRoot());
const files = fs
  .readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.mdx?$/.test(name))
  .sort();
let changed = 0;
let lines = 0;
for (const name of files) {
  const absolute = path.join(root, name);
  const text = fs.readFileSync(absolute, 'utf8');
  const { changes, fixed } = lintFile(text);
  if (changes.length === 0) continue;
  changed += 1;
  lines += changes.length;
  const shown = path.relative(process.cwd(), absolute).split(path.sep).join('/');
  for (const change of changes) {
    console.log(`[警告] ${shown}:${change.line} — 排版`);
    console.log(`- ${change.old}`);
    console.log(`+ ${change.new}`);
  }
  if (write) fs.writeFileSync(absolute, fixed);
}
console.log(
  write
    ? `排版：已修改 ${changed} 个文件的 ${lines} 行。`
    : `排版：${changed} 个文件的 ${lines} 行可按本站排版规范修改。运行 npm run fix:content -- --write 写入。`,
);
