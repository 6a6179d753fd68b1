/**
 * `npm run bench:wording:instructions`: the wording guard's cost counted in processor
 * instructions, not seconds. The machines are shared and a timed run of the content check
 * varies by 3× with the load; valgrind's callgrind counts the instructions a run executes,
 * which other processes don't change. Each figure is the difference between a process that
 * checks the content three times and one that checks it once (each after one warm-up), so
 * start-up and compilation cancel out; V8 runs in its predictable mode (one thread, no timers) with fixed seeds.
 *
 * Slow (valgrind runs Node about 50× slower): 1,000 articles by default, 4–6 minutes on
 * two cores. Needs valgrind (`apt-get install -y valgrind`). Prints the figures and writes them
 * into docs/benchmarks.md; never fails on a figure.
 *
 *   npm run bench:wording:instructions [-- 1000]
 *
 * Run by this script itself (not by hand) as `… --child <contentDir> <on|off> <checks>`.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkContent } from '../../src/content/check/index.ts';
import { writeCorpus } from '../../tests/support/corpus.ts';
import { ROOT } from '../../tests/support/paths.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';

const args = process.argv.slice(2);

if (args[0] === '--child') {
  const [, contentDir, mode, checks] = args as [string, string, string, string];
  const check = () =>
    checkContent({
      rootDir: path.dirname(contentDir),
      contentDir,
      publicDir: path.join(ROOT, 'public'),
      wording: mode === 'on',
      typography: false,
      today: '2026-12-03',
    });
  for (let run = 0; run <= Number(checks); run += 1) check();
  process.exit(0);
}

const COUNT = Number(args[0] ?? 1000);
try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('没有找到 valgrind：请先运行 apt-get install -y valgrind');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-wording-instructions-'));
const contentDir = path.join(dir, 'content');
writeCorpus({ count: COUNT, dir: contentDir });

/** Instructions callgrind counted for a process that checks the content `checks` times after a warm-up. */
async function instructions(mode: 'on' | 'off', checks: number): Promise<number> {
  const { stderr } = await promisify(execFile)(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      '--predictable',
      '--hash-seed=1',
      '--random-seed=1',
      import.meta.filename,
      '--child',
      contentDir,
      mode,
      String(checks),
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const collected = /Collected\s*:\s*([\d,]+)/.exec(stderr)?.[1];
  if (!collected) throw new Error(`callgrind printed no count:\n${stderr}`);
  return Number(collected.replaceAll(',', ''));
}

const started = Date.now();
// Two at a time: one per core.
const [off1, off3] = await Promise.all([instructions('off', 1), instructions('off', 3)]);
const [on1, on3] = await Promise.all([instructions('on', 1), instructions('on', 3)]);
fs.rmSync(dir, { recursive: true, force: true });
const without = (off3 - off1) / 2;
const withGuard = (on3 - on1) / 2;
const ratio = withGuard / without;
const millions = (value: number) => `${(value / 1e6).toFixed(0)} M`;
const summary = [
  `## The wording guard in instructions (\`npm run bench:wording:instructions\`)`,
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with valgrind's callgrind (${((Date.now() - started) / 60000).toFixed(1)} minutes); ${COUNT} articles from tests/support/corpus.ts. One content check, as the difference between a process that checks three times and one that checks once:`,
  '',
  `- without the guard or typography (baseline): ${millions(without)} instructions;`,
  `- with the guard: ${millions(withGuard)} instructions, ${ratio.toFixed(2)}× the baseline (the guard itself ${millions(withGuard - without)}, ${((withGuard - without) / COUNT / 1000).toFixed(0)} k per article).`,
  `- Target (issue 15): ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'}. Instructions are not time (cache misses cost no instructions), but no other process changes them.`,
].join('\n');
console.log(`\n${summary}`);
writeBenchmarkSection('wording-instructions', summary);
