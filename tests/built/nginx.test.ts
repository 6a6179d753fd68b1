/**
 * The production server: Debian's nginx with the shipped config, serving the real-content
 * build. What a visitor's browser gets: the strict CSP and security headers on every
 * response (404s too), a real 404 status with the friendly page, long caching only for
 * hashed assets, gzip for text, and the admin's own policy under /admin/.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CSP, adminCsp, serializeCsp } from '../../src/build/csp.ts';
import { CACHE } from '../../src/build/server-config.ts';
import { findNginx, startNginx, type NginxServer } from '../support/nginx.ts';
import { waitForResults } from '../support/search-page.ts';
import { SITE_DIST } from '../support/paths.ts';
import { requireTool } from '../support/system-tools.ts';

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const nginx = findNginx();
requireTool(nginx, 'nginx', 'the production-server tests');

describe.runIf(nginx)('the site behind the shipped nginx config', () => {
  let server: NginxServer;
  beforeAll(async () => {
    server = await startNginx(nginx!, SITE_DIST);
  });
  afterAll(() => server?.stop());

  const expectPublicHeaders = (response: Response) => {
    expect(response.headers['content-security-policy']).toBe(serializeCsp(PUBLIC_CSP));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['permissions-policy']).toContain('camera=()');
  };

  it('serves pages with the strict CSP and security headers, revalidated on every visit', async () => {
    for (const page of ['/', '/notices/', '/notices/wangfufa-2024-1/']) {
      const response = await get(server.url + page);
      expect(response.status, page).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expectPublicHeaders(response);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('redirects a page address without its slash, keeping the visitor’s host', async () => {
    const response = await get(`${server.url}/notices`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/notices/');
  });

  it('answers an unknown address with status 404 and the friendly 404 page, headers included', async () => {
    const response = await get(`${server.url}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe(fs.readFileSync(path.join(SITE_DIST, '404.html'), 'utf8'));
    expect(response.body.toString()).toContain('12338');
    expectPublicHeaders(response);
  });

  it('caches hashed assets for a year, immutable', async () => {
    const html = fs.readFileSync(path.join(SITE_DIST, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const response = await get(server.url + asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectPublicHeaders(response);
    }
  });

  it('compresses HTML, CSS and JavaScript with gzip for browsers that accept it', async () => {
    const html = fs.readFileSync(path.join(SITE_DIST, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((match) => match[1]!);
    // gzip_min_length: files under 256 bytes are not worth compressing.
    const large = ['/', ...assets].filter(
      (url) => fs.statSync(path.join(SITE_DIST, url === '/' ? 'index.html' : url)).size >= 256,
    );
    expect(large.filter((url) => url.endsWith('.css')).length).toBeGreaterThan(0);
    for (const url of large) {
      const file = path.join(SITE_DIST, url === '/' ? 'index.html' : url);
      const response = await get(server.url + url, { 'Accept-Encoding': 'gzip' });
      expect(response.headers['content-encoding'], url).toBe('gzip');
      expect(response.headers.vary).toContain('Accept-Encoding');
      expect(zlib.gunzipSync(response.body).equals(fs.readFileSync(file)), url).toBe(true);
      const plain = await get(server.url + url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
    }
  });

  it('does not serve the _headers file meant for other hosts', async () => {
    expect(fs.existsSync(path.join(SITE_DIST, '_headers'))).toBe(true);
    expect((await get(`${server.url}/_headers`)).status).toBe(404);
  });

  it('gives the real /admin/ the CMS policy, allows its own preview frame, keeps it out of search engines and uncached', async () => {
    expect(fs.existsSync(path.join(SITE_DIST, 'admin/index.html'))).toBe(true);
    for (const url of ['/admin/', '/admin/cms.js']) {
      const response = await get(server.url + url);
      expect(response.status, url).toBe(200);
      expect(response.headers['content-security-policy'], url).toBe(serializeCsp(adminCsp()));
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['x-robots-tag'], url).toBe('noindex, nofollow');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get(`${server.url}/admin/`)).body.toString()).toContain('cms.js');
  });

  it('serves the real Pagefind files as its worker needs them: types, caching only hashed chunks, gzip only for text', async () => {
    const dir = path.join(SITE_DIST, 'pagefind');
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const hash = entry.languages['zh-cn']!.hash;
    const wasm = fs.readdirSync(dir).find((file) => /^wasm\..+\.pagefind$/.test(file))!;
    const first = (sub: string) => `/pagefind/${sub}/${fs.readdirSync(path.join(dir, sub))[0]!}`;
    const immutable = CACHE.hashed;
    const expectations: [string, string, string, boolean][] = [
      ['/pagefind/pagefind.js', 'text/javascript', 'no-cache', true],
      ['/pagefind/pagefind-worker.js', 'text/javascript', 'no-cache', true],
      ['/pagefind/pagefind-entry.json', 'application/json', 'no-cache', true],
      [`/pagefind/${wasm}`, 'application/octet-stream', 'no-cache', false],
      [`/pagefind/pagefind.${hash}.pf_meta`, 'application/octet-stream', 'no-cache', false],
      [first('fragment'), 'application/octet-stream', immutable, false],
      [first('index'), 'application/octet-stream', immutable, false],
    ];
    for (const [url, type, cache, gzip] of expectations) {
      expect(fs.existsSync(path.join(SITE_DIST, url)), url).toBe(true);
      const response = await get(server.url + url, { 'Accept-Encoding': 'gzip' });
      expect(response.status, url).toBe(200);
      expect(response.headers['content-type'], url).toContain(type);
      expect(response.headers['cache-control'], url).toBe(cache);
      expect(response.headers['content-security-policy'], url).toBe(serializeCsp(PUBLIC_CSP));
      // Pagefind's binary files are gzipped already: compressing again would break them.
      const large = fs.statSync(path.join(SITE_DIST, url)).size >= 256;
      expect(response.headers['content-encoding'], url).toBe(gzip && large ? 'gzip' : undefined);
      const body = response.headers['content-encoding'] ? zlib.gunzipSync(response.body) : response.body;
      expect(body.equals(fs.readFileSync(path.join(SITE_DIST, url))), url).toBe(true);
    }
  });

  it('lets a citizen search in Chromium through nginx, under its CSP, with no failed request or console error', async () => {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ locale: 'zh-CN' });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      const pagefindRequests: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
        if (response.url().includes('/pagefind/')) pagefindRequests.push(new URL(response.url()).pathname);
      });
      await page.goto(`${server.url}/`);
      const box = page.getByRole('searchbox', { name: '搜索本站' });
      await box.fill('妇联');
      await box.press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      await waitForResults(page);
      const links = await page
        .locator('.fl-search-result__title a')
        .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBeGreaterThan(0);
      // The worker loaded the wasm and the index chunks through nginx.
      expect(pagefindRequests.some((url) => url.endsWith('.pagefind'))).toBe(true);
      expect(pagefindRequests.some((url) => url.includes('/pagefind/index/'))).toBe(true);
      expect(pagefindRequests.some((url) => url.includes('/pagefind/fragment/'))).toBe(true);
      const result = await page.goto(server.url + links[0]!);
      expect(result?.status()).toBe(200);
      expect(await page.locator('h1').first().textContent()).toBeTruthy();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
