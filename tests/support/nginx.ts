/**
 * Runs Debian's nginx with the shipped server block (deploy/nginx/wangcheng-fulian.conf),
 * in the foreground under a temporary prefix, serving a built site on a free local port.
 * Only the port and the root are substituted: everything else is the file production uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';
import { ROOT } from './paths.ts';

export const NGINX_CONF = path.join(ROOT, 'deploy/nginx/wangcheng-fulian.conf');

/** The nginx binary, or undefined when it is not installed (`.ci/run` installs it). */
export function findNginx(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

export interface NginxServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts nginx serving `root` with the shipped server block. */
export async function startNginx(binary: string, root: string): Promise<NginxServer> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-nginx-'));
  const port = await freePort();
  const server = fs
    .readFileSync(NGINX_CONF, 'utf8')
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \/var\/www\/[^;]+;/m, `$1root ${root};`);
  fs.writeFileSync(path.join(prefix, 'site.conf'), server);
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`;
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      // One process as the current user: no privilege drop, nothing left behind.
      'daemon off;',
      'master_process off;',
      `pid ${path.join(prefix, 'nginx.pid')};`,
      `error_log ${path.join(prefix, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      `  include ${path.join(prefix, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = () => {
    const errorLog = path.join(prefix, 'error.log');
    return output + (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  };
  await waitForPort(port, child, log);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
