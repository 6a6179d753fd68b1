/**
 * `node scripts/deploy/carry.ts <previous-site> <new-site>`: copies the hashed files of the
 * previous published site (/_astro/, Pagefind's chunks and meta) that the new build lacks into
 * it, so a page loaded just before the switch still gets its scripts, styles and search
 * chunks. For the `pages` target, where the whole site is one commit; the nginx target does
 * the same in deploy/release.sh. Files carried once are listed in `.carried-assets` and not
 * carried again: old assets live for one more release, then go.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CARRIED_LIST = '.carried-assets';

/** The same files deploy/release.sh treats as hashed (its `is_hashed`). */
export function isHashed(file: string): boolean {
  return (
    /^_astro\//.test(file) ||
    /^pagefind\/(fragment|index|filter)\//.test(file) ||
    /^pagefind\/[^/]+\.pf_meta$/.test(file)
  );
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Carries `previous`'s own hashed files into `next`; returns the files carried. */
export function carry(previous: string, next: string): string[] {
  const listFile = path.join(previous, CARRIED_LIST);
  const alreadyCarried = new Set(fs.existsSync(listFile) ? fs.readFileSync(listFile, 'utf8').split('\n') : []);
  const carried = files(previous).filter(
    (file) => isHashed(file) && !alreadyCarried.has(file) && !fs.existsSync(path.join(next, file)),
  );
  for (const file of carried) {
    fs.mkdirSync(path.dirname(path.join(next, file)), { recursive: true });
    fs.copyFileSync(path.join(previous, file), path.join(next, file));
  }
  fs.writeFileSync(path.join(next, CARRIED_LIST), carried.map((file) => `${file}\n`).join(''));
  return carried;
}

if (import.meta.main) {
  const [previous, next] = process.argv.slice(2);
  if (!previous || !next) {
    console.error('用法：node scripts/deploy/carry.ts <上一次发布的网站目录> <新构建的目录>');
    process.exit(2);
  }
  console.log(`沿用上一次发布的带哈希文件 ${carry(previous, next).length} 个`);
}
