/**
 * `npm run cms` as an editor starts it: in a clean clone of the project (a copy with its own
 * git repository, so decap-server commits and switches branches there, never here), the script
 * starts decap-server and `astro dev`, prints the admin's address, and the admin opened there
 * logs in with no console error, no failed request, and no Astro dev toolbar; the site preview
 * is styled (the strict CSP once blocked the dev server's inline styles) and logs no error.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GIT_IDENTITY, git } from '../support/cms.ts';
import { TEST_DIST } from '../support/paths.ts';
import { copyProject } from '../support/project-copy.ts';
import { expect, test } from '../support/test.ts';

// astro dev bundles Decap (5 MB) on the first visit: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 420_000 });

const PROJECT = path.join(TEST_DIST, 'cms-dev-project');

interface Running {
  adminUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function startCms(): Promise<Running> {
  copyProject(PROJECT, { skip: (file) => file.startsWith('tests/') });
  fs.rmSync(path.join(PROJECT, 'dist'), { recursive: true, force: true });
  git(PROJECT, 'init', '--quiet', '--initial-branch=main');
  // The linked node_modules is a symlink, which the `node_modules/` rule of .gitignore misses.
  fs.appendFileSync(path.join(PROJECT, '.git/info/exclude'), '/node_modules\n');
  git(PROJECT, 'add', '.');
  git(PROJECT, 'commit', '--quiet', '-m', '初始内容');
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(PROJECT, 'scripts/dev/cms.ts')], {
    cwd: PROJECT,
    env: { ...process.env, ...GIT_IDENTITY, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  let adminUrl: string | undefined;
  while (!adminUrl) {
    if (child.exitCode !== null) throw new Error(`npm run cms exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`npm run cms printed no address: ${output}`);
    adminUrl = /内容管理：(http:\/\/127\.0\.0\.1:\d+\/admin\/)/.exec(output)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The address is printed at once; astro dev listens a few seconds later.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run cms exited: ${output}`);
    if (Date.now() - started > 120_000) throw new Error(`astro dev did not answer: ${output}`);
    const answered = await fetch(adminUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    adminUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // cms.ts stops decap-server and astro dev on SIGTERM.
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      // Anything left of the group (it was started detached, as its own group) goes too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

test('npm run cms: the admin logs in with no console error and no dev toolbar, and the preview is styled', async ({
  page,
}, testInfo) => {
  const cms = await startCms();
  try {
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // React's development build (only astro dev serves it) checks prop types and reports
      // Decap's own children props that fail them. The built admin, where React checks
      // nothing, is held to no console error at all (tests/e2e/cms.spec.ts).
      if (/^Warning: Failed prop type: /.test(message.text())) return;
      errors.push(`${message.text()} @ ${message.location().url}`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    await page.goto(cms.adminUrl, { timeout: 300_000 });
    await page.getByRole('button', { name: '登录' }).click({ timeout: 300_000 });
    await expect(page.getByRole('heading', { name: '集合' })).toBeVisible({ timeout: 120_000 });
    await page.getByRole('link', { name: '通知公告', exact: true }).click();
    await expect(page.getByRole('link', { name: '关于印发《长沙市望城区妇联2024年工作要点》的通知' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.locator('astro-dev-toolbar')).toHaveCount(0);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => url.includes('dev-toolbar'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);

    // The site preview the editor is sent to next: styled, no dev toolbar, no console error.
    errors.length = 0;
    await page.goto(cms.adminUrl.replace(/admin\/$/, ''), { waitUntil: 'networkidle', timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const headerBackground = await page
      .locator('.fl-header')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(headerBackground).not.toBe('rgba(0, 0, 0, 0)');
    await expect(page.locator('astro-dev-toolbar')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await cms.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('npm-run-cms.log', { body: cms.output(), contentType: 'text/plain' });
    }
    spawnSync('rm', ['-rf', PROJECT]);
  }
});
