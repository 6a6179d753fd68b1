/** Runs `astro build` in a child process with the given environment. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface BuildEnv {
  SITE_CONTENT_DIR?: string;
  SITE_PUBLIC_DIR?: string;
  SITE_OUT_DIR: string;
  SITE_URL?: string;
}

/** Builds the site; returns the process result (stdout and stderr as text). */
export function astroBuild(env: BuildEnv, cwd: string = ROOT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}
