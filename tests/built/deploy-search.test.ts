/**
 * A reader mid-search while a new release goes live: the search page, loaded from the old
 * release, keeps asking for the old index's chunks and fragments (hashed names) after the
 * swap. They are carried forward, so the next search on the same page still works.
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/build/search-index.ts';
import { findNginx, startNginx, type NginxServer } from '../support/nginx.ts';
import { ROOT, SITE_DIST } from '../support/paths.ts';
import { waitForResults } from '../support/search-page.ts';
import { requireTool } from '../support/system-tools.ts';

const nginx = findNginx();
requireTool(nginx, 'nginx', 'the search-across-a-deploy tests');

describe.runIf(nginx)('searching across a deploy', () => {
  let work: string;
  let srv: string;
  let server: NginxServer;
  let buildB: string;
  const deploy = (dist: string, id: string) => {
    const result = spawnSync(process.execPath, ['scripts/deploy/deploy.ts'], {
      cwd: ROOT,
      env: { ...process.env, DEPLOY_PATH: srv, DEPLOY_HOST: '', DEPLOY_DIST: dist, DEPLOY_ID: id },
      encoding: 'utf8',
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-deploy-search-'));
    srv = path.join(work, 'srv');
    fs.mkdirSync(srv);
    const buildA = path.join(work, 'a');
    buildB = path.join(work, 'b');
    fs.cpSync(SITE_DIST, buildA, { recursive: true });
    fs.cpSync(SITE_DIST, buildB, { recursive: true });
    // Release B: every article edited, so its search index has new hashed names throughout.
    for (const file of fs.readdirSync(buildB, { recursive: true }).map(String)) {
      if (!file.endsWith('.html')) continue;
      const html = fs.readFileSync(path.join(buildB, file), 'utf8');
      if (html.includes('data-pagefind-body>')) {
        fs.writeFileSync(
          path.join(buildB, file),
          html.replace('data-pagefind-body>', 'data-pagefind-body><p>本文已于新版本中更新。</p>'),
        );
      }
    }
    fs.rmSync(path.join(buildB, 'pagefind'), { recursive: true });
    await buildSearchIndex(buildB);
    deploy(buildA, 'a');
    server = await startNginx(nginx!, path.join(srv, 'current/site'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('finds results on a search page loaded before the swap, from the old index’s carried chunks', async () => {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ locale: 'zh-CN' });
      const failed: string[] = [];
      const afterSwap: string[] = [];
      let swapped = false;
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
        const url = new URL(response.url()).pathname;
        if (swapped && url.startsWith('/pagefind/')) afterSwap.push(url);
      });
      page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
      page.on('pageerror', (error) => failed.push(`page error ${error.message}`));

      await page.goto(`${server.url}/search/?q=${encodeURIComponent('妇联')}`);
      await waitForResults(page);
      expect(await page.locator('.fl-search-result').count()).toBeGreaterThan(0);

      deploy(buildB, 'b');
      swapped = true;
      // The same page, not reloaded: a second search (the page searches in place).
      const box = page.getByRole('searchbox', { name: '搜索关键词' });
      await box.fill('家庭教育');
      await box.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === '家庭教育');
      await waitForResults(page);
      expect(await page.locator('.fl-search-result').count()).toBeGreaterThan(0);
      expect(failed).toEqual([]);
      // It really used the old index: files the new release's own build does not have.
      const carried = afterSwap.filter((url) => !fs.existsSync(path.join(buildB, url)));
      expect(carried.length).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
