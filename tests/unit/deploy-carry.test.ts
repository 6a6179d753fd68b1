/**
 * The `pages` target's carry-forward (scripts/deploy/carry.ts): the previous site's own hashed
 * files reach the new build, for one release only, and nothing else is brought back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CARRIED_LIST, carry, isHashed } from '../../scripts/deploy/carry.ts';

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-carry-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('carrying hashed files forward on the pages target', () => {
  it('knows which files have hashed names', () => {
    expect(isHashed('_astro/BaseLayout.BiHpcB2Q.css')).toBe(true);
    expect(isHashed('pagefind/fragment/zh-cn_abc.pf_fragment')).toBe(true);
    expect(isHashed('pagefind/pagefind.zh-cn_abc.pf_meta')).toBe(true);
    expect(isHashed('pagefind/pagefind-entry.json')).toBe(false);
    expect(isHashed('notices/x/index.html')).toBe(false);
    expect(isHashed('uploads/x.pdf')).toBe(false);
  });

  it('brings the old hashed files into the new build, never its pages or uploads, and only for one release', () => {
    const a = site({
      'index.html': 'a',
      'notices/gone/index.html': 'taken down',
      'uploads/gone.pdf': 'pdf',
      '_astro/a.css': 'a',
      'pagefind/index/zh-cn_a.pf_index': 'a',
    });
    const b = site({ 'index.html': 'b', '_astro/b.css': 'b' });
    expect(carry(a, b).sort()).toEqual(['_astro/a.css', 'pagefind/index/zh-cn_a.pf_index']);
    expect(fs.readFileSync(path.join(b, '_astro/a.css'), 'utf8')).toBe('a');
    expect(fs.readFileSync(path.join(b, 'index.html'), 'utf8')).toBe('b');
    expect(fs.existsSync(path.join(b, 'notices/gone/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(b, 'uploads/gone.pdf'))).toBe(false);
    const c = site({ 'index.html': 'c', '_astro/c.css': 'c' });
    expect(carry(b, c)).toEqual(['_astro/b.css']);
    expect(fs.readFileSync(path.join(c, CARRIED_LIST), 'utf8')).toBe('_astro/b.css\n');
  });
});
