/**
 * The production server: Debian's nginx with the shipped config, serving the real-content
 * build. What a visitor's browser gets: the strict CSP and security headers on every
 * response (404s too), a real 404 status with the friendly page, long caching only for
 * hashed assets, gzip for text, and the admin's own policy under /admin/.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CSP, adminCsp, serializeCsp } from '../../src/lib/csp.ts';
import { findNginx, startNginx, type NginxServer } from '../support/nginx.ts';
import { SITE_DIST } from '../support/paths.ts';

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
if (!nginx) {
  console.warn(
    'nginx is not installed (apt-get install nginx, as .ci/run does): the production-server tests are skipped.',
  );
}

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
});

describe.runIf(nginx)('the admin and search locations of the shipped nginx config', () => {
  // A tiny site with an admin page and Pagefind-shaped files: the locations are tested even
  // before the CMS and the search index are part of the build.
  let server: NginxServer;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-nginx-root-'));
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>首页</title>',
      '404.html': '<!doctype html><title>页面不存在</title>',
      'admin/index.html': '<!doctype html><title>内容管理</title>',
      'pagefind/pagefind.js': 'export const x = 1;'.repeat(50),
      'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
      'pagefind/wasm.zh-cn.pagefind': 'wasm',
      'pagefind/pagefind.zh-cn_abc123.pf_meta': 'meta',
      'pagefind/fragment/zh-cn_abc123.pf_fragment': 'fragment',
      'pagefind/index/zh-cn_def456.pf_index': 'index',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    server = await startNginx(nginx!, root);
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives /admin/ the CMS policy, allows its own preview frame, and keeps it out of search engines', async () => {
    const response = await get(`${server.url}/admin/`);
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe(serializeCsp(adminCsp()));
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves Pagefind’s files with the public policy (its worker compiles wasm under it), caching only hashed chunks', async () => {
    const expectations = [
      ['/pagefind/pagefind.js', 'text/javascript', 'no-cache'],
      ['/pagefind/pagefind-entry.json', 'application/json', 'no-cache'],
      ['/pagefind/wasm.zh-cn.pagefind', 'application/octet-stream', 'no-cache'],
      ['/pagefind/pagefind.zh-cn_abc123.pf_meta', 'application/octet-stream', 'no-cache'],
      [
        '/pagefind/fragment/zh-cn_abc123.pf_fragment',
        'application/octet-stream',
        'public, max-age=31536000, immutable',
      ],
      ['/pagefind/index/zh-cn_def456.pf_index', 'application/octet-stream', 'public, max-age=31536000, immutable'],
    ] as const;
    for (const [url, type, cache] of expectations) {
      const response = await get(server.url + url, { 'Accept-Encoding': 'gzip' });
      expect(response.status, url).toBe(200);
      expect(response.headers['content-type'], url).toContain(type);
      expect(response.headers['cache-control'], url).toBe(cache);
      expect(response.headers['content-security-policy'], url).toBe(serializeCsp(PUBLIC_CSP));
      // Pagefind's binary files are compressed already.
      if (type === 'application/octet-stream') expect(response.headers['content-encoding'], url).toBeUndefined();
    }
  });
});
