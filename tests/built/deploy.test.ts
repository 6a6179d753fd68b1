/**
 * Atomic deploys and safe rollback, for real: Debian's nginx with the shipped config serves
 * $DEPLOY_PATH/current/site while `npm run deploy` swaps releases (copies of the real build)
 * under a stream of readers, and `npm run rollback` / deploy/release.sh put one back.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, startNginx, type NginxServer } from '../support/nginx.ts';
import { ROOT, SITE_DIST } from '../support/paths.ts';
import { requireTool } from '../support/system-tools.ts';

const RELEASE_SH = path.join(ROOT, 'deploy/release.sh');

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The /_astro/ scripts and styles a page asks for. */
const assetsOf = (html: string) =>
  [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);

interface Run {
  status: number | null;
  output: string;
}

function runSync(args: string[], env: Record<string, string>): Run {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

function sh(args: string[]): Run {
  const result = spawnSync('sh', [RELEASE_SH, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const pageFiles = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('index.html') && !file.startsWith('admin'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);

const nginx = findNginx();
requireTool(nginx, 'nginx', 'the deploy tests');

describe.runIf(nginx)('atomic deploys and rollback behind the shipped nginx config', () => {
  let work: string;
  let srv: string;
  let server: NginxServer;
  let buildA: string;
  let buildB: string;
  let cssA: string;
  let goneFragment: string;
  const env = (extra: Record<string, string> = {}) => ({ DEPLOY_PATH: srv, DEPLOY_HOST: '', ...extra });
  const deploy = (dist: string, id: string) =>
    run(['scripts/deploy/deploy.ts'], env({ DEPLOY_DIST: dist, DEPLOY_ID: id }));
  const live = () => path.basename(fs.readlinkSync(path.join(srv, 'current')));

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-deploy-'));
    srv = path.join(work, 'srv');
    fs.mkdirSync(srv);
    // Release A: the real build. Release B: the same site after a change of styles and
    // scripts (new hashed names) and of the search index (a fragment renamed).
    buildA = path.join(work, 'a');
    buildB = path.join(work, 'b');
    fs.cpSync(SITE_DIST, buildA, { recursive: true });
    fs.cpSync(SITE_DIST, buildB, { recursive: true });
    // An attachment with a Chinese name, as editors upload them.
    for (const dir of [buildA, buildB]) fs.writeFileSync(path.join(dir, 'uploads/通知附件.pdf'), '%PDF-1.4\n');
    const home = fs.readFileSync(path.join(buildA, 'index.html'), 'utf8');
    const renamed = new Map(assetsOf(home).map((url) => [url, url.replace(/\.(css|js)$/, '.b.$1')]));
    cssA = [...renamed.keys()].find((url) => url.endsWith('.css'))!;
    for (const [from, to] of renamed) {
      fs.renameSync(path.join(buildB, from), path.join(buildB, to));
      fs.appendFileSync(path.join(buildB, to), '\n/* b */\n');
    }
    for (const page of pageFiles(buildB)) {
      const file = path.join(buildB, page, 'index.html');
      let html = fs.readFileSync(file, 'utf8');
      for (const [from, to] of renamed) html = html.replaceAll(from, to);
      fs.writeFileSync(file, html);
    }
    goneFragment = `/pagefind/fragment/${fs.readdirSync(path.join(buildB, 'pagefind/fragment'))[0]!}`;
    fs.renameSync(path.join(buildB, goneFragment), `${path.join(buildB, goneFragment)}.b`);

    const first = await deploy(buildA, 'r1-a');
    expect(first.output).toContain('已上线版本 r1-a');
    expect(first.status).toBe(0);
    server = await startNginx(nginx!, path.join(srv, 'current/site'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('swaps a new release in under a stream of readers: each fetches a page, then its assets; not one request fails', async () => {
    const pages = pageFiles(buildA);
    expect(pages.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const servedBy = { a: 0, b: 0 };
    let fetched = 0;
    // Bounded: at least 240 pages, and on until the deploy and the rollback have both finished.
    const total = 240;
    const limit = 5000;
    let deployed: Promise<Run> | undefined;
    let rolledBack: Promise<Run> | undefined;
    let deployedAt = 0;
    let done = false;
    const reader = async () => {
      while ((fetched < total || !done) && fetched < limit) {
        const page = pages[fetched % pages.length]!;
        fetched += 1;
        if (fetched === 40) {
          deployed = deploy(buildB, 'r2-b');
          void deployed.then(() => (deployedAt = fetched));
        }
        // 20 pages after the new release went live, roll it back, still under readers.
        if (deployedAt > 0 && !rolledBack && fetched >= deployedAt + 20) {
          rolledBack = run(['scripts/deploy/rollback.ts'], env());
          void rolledBack.then(() => (done = true));
        }
        const response = await get(server.url + page);
        if (response.status !== 200) failures.push(`${response.status} ${page}`);
        const assets = assetsOf(response.body);
        if (assets.some((url) => url.includes('.b.'))) servedBy.b += 1;
        else servedBy.a += 1;
        for (const asset of assets) {
          const got = await get(server.url + asset);
          if (got.status !== 200) failures.push(`${got.status} ${asset} (from ${page})`);
        }
      }
    };
    await Promise.all([reader(), reader(), reader(), reader()]);
    const [deployRun, rollbackRun] = await Promise.all([deployed!, rolledBack!]);
    expect(deployRun.status, deployRun.output).toBe(0);
    expect(rollbackRun.status, rollbackRun.output).toBe(0);
    expect(failures).toEqual([]);
    // The swaps happened while readers were reading: both releases were served.
    expect(servedBy.a).toBeGreaterThan(0);
    expect(servedBy.b).toBeGreaterThan(0);
    expect(live()).toBe('r1-a');
  });

  it('keeps serving a page loaded just before the swap: its old hashed assets and search chunks are carried forward', async () => {
    const before = await get(`${server.url}/`);
    const oldAssets = assetsOf(before.body);
    expect(oldAssets).toContain(cssA);
    const swapped = await deploy(buildB, 'r3-b');
    expect(swapped.status, swapped.output).toBe(0);
    expect(live()).toBe('r3-b');
    expect(assetsOf((await get(`${server.url}/`)).body).some((url) => url.includes('.b.'))).toBe(true);
    for (const url of [...oldAssets, goneFragment]) {
      expect((await get(server.url + url)).status, url).toBe(200);
    }
    expect(fs.readFileSync(path.join(srv, 'releases/r3-b/CARRIED'), 'utf8')).toContain(cssA.slice(1));
  });

  it('never touches what is live when a build is incomplete or an upload does not match its manifest', async () => {
    const broken = path.join(work, 'broken');
    fs.cpSync(buildA, broken, { recursive: true });
    fs.rmSync(path.join(broken, '404.html'));
    const refused = runSync(['scripts/deploy/deploy.ts'], env({ DEPLOY_DIST: broken, DEPLOY_ID: 'r4-broken' }));
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('缺少 404.html');
    expect(fs.existsSync(path.join(srv, 'releases/r4-broken.part'))).toBe(false);

    // An upload cut short: a file listed in the manifest never arrived.
    const part = path.join(srv, 'releases/r5-partial.part');
    fs.cpSync(path.join(srv, 'releases/r1-a'), part, { recursive: true });
    fs.rmSync(path.join(part, 'site/notices/index.html'));
    const partial = sh(['-d', srv, 'activate', 'r5-partial']);
    expect(partial.status).not.toBe(0);
    expect(partial.output).toContain('与清单不符');
    expect(live()).toBe('r3-b');
    expect((await get(`${server.url}/notices/`)).status).toBe(200);
    fs.rmSync(part, { recursive: true });
  });

  it('rolls back to the previous release, listing what it restores', async () => {
    const rollback = runSync(['scripts/deploy/rollback.ts'], env());
    expect(rollback.status, rollback.output).toBe(0);
    expect(rollback.output).toContain('回滚计划：从 r3-b 回到');
    expect(rollback.output).toMatch(/内容会变回旧版本的文件：\d+ 个/);
    expect(live()).toBe('r1-a');
    expect(assetsOf((await get(`${server.url}/`)).body)).toContain(cssA);
  });

  it('refuses a rollback that would republish a page taken down since, and says which', async () => {
    const takenDown = '/notices/wangfufa-2024-1/';
    const buildC = path.join(work, 'c');
    fs.cpSync(buildA, buildC, { recursive: true });
    fs.rmSync(path.join(buildC, takenDown), { recursive: true });
    const deployC = await deploy(buildC, 'r6-c');
    expect(deployC.status, deployC.output).toBe(0);
    expect((await get(server.url + takenDown)).status).toBe(404);

    for (const args of [['--dry-run'], []]) {
      const refused = runSync(['scripts/deploy/rollback.ts', ...args], env());
      expect(refused.status).toBe(3);
      expect(refused.output).toContain('拒绝回滚');
      expect(refused.output).toContain(`    ${takenDown}\n`);
      expect(live()).toBe('r6-c');
      expect((await get(server.url + takenDown)).status).toBe(404);
    }
    // The plain shell script on the server says the same.
    const plain = sh(['-d', srv, 'rollback']);
    expect(plain.status).toBe(3);
    expect(plain.output).toContain(takenDown);
  });

  it('takes a page down from every kept release at once, and keeps it down at the next deploy and rollback', async () => {
    const page = '/notices/2024-02-20-chunfeng-zhaopinhui-gonggao/';
    expect((await get(server.url + page)).status).toBe(200);
    // Pasted from the browser's address bar, as an operator in a hurry would.
    const takedown = sh(['-d', srv, 'takedown', `https://www.example.gov.cn${page}`]);
    expect(takedown.status, takedown.output).toBe(0);
    expect(takedown.output).not.toContain('没有在任何保留的版本中找到');
    expect((await get(server.url + page)).status).toBe(404);
    for (const release of fs.readdirSync(path.join(srv, 'releases'))) {
      expect(fs.existsSync(path.join(srv, 'releases', release, 'site', page)), release).toBe(false);
    }
    // An attachment, its address copied from the browser (percent-encoded).
    const attachment = `/uploads/${encodeURIComponent('通知附件.pdf')}`;
    expect((await get(server.url + attachment)).status).toBe(200);
    const attachmentDown = sh(['-d', srv, 'takedown', `https://www.example.gov.cn${attachment}`]);
    expect(attachmentDown.status, attachmentDown.output).toBe(0);
    expect(attachmentDown.output).toMatch(/\/uploads\/通知附件\.pdf 已从 [1-9]\d* 个/);
    expect((await get(server.url + attachment)).status).toBe(404);
    // The next build still has it (the editor has not set it to draft yet): it stays down.
    const again = await deploy(buildA, 'r7-a');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('仍包含已紧急下线');
    expect((await get(server.url + page)).status).toBe(404);
    // Back to r6-c (which lacks nothing r7-a has): allowed, and the page is still gone.
    const back = sh(['-d', srv, 'rollback']);
    expect(back.status, back.output).toBe(0);
    expect(live()).toBe('r6-c');
    expect((await get(server.url + page)).status).toBe(404);
  });

  it('keeps only the last few releases', async () => {
    for (const id of ['r8', 'r9', 'r10']) {
      const result = await run(['scripts/deploy/deploy.ts'], env({ DEPLOY_DIST: buildB, DEPLOY_ID: id, KEEP: '3' }));
      expect(result.status, result.output).toBe(0);
    }
    const kept = fs.readdirSync(path.join(srv, 'releases'));
    expect(kept).toHaveLength(3);
    expect(kept).toContain(live());
    expect((await get(`${server.url}/`)).status).toBe(200);
  });
});
