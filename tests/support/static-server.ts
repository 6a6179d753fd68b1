/**
 * A small static file server for tests, behaving like the production nginx config:
 * `/path/` serves `/path/index.html`, `/path` redirects to `/path/`, and an unknown path
 * returns the site's 404 page with status 404.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text types worth compressing (the ones a production nginx lists in gzip_types). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface ServeOptions {
  /** Gzip text responses for clients that accept it, as production nginx does (benchmarks). */
  gzip?: boolean;
}

export interface StaticServer {
  url: string;
  /** Bytes sent per request path, for benchmarks that count what a page really downloads. */
  bytesSent: Map<string, number>;
  close: () => Promise<void>;
}

/** Serves `root` on 127.0.0.1 (port 0 picks a free one). */
export async function serveStatic(root: string, port = 0, options: ServeOptions = {}): Promise<StaticServer> {
  const bytesSent = new Map<string, number>();
  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    file: string,
    pathname: string,
  ) => {
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    // Level 6: what nginx configs commonly set (gzip_comp_level), and zlib's default.
    const body = gzip ? zlib.gzipSync(fs.readFileSync(file), { level: 6 }) : fs.readFileSync(file);
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
    bytesSent.set(pathname, (bytesSent.get(pathname) ?? 0) + body.length);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(400).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      if (fs.existsSync(index)) return send(req, res, 200, index, pathname);
    } else if (fs.existsSync(file)) {
      return send(req, res, 200, file, pathname);
    }
    const notFound = path.join(root, '404.html');
    if (fs.existsSync(notFound)) return send(req, res, 404, notFound, pathname);
    res.writeHead(404).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    bytesSent,
    // close() alone waits for every open connection to end, and a browser may keep one alive
    // long after its test (a worker's teardown once timed out on it in CI): end them too.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
