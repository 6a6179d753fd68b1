/**
 * Runs the production build (`npm run build`: scripts/build/build.ts, i.e. `astro build`, the search
 * index and the link check) in a child process with the given environment.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface BuildEnv {
  SITE_CONTENT_DIR?: string;
  SITE_PUBLIC_DIR?: string;
  SITE_OUT_DIR: string;
  SITE_URL?: string;
}

/** `node scripts/build/build.ts` in `cwd`, with `env` on top of this process's environment. */
function buildCommand(env: BuildEnv, cwd: string) {
  return {
    args: [path.join(cwd, 'scripts/build/build.ts')],
    options: { cwd, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } },
  };
}

/** Builds the site; returns the process result (stdout and stderr as text). */
export function buildSite(env: BuildEnv, cwd: string = ROOT): SpawnSyncReturns<string> {
  const { args, options } = buildCommand(env, cwd);
  return spawnSync(process.execPath, args, {
    ...options,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** The result of an asynchronous build. */
export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as an editor reading the build log sees them. */
  output: string;
  seconds: number;
}

/** Builds the site in a child process without blocking, so several builds can run at once. */
export function buildSiteAsync(env: BuildEnv, cwd: string = ROOT): Promise<BuildResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const { args, options } = buildCommand(env, cwd);
    const child = spawn(process.execPath, args, options);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output, seconds: (Date.now() - started) / 1000 }));
  });
}
