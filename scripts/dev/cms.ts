/**
 * `npm run cms`: edit the site on this computer. Starts decap-server in git mode (every save
 * in /admin/ is a commit in this repository) and `astro dev`, both on 127.0.0.1 only, then
 * prints the admin's address. Ctrl+C stops both.
 *
 * decap-server has no login, so it must never listen beyond this computer. In git mode it
 * runs `git add .` and switches branches for the editorial workflow in this very folder, so
 * this refuses to start while the working tree has uncommitted changes: they would be swept
 * into an editor's commit, or carried across branch switches.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_PROXY_URL } from '../../admin/build/backend.ts';
import { DECAP_GIT_ENV } from './cms-env.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOST = '127.0.0.1';

function fail(message: string): never {
  console.error(`\n无法启动本地内容管理：${message}\n`);
  process.exit(1);
}

function git(...args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: result.status === 0, out: (result.stdout ?? '').trimEnd() };
}

/** Whether something already listens on `port` at 127.0.0.1. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free port above it. */
async function portFrom(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port += 1) {
    if (await isFree(port)) return port;
  }
  return fail(`端口 ${preferred}–${preferred + 49} 都被占用了 — 请关闭其他开发服务器后重试`);
}

if (!git('rev-parse', '--is-inside-work-tree').ok) {
  fail('这个文件夹不是 git 仓库 — 请在用 git clone 下载的网站文件夹里运行 npm run cms');
}
const branch = git('branch', '--show-current').out;
if (!branch) fail('当前不在任何分支上（detached HEAD） — 请先运行 git switch main');
// The editorial workflow keeps each unpublished entry on a branch cms/<collection>/<slug>;
// git can't create those while a branch called plain `cms` exists.
if (git('show-ref', '--verify', '--quiet', 'refs/heads/cms').ok) {
  fail('仓库里有一个名为 cms 的分支，和编辑流程使用的 cms/… 分支冲突 — 请先改名：git branch -m cms cms-old');
}
const dirty = git('status', '--porcelain').out;
if (dirty) {
  fail(
    [
      '工作区有未提交的修改：',
      dirty
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
      '',
      '本地内容管理每次保存都会执行 git add .（把文件夹里所有改动一起提交），',
      '并为“草稿 → 待审核 → 待发布”切换分支。为了不把这些修改混进编辑的提交或在切换分支时弄丢，',
      '请先提交（git add -A && git commit -m "说明"）或暂存（git stash）它们，再运行 npm run cms。',
    ].join('\n'),
  );
}

const proxyPort = await portFrom(Number(new URL(DEFAULT_PROXY_URL).port));
const proxyUrl = `http://${HOST}:${proxyPort}/api/v1`;
const sitePort = await portFrom(4321);

const children: ChildProcess[] = [];
let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`\n${name} 已退出（代码 ${code ?? '无'}），本地内容管理随之停止。`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

start('decap-server', [path.join(ROOT, 'node_modules/decap-server/dist/index.js')], {
  ...DECAP_GIT_ENV,
  MODE: 'git',
  PORT: String(proxyPort),
  BIND_HOST: HOST,
  GIT_REPO_DIRECTORY: ROOT,
});
start(
  'astro dev',
  [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', HOST, '--port', String(sitePort)],
  {
    CMS_BRANCH: branch,
    CMS_PROXY_URL: proxyUrl,
    ASTRO_TELEMETRY_DISABLED: '1',
    // No dev toolbar for editors (astro.config.mjs).
    FL_DEV_TOOLBAR: 'off',
  },
);

console.log(
  [
    '',
    '本地内容管理已启动（只有这台电脑能访问）：',
    `  内容管理：http://${HOST}:${sitePort}/admin/`,
    `  网站预览：http://${HOST}:${sitePort}/`,
    `  每次保存都是分支“${branch}”上的一次 git 提交；用 git log 查看历史。`,
    '  按 Ctrl+C 停止。',
    '',
  ].join('\n'),
);
