/**
 * `npm run deploy` and `npm run rollback` as the pipeline runs them against a server: rsync
 * over ssh into a new release folder, hard-linking what did not change, then release.sh on
 * the server. A stand-in `ssh` runs the remote command on this machine, as sshd would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SITE_DIST } from '../support/paths.ts';
import { requireTool } from '../support/system-tools.ts';

const rsync = ['/usr/bin/rsync', '/usr/local/bin/rsync'].find((file) => fs.existsSync(file));
requireTool(rsync, 'rsync', 'the deploy-over-ssh tests');

describe.runIf(rsync)('deploying to a server over rsync and ssh', () => {
  let work: string;
  let srv: string;
  let env: Record<string, string>;
  const node = (script: string, extra: Record<string, string> = {}, args: string[] = []) => {
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...extra },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-deploy-ssh-'));
    srv = path.join(work, 'srv');
    fs.mkdirSync(srv);
    const ssh = path.join(work, 'ssh');
    // Drops ssh's options and the host, then runs the command, as the server's shell would.
    fs.writeFileSync(
      ssh,
      '#!/bin/sh\nwhile [ $# -gt 0 ]; do case "$1" in -l|-i|-o|-p) shift 2 ;; -*) shift ;; *) break ;; esac; done\nshift\nexec sh -c "$*"\n',
      { mode: 0o755 },
    );
    fs.cpSync(SITE_DIST, path.join(work, 'dist'), { recursive: true });
    env = { DEPLOY_HOST: 'server.example', DEPLOY_USER: 'deploy', DEPLOY_PATH: srv, DEPLOY_SSH: ssh };
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('uploads into a new release, links unchanged files to the live one, installs release.sh, swaps, and rolls back', () => {
    const dist = path.join(work, 'dist');
    const first = node('scripts/deploy/deploy.ts', { DEPLOY_DIST: dist, DEPLOY_ID: 's1' });
    expect(first.status, first.output).toBe(0);
    expect(fs.readlinkSync(path.join(srv, 'current'))).toBe('releases/s1');
    expect(fs.existsSync(path.join(srv, 'bin/release.sh'))).toBe(true);

    fs.appendFileSync(path.join(dist, 'index.html'), '\n<!-- s2 -->\n');
    const second = node('scripts/deploy/deploy.ts', { DEPLOY_DIST: dist, DEPLOY_ID: 's2' });
    expect(second.status, second.output).toBe(0);
    expect(fs.readlinkSync(path.join(srv, 'current'))).toBe('releases/s2');
    // Unchanged files share the live release's copy; the changed page is new.
    const inode = (release: string, file: string) => fs.statSync(path.join(srv, 'releases', release, 'site', file)).ino;
    expect(inode('s2', '404.html')).toBe(inode('s1', '404.html'));
    expect(inode('s2', 'index.html')).not.toBe(inode('s1', 'index.html'));

    const back = node('scripts/deploy/rollback.ts');
    expect(back.status, back.output).toBe(0);
    expect(back.output).toContain('回滚计划：从 s2 回到 s1');
    expect(fs.readlinkSync(path.join(srv, 'current'))).toBe('releases/s1');
  });

  it('leaves the live release alone when the upload fails', () => {
    const before = fs.readlinkSync(path.join(srv, 'current'));
    const failed = node('scripts/deploy/deploy.ts', {
      DEPLOY_DIST: path.join(work, 'dist'),
      DEPLOY_ID: 's3',
      DEPLOY_SSH: '/bin/false',
    });
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('线上网站没有改动');
    expect(fs.readlinkSync(path.join(srv, 'current'))).toBe(before);
  });
});
