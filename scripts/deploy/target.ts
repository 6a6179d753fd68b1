/**
 * Where `npm run deploy` and `npm run rollback` act: a web server over ssh (DEPLOY_HOST,
 * DEPLOY_USER, DEPLOY_PATH), or, without DEPLOY_HOST, a folder on this machine (DEPLOY_PATH).
 * Both run deploy/release.sh, the POSIX script that also works on a server without Node.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const RELEASE_SCRIPT = path.resolve(import.meta.dirname, '../../deploy/release.sh');

export interface Target {
  /** `user@host`, or undefined for a local folder. */
  host: string | undefined;
  /** The site folder on the server: releases/, current, history, taken-down.txt. */
  dir: string;
  /** The ssh command, e.g. `ssh -i ~/.ssh/deploy_key -o StrictHostKeyChecking=yes`. */
  ssh: string[];
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  const dir = env['DEPLOY_PATH'];
  if (!dir) {
    throw new Error(
      '没有设置 DEPLOY_PATH（网站在服务器上的目录，例如 /var/www/wangcheng-fulian）。见 docs/deploy.md。',
    );
  }
  const host = env['DEPLOY_HOST']
    ? `${env['DEPLOY_USER'] ? `${env['DEPLOY_USER']}@` : ''}${env['DEPLOY_HOST']}`
    : undefined;
  const ssh = (env['DEPLOY_SSH'] ?? 'ssh -o StrictHostKeyChecking=yes').split(/\s+/).filter(Boolean);
  return { host, dir, ssh };
}

/** Quotes one word for the remote POSIX shell. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Runs deploy/release.sh with `args` at the target: here, or on the server's copy over ssh. */
export function runRelease(target: Target, args: readonly string[]): number {
  const result = target.host
    ? spawnSync(
        target.ssh[0]!,
        [
          ...target.ssh.slice(1),
          target.host,
          ['sh', `${target.dir}/bin/release.sh`, '-d', target.dir, ...args].map(shellQuote).join(' '),
        ],
        { stdio: 'inherit' },
      )
    : spawnSync('sh', [RELEASE_SCRIPT, '-d', target.dir, ...args], { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
