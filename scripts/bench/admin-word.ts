/**
 * Part of `npm run bench:admin`: what 从 Word 导入, clean paste and the other editing helpers
 * (admin/word/, admin/editing/) cost the admin.
 *
 * Bundles the admin twice in the same run, as src/build/admin-bundle.ts does but with a Vite
 * manifest: once as it is, once from a copy of admin/cms.ts without those helpers (the
 * baseline). Reports the growth of the initial bundle (gzip; the budget is 3 KB) and the lazy
 * chunks loaded on the first import (mammoth, turndown, the converter) and on the first rich
 * paste (turndown only), which no editor downloads before using them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Manifest } from 'vite';
import { modelModules } from '../../src/integrations/model-modules.ts';
import { ROOT, TEST_DIST } from '../../tests/support/paths.ts';

const OUT = path.join(TEST_DIST, 'bench-admin-word');
const BASELINE_ENTRY = path.join(ROOT, 'admin/.bench-baseline-cms.ts');
/** Lines of admin/cms.ts that wire the helpers in. */
const HELPER_LINE = /editing\/|word\/|registerBodyWidget|registerParagraphsOnSave|watchRefusedSaves\(/;
const BUDGET = 3 * 1024;

const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bundle(entry: string, outDir: string): Promise<Manifest> {
  await build({
    configFile: false,
    envDir: false,
    root: ROOT,
    base: '/admin/',
    publicDir: false,
    mode: 'production',
    logLevel: 'error',
    plugins: [modelModules()],
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 8000,
      rollupOptions: {
        input: entry,
        onwarn: () => undefined,
        output: { entryFileNames: 'cms.js', format: 'es' },
      },
    },
  });
  return JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** A lazy entry's chunk plus the chunks it imports that the initial bundle does not hold. */
function lazyFiles(manifest: Manifest, key: string): string[] {
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || chunk.isEntry || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...files];
}

export async function measureWordBudget(): Promise<{ report: string; overBudget: boolean }> {
  const source = fs.readFileSync(path.join(ROOT, 'admin/cms.ts'), 'utf8');
  const baseline = source
    .split('\n')
    .filter((line) => !HELPER_LINE.test(line))
    .join('\n')
    .replace(/withTodayDefaults\((.*)\);/, '$1;');
  fs.writeFileSync(BASELINE_ENTRY, baseline);
  let full: Manifest;
  try {
    await bundle(BASELINE_ENTRY, path.join(OUT, 'baseline'));
    full = await bundle(path.join(ROOT, 'admin/cms.ts'), path.join(OUT, 'full'));
  } finally {
    fs.rmSync(BASELINE_ENTRY, { force: true });
  }
  const initial = gzip(path.join(OUT, 'full/cms.js'));
  const before = gzip(path.join(OUT, 'baseline/cms.js'));
  const growth = initial - before;
  const lazy = (key: string) => {
    const files = lazyFiles(full, key);
    const total = files.reduce((sum, file) => sum + gzip(path.join(OUT, 'full', file)), 0);
    return { files, total };
  };
  const importChunks = lazy('admin/word/import.ts');
  const pasteChunks = lazy('admin/word/paste-convert.ts');
  if (importChunks.files.length === 0 || pasteChunks.files.length === 0)
    throw new Error('the Word converter is not in lazy chunks: check the dynamic imports in admin/word/body-widget.ts');
  const report = `## 从 Word 导入 and clean paste in the admin (\`npm run bench:admin\`; admin/word/, admin/editing/)

Bundled twice in the same run: as it is, and from admin/cms.ts without these helpers (baseline).

- Initial admin bundle (\`cms.js\`), gzip: ${kb(initial)}, baseline ${kb(before)}: grows by ${(growth / 1024).toFixed(2)} KB
  (${growth} bytes; budget 3 KB: ${growth <= BUDGET ? 'within' : '**over**'}).
- Lazy chunks loaded on the first 从 Word 导入 (mammoth, jszip, turndown, the converter): ${kb(importChunks.total)} gzip in
  ${importChunks.files.length} files (${importChunks.files.map((file) => `\`${path.basename(file)}\``).join(', ')}).
- Lazy chunks loaded on the first rich paste (turndown and the HTML → Markdown rules only): ${kb(pasteChunks.total)} gzip in
  ${pasteChunks.files.length} files.
- Public pages: unchanged by the admin, see “The CMS admin” section (its code never reaches them).`;
  return { report, overBudget: growth > BUDGET };
}

if (process.argv[1] === import.meta.filename) console.log((await measureWordBudget()).report);
