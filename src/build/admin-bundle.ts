/**
 * Builds the CMS bundle (admin/cms.ts) with a Vite build of its own, not inside Astro's.
 * scripts/build/build.ts runs it while `astro build` runs, on the other CPU, then copies it into
 * `<outDir>/admin/` (Astro empties its output folder when it starts, so it can't go there
 * directly). Inside Astro's build it added 3.2 s to every build (npm run bench:build,
 * 2026-11-29). It also keeps the admin's code apart from the public pages' by construction:
 * the two never share a chunk.
 *
 * It runs in a child process of its own (this file, run with the staging folder as its
 * argument): Vite keeps about 0.7 GB, which a process does not give back, and the build's
 * peak comes later, when Pagefind needs about 4 GB at 5,000 articles.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { ADMIN_SCRIPT } from '../../admin/bundle.ts';
import { modelModules } from '../integrations/model-modules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A bundle being built in its child process. */
export interface AdminBundleBuild {
  /** Resolves with a line for the build log. */
  done: Promise<string>;
  /** Stops the child process (the build failed elsewhere: its bundle would not be used). */
  cancel: () => void;
}

/**
 * Builds the bundle into `staging`, a folder of its own that is emptied first, in a child
 * process. `/admin/` is served with `no-cache` (src/build/server-config.ts), so the unhashed name
 * never leaves an editor on an old bundle.
 */
export function buildAdminBundle(staging: string): AdminBundleBuild {
  // Vite's warnings go to this terminal; the last line of its output is the log line.
  const child = spawn(process.execPath, [import.meta.filename, staging], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const line = printed.trim().split('\n').at(-1) ?? '';
      if (status === 0) resolve(line);
      else reject(new Error(`Vite 打包没有完成（退出码 ${status}）${line ? `：${line}` : ''}`));
    });
  });
  return { done, cancel: () => child.kill() };
}

/** The Vite build itself, in the child process. */
async function bundle(staging: string): Promise<string> {
  const started = Date.now();
  await build({
    configFile: false,
    envDir: false,
    root: ROOT,
    base: `${path.posix.dirname(ADMIN_SCRIPT)}/`,
    publicDir: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [modelModules()],
    build: {
      outDir: staging,
      emptyOutDir: true,
      // Scripts and wasm stay files: the admin CSP allows no data: scripts.
      assetsInlineLimit: 0,
      // Decap alone is 5 MB; Vite's 500 KB warning would only repeat that on every build.
      chunkSizeWarningLimit: 8000,
      rollupOptions: {
        input: path.join(ROOT, 'admin/cms.ts'),
        onwarn(warning, warn) {
          // Decap's dependencies use direct eval and 'use client'; nothing here can change
          // that, and 200 lines of it on every build would bury the lines editors need.
          const inDependency = (warning.id ?? warning.loc?.file ?? '').includes('node_modules');
          if (inDependency && (warning.code === 'EVAL' || warning.code === 'MODULE_LEVEL_DIRECTIVE')) return;
          warn(warning);
        },
        output: { entryFileNames: path.posix.basename(ADMIN_SCRIPT), format: 'es' },
      },
    },
  });
  const bytes = fs.statSync(path.join(staging, path.posix.basename(ADMIN_SCRIPT))).size;
  return `CMS bundle ${ADMIN_SCRIPT} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${Date.now() - started} ms`;
}

if (process.argv[1] === import.meta.filename) console.log(await bundle(path.resolve(process.argv[2]!)));
