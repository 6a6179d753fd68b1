/**
 * npm run bench:wording — what the wording guard costs. Writes a synthetic corpus (default
 * 5,000 articles, tests/support/corpus.ts, with sentences from the federation's real work plan,
 * so the text is full of formulations the guard looks at), then in the same run, in turn:
 *
 * 1. the content check without the guard and without the typography warnings (the baseline),
 *    and the content check with the guard alone (the ratio the target is about), back to back,
 *    each first in every other run;
 * 2. the content check with both, as every build and `npm run check:content` run it;
 * 3. the typography lint alone (src/content/typography.ts over every file, as
 *    `npm run fix:content` runs it, without writing).
 *
 * Each is run several times (default 15) and the medians are compared: the machines are shared.
 * The target (issue 15): the check with the guard at most 1.2× the check without it. A benchmark:
 * it prints figures and keeps them in docs/benchmarks.md; it never fails on a figure.
 *
 *   npm run bench:wording [-- 5000] [-- --runs 15]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../../src/content/check/index.ts';
import { lintFile } from '../../src/content/typography.ts';
import { writeCorpus } from '../../tests/support/corpus.ts';
import { ROOT } from '../../tests/support/paths.ts';
import { markdownTable, writeBenchmarkSection } from './benchmarks-doc.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 15 : Number(args[runsAt + 1]);
const COUNT = Number((runsAt === -1 ? args : args.slice(0, runsAt))[0] ?? 5000);
const TARGET_RATIO = 1.2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const fastest = (values: number[]) => Math.min(...values);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-wording-'));
const contentDir = path.join(dir, 'content');
writeCorpus({ count: COUNT, dir: contentDir });
const files = fs
  .readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => path.join(contentDir, name));
const check = (wording: boolean, typography = false) =>
  checkContent({ rootDir: dir, contentDir, publicDir: path.join(ROOT, 'public'), wording, typography });

// One warm-up of each, so module loading and JIT are not counted in the first run.
const warm = check(true, true);
check(false);
const without: number[] = [];
const withGuard: number[] = [];
const withBoth: number[] = [];
const typography: number[] = [];
let suggestions = 0;
/** How long `work` takes, in ms. */
const timed = (work: () => void) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};
for (let run = 0; run < RUNS; run += 1) {
  // The two checks compared run back to back, in turn first: whichever runs first pays for the
  // garbage the run before left, so a fixed order would favour one side.
  if (run % 2 === 0) {
    without.push(timed(() => check(false)));
    withGuard.push(timed(() => check(true)));
  } else {
    withGuard.push(timed(() => check(true)));
    without.push(timed(() => check(false)));
  }
  withBoth.push(timed(() => check(true, true)));
  typography.push(
    timed(() => {
      suggestions = 0;
      for (const file of files) suggestions += lintFile(fs.readFileSync(file, 'utf8')).changes.length;
    }),
  );
  console.log(
    `run ${run + 1}: without ${without.at(-1)!.toFixed(0)} ms, with the guard ${withGuard.at(-1)!.toFixed(0)} ms, with the guard and typography ${withBoth.at(-1)!.toFixed(0)} ms, typography alone ${typography.at(-1)!.toFixed(0)} ms`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });

const base = median(without);
const guarded = median(withGuard);
const lint = median(typography);
const ratio = guarded / base;
// Each run checks without and with the guard back to back, so a run's own ratio sees the same
// load on both sides; their median is the steadiest figure on a shared machine.
const paired = median(withGuard.map((value, run) => value / without[run]!));
const met = ratio <= TARGET_RATIO && paired <= TARGET_RATIO;
const wordingProblems = warm.problems.filter((problem) => problem.message.includes('规范表述')).length;
const typographyWarnings = warm.problems.filter((problem) => problem.message.startsWith('排版建议')).length;
const summary = [
  `## The wording guard (\`npm run bench:wording\`)`,
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}; ${COUNT} articles (${files.length} Markdown/MDX files) from tests/support/corpus.ts, median of ${RUNS} runs taken in turn (the baseline and the guard back to back, each first in every other run).`,
  '',
  markdownTable(
    ['', 'median ms', 'fastest ms', 'runs (ms)', 'median vs. baseline', 'fastest vs. baseline'],
    [
      ['content check without the guard or typography (baseline)', without, '1.00', '1.00'],
      ['content check with the guard', withGuard, ratio.toFixed(2), (fastest(withGuard) / fastest(without)).toFixed(2)],
      [
        'content check with the guard and typography warnings (as builds run it)',
        withBoth,
        (median(withBoth) / base).toFixed(2),
        (fastest(withBoth) / fastest(without)).toFixed(2),
      ],
      [
        'typography lint alone (fix:content, no write)',
        typography,
        (lint / base).toFixed(2),
        (fastest(typography) / fastest(without)).toFixed(2),
      ],
    ].map(([name, runs, byMedian, byFastest]) => {
      const values = runs as number[];
      return [
        name as string,
        median(values).toFixed(0),
        fastest(values).toFixed(0),
        values.map((v) => v.toFixed(0)).join(', '),
        byMedian as string,
        byFastest as string,
      ];
    }),
  ),
  '',
  `- Target: the check with the guard ≤ ${TARGET_RATIO}× the check without it: ${met ? 'met' : 'NOT met'} (ratio of the medians ${ratio.toFixed(2)}×, median of the runs' own ratios ${paired.toFixed(2)}×; both must be within the target). On a shared machine single runs vary by 3× (load from other builds).`,
  `- Near-misses reported in the corpus (real work-plan sentences): ${wordingProblems}; typography suggestions: ${suggestions} lines (${typographyWarnings} warnings in the check).`,
].join('\n');
console.log(`\n${summary}`);
writeBenchmarkSection('wording', summary);
