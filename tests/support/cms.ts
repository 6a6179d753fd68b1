/**
 * The CMS under test: a temporary git repository holding a copy of the site's content, a real
 * decap-server in git mode serving it on a free port, and the built admin's requests to the
 * default local backend address forwarded there (the built admin talks to
 * http://127.0.0.1:8081, where `npm run cms` runs decap-server; tests can't rely on that port
 * being free on a shared machine).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_PROXY_URL } from '../../admin/build/backend.ts';
import { DECAP_GIT_ENV } from '../../scripts/dev/cms-env.ts';
import { buildSite, type BuildEnv } from './build.ts';
import { freePort } from './ports.ts';
import { ROOT, TEST_DIST } from './paths.ts';
import { astroCacheDir } from '../../src/build/cache-dir.ts';

/** Where the tests' temporary repositories live. */
const CMS_REPOS = path.join(TEST_DIST, 'cms-repos');

/**
 * A git identity for the commits decap-server makes: a bare CI machine has none, and git
 * refuses to commit without one.
 */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: '测试编辑',
  GIT_AUTHOR_EMAIL: 'editor@example.test',
  GIT_COMMITTER_NAME: '测试编辑',
  GIT_COMMITTER_EMAIL: 'editor@example.test',
} as const;

/** Runs git in `cwd` and returns its output; throws with git's message on failure. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_IDENTITY } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * A new git repository (branch `main`) with a copy of `content/` and `public/`, committed.
 * decap-server needs nothing else: the admin itself is served from the built site.
 */
export function makeEditorRepo(): string {
  // Inside the project (in the ignored .test-dist/): Vite won't load images from outside it,
  // so a rebuild from this content would fail.
  fs.mkdirSync(CMS_REPOS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(CMS_REPOS, 'repo-'));
  fs.cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true });
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', '初始内容');
  return dir;
}

export interface DecapServer {
  /** The API address, e.g. http://127.0.0.1:40123/api/v1. */
  url: string;
  /** Everything decap-server printed, for failure messages. */
  log: () => string;
  close: () => Promise<void>;
}

/** Starts decap-server in MODE=git on 127.0.0.1 over `repoDir` and waits until it listens. */
export async function startDecapServer(repoDir: string): Promise<DecapServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    cwd: repoDir,
    env: {
      ...process.env,
      ...GIT_IDENTITY,
      ...DECAP_GIT_ENV,
      MODE: 'git',
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      GIT_REPO_DIRECTORY: repoDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!output.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`decap-server exited: ${output}`);
    if (Date.now() - started > 20_000) throw new Error(`decap-server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    log: () => output,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Sends the page's requests for the default local backend to `server` instead. Playwright
 * answers the CORS preflight of a routed request itself, so only the POSTs reach it.
 *
 * The requests are forwarded one at a time: decap-server handles one request at a time and
 * answers 500 to a request that waited more than 3 s for the ones before it, which a burst of
 * requests (the workflow page) exceeds on a loaded CI machine. One editor never meets that.
 */
export async function routeLocalBackend(page: Page, server: DecapServer): Promise<{ settled: () => Promise<void> }> {
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let lastAnswer = Date.now();
  await page.route(DEFAULT_PROXY_URL, async (route) => {
    pending += 1;
    const forwarded = queue.then(async () => {
      const response = await route.fetch({ url: server.url, timeout: 60_000 });
      await route.fulfill({ response });
    });
    queue = forwarded.catch(() => undefined);
    try {
      await forwarded;
    } finally {
      pending -= 1;
      lastAnswer = Date.now();
    }
  });
  return {
    /** Resolves once the admin has had no request in flight for half a second. */
    settled: async () => {
      while (pending > 0 || Date.now() - lastAnswer < 500) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/**
 * Builds the site from an editor repository's content and uploads into `outDir`, as the
 * server does after a push. Astro caches the content layer per output folder (cacheDir in
 * astro.config.mjs); the cached entries point into an earlier run's repository, so they are
 * dropped first (the image cache stays valid).
 */
export function buildFromRepo(repo: string, outDir: string, env: Partial<BuildEnv> = {}) {
  const cacheDir = astroCacheDir(outDir);
  fs.rmSync(path.join(cacheDir, 'data-store.json'), { force: true });
  return buildSite({
    SITE_CONTENT_DIR: path.join(repo, 'content'),
    SITE_PUBLIC_DIR: path.join(repo, 'public'),
    SITE_OUT_DIR: outDir,
    ...env,
  });
}
