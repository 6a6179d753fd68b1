/**
 * A copy of the project (its tracked and new files) beside the real node_modules, for builds of
 * a variant: the site without its admin (npm run bench:admin), or with one more field in the
 * content model (tests/built/model-roles.test.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

/**
 * Copies the project into `dest` (emptied first), leaving out files `skip` names, and links
 * the real node_modules. `patch` may rewrite a file's text on the way.
 */
export function copyProject(
  dest: string,
  options: { skip?: (file: string) => boolean; patch?: (file: string, text: string) => string } = {},
): void {
  fs.rmSync(dest, { recursive: true, force: true });
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const file of listed.stdout.split('\n').filter(Boolean)) {
    if (options.skip?.(file) || !fs.existsSync(path.join(ROOT, file))) continue;
    const target = path.join(dest, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (options.patch && /\.(ts|astro|json|mjs)$/.test(file)) {
      fs.writeFileSync(target, options.patch(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    } else {
      fs.copyFileSync(path.join(ROOT, file), target);
    }
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
}
