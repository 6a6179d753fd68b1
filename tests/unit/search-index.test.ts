/**
 * The index step of the build refuses a Pagefind that is not the extended build: without it
 * Chinese text is not segmented and search would find almost nothing, quietly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/build/search-index.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-index-'));
});
afterEach(() => {
  delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in Pagefind that writes an empty index and prints `banner` as its first line. */
function fakePagefind(banner: string): string {
  const script = path.join(dir, 'pagefind');
  fs.writeFileSync(
    script,
    `#!/bin/sh\necho "${banner}"\nmkdir -p "$2/pagefind/fragment"\necho '{}' > "$2/pagefind/pagefind-entry.json"\n`,
    { mode: 0o755 },
  );
  return script;
}

it('stops the build when the Pagefind that ran is not the extended one', async () => {
  process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = fakePagefind('Running Pagefind v1.6.0');
  await expect(buildSearchIndex(path.join(dir, 'site'))).rejects.toThrow(
    /运行的不是 Pagefind 扩展版.*Running Pagefind v1\.6\.0/,
  );
});

it('names the version and build that ran in the build log', async () => {
  process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = fakePagefind('Running Pagefind v1.6.0 (Extended)');
  await expect(buildSearchIndex(path.join(dir, 'site'))).resolves.toMatch(
    /^Pagefind v1\.6\.0 Extended \(zh-cn segmentation: pagefind\): indexed 0 pages/,
  );
});
