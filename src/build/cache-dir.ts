/**
 * Astro's cache folder for one output folder. Each output folder (the real site, each test
 * fixture, each benchmark build) gets a cache of its own, so a fixture build never reuses the
 * real site's content layer; scripts that want a cold build, or a rebuild after content changed
 * behind Astro's back, delete it.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The cache folder Astro uses when it builds into `outDir` (see astro.config.mjs). */
export function astroCacheDir(outDir: string): string {
  return path.join(ROOT, 'node_modules/.astro', outDir.replace(/[^a-z0-9]+/gi, '-'));
}
