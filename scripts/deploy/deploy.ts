/**
 * `npm run deploy`: publishes a checked build as a new release and swaps it live in one step
 * (deploy/release.sh, docs/deploy.md). Run it only after `npm test` and `npm run build` passed:
 * the pipeline does. Nothing live changes until the uploaded release is complete and checked.
 *
 *   DEPLOY_PATH  the site folder on the server (required)
 *   DEPLOY_HOST, DEPLOY_USER, DEPLOY_SSH  upload with rsync over ssh; without DEPLOY_HOST the
 *                release is copied into DEPLOY_PATH on this machine
 *   DEPLOY_DIST  the build to publish (default dist/)
 *   DEPLOY_ID    the release name (default <UTC time>-<commit>)
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELEASE_SCRIPT, runRelease, targetFromEnv } from './target.ts';

/** Files a build must have, or it is incomplete (a failed or partial build never goes live). */
export const REQUIRED = ['index.html', '404.html', 'pagefind/pagefind-entry.json'] as const;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** `sha256sum` lines of every file of the build, which release.sh checks after the upload. */
export function manifest(dist: string): string {
  return files(dist)
    .map(
      (file) =>
        `${createHash('sha256')
          .update(fs.readFileSync(path.join(dist, file)))
          .digest('hex')}  ${file}\n`,
    )
    .join('');
}

function commit(): string {
  if (process.env['GITHUB_SHA']) return process.env['GITHUB_SHA'].slice(0, 10);
  try {
    return execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'local';
  }
}

function fail(message: string): never {
  console.error(`发布失败：${message}`);
  process.exit(1);
}

const dist = path.resolve(process.env['DEPLOY_DIST'] ?? 'dist');
const missing = REQUIRED.filter((file) => !fs.existsSync(path.join(dist, file)));
if (missing.length > 0) {
  fail(`${dist} 不是完整的构建（缺少 ${missing.join('、')}）。先运行 npm run build；线上网站没有改动。`);
}
const target = (() => {
  try {
    return targetFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }
})();
const sha = commit();
const id =
  process.env['DEPLOY_ID'] ??
  `${new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${sha}`;
if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) fail(`发布编号 ${id} 无效。`);

// The release's own files and its record, written beside the build before the upload.
const meta = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-release-'));
fs.writeFileSync(path.join(meta, 'MANIFEST'), manifest(dist));
fs.writeFileSync(path.join(meta, 'RELEASE'), `commit=${sha}\nbuilt=${new Date().toISOString()}\n`);
const part = `${target.dir}/releases/${id}.part`;

try {
  if (target.host) {
    // Upload into a new folder; files equal to the live release's are hard links (--link-dest).
    const rsync = (args: string[]) => {
      const result = spawnSync('rsync', ['-rlpt', '-z', '-e', target.ssh.join(' '), ...args], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`rsync 上传失败（退出码 ${result.status}）；线上网站没有改动。`);
    };
    rsync(['--mkpath', RELEASE_SCRIPT, `${target.host}:${target.dir}/bin/release.sh`]);
    rsync(['--mkpath', `--link-dest=${target.dir}/current/site/`, `${dist}/`, `${target.host}:${part}/site/`]);
    rsync([`${meta}/MANIFEST`, `${meta}/RELEASE`, `${target.host}:${part}/`]);
  } else {
    fs.mkdirSync(path.join(target.dir, 'bin'), { recursive: true });
    fs.copyFileSync(RELEASE_SCRIPT, path.join(target.dir, 'bin/release.sh'));
    fs.cpSync(dist, path.join(part, 'site'), { recursive: true });
    fs.copyFileSync(path.join(meta, 'MANIFEST'), path.join(part, 'MANIFEST'));
    fs.copyFileSync(path.join(meta, 'RELEASE'), path.join(part, 'RELEASE'));
  }
} catch (error) {
  fs.rmSync(meta, { recursive: true, force: true });
  fail((error as Error).message);
}
fs.rmSync(meta, { recursive: true, force: true });

const status = runRelease(target, ['activate', id]);
if (status !== 0) fail(`服务器拒绝了版本 ${id}；线上网站没有改动。`);
