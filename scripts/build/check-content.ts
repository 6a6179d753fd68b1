/**
 * `npm run check:content`: validates everything in content/ and prints every problem with
 * the file, line and field to fix. Exits 1 on any error; warnings alone exit 0.
 */
import { checkContent, formatProblem, formatSummary } from '../../src/content/check/index.ts';
import { contentRoot, publicRoot } from '../../src/content/paths.ts';

const result = checkContent({ rootDir: process.cwd(), contentDir: contentRoot(), publicDir: publicRoot() });
for (const problem of result.problems) console.log(formatProblem(problem));
console.log(formatSummary(result));
process.exitCode = result.errors.length > 0 ? 1 : 0;
