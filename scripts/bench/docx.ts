/**
 * `npm run bench:docx`: how long the Word import takes on a 30-page .docx with 10 photos.
 *
 * 1. Writes the document (tests/support/docx-fixtures.ts longDocument: 30 pages of 黑体
 *    outline headings, paragraphs, numbered lists and a table each; 10 JPEG photos of
 *    800×600 noise, which compress like real photos).
 * 2. Command line: `npm run import:docx` on it, wall time including Node's start, into a
 *    scratch copy of content/ (median of 3).
 * 3. In Node: convertDocx alone (median of 5), against mammoth.convertToHtml alone on the same
 *    file in the same run (the library's floor: what our pre- and post-processing adds).
 * 4. In the browser: src/lib/word bundled by Vite (as the admin bundles it) and run in
 *    Chromium on the same bytes (median of 5), with mammoth alone as the baseline again.
 * Prints the figures and rewrites the bench:docx section of docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import mammoth from 'mammoth';
import sharp from 'sharp';
import { build } from 'vite';
import { convertDocx } from '../../src/lib/word/index.ts';
import { longDocument } from '../../tests/support/docx-fixtures.ts';
import { ROOT, TEST_DIST } from '../../tests/support/paths.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';

const PAGES = 30;
const IMAGES = 10;
// Inside the project, so Vite resolves the bundle's imports from node_modules.
const scratch = path.join(TEST_DIST, 'bench-docx');
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function time(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

// 1. The document.
const photos: Uint8Array[] = [];
for (let i = 0; i < IMAGES; i++) {
  // Each photo different: Word stores identical pictures once.
  const noise = Buffer.from(Array.from({ length: 800 * 600 * 3 }, () => Math.floor(Math.random() * 256)));
  photos.push(
    new Uint8Array(
      await sharp(noise, { raw: { width: 800, height: 600, channels: 3 } })
        .blur(1.5)
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  );
}
const photo = photos[0] ?? new Uint8Array();
const docx = await longDocument(PAGES, IMAGES, photos);
const docxFile = path.join(scratch, 'bench.docx');
fs.writeFileSync(docxFile, docx);
console.log(`document: ${PAGES} pages, ${IMAGES} photos of ${kb(photo.length)}, file ${kb(docx.length)}`);

// 2. The command line.
const contentDir = path.join(scratch, 'content');
const publicDir = path.join(scratch, 'public');
const cliTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  fs.mkdirSync(publicDir, { recursive: true });
  const started = performance.now();
  const result = spawnSync(path.join(ROOT, 'node_modules/node/bin/node'), ['scripts/build/import-docx.ts', docxFile], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_PUBLIC_DIR: publicDir },
  });
  cliTimes.push(performance.now() - started);
  if (result.status !== 0) throw new Error(`import:docx failed:\n${result.stdout}${result.stderr}`);
}
const nodeStart = median(
  await time(3, () => Promise.resolve(spawnSync(path.join(ROOT, 'node_modules/node/bin/node'), ['-e', '0']))),
);
console.log(
  `CLI: ${median(cliTimes).toFixed(0)} ms (runs ${cliTimes.map((t) => t.toFixed(0)).join(', ')}); bare Node start ${nodeStart.toFixed(0)} ms`,
);

// 3. In Node.
const opts = { slug: 'bench', collection: 'notices', today: '2024-12-01', imagesDir: './images' } as const;
const converted = await convertDocx(docx, opts);
const nodeConvert = await time(5, () => convertDocx(docx, opts));
const nodeMammoth = await time(5, () => mammoth.convertToHtml({ buffer: Buffer.from(docx) }));
console.log(
  `Node: convertDocx ${median(nodeConvert).toFixed(0)} ms, mammoth alone ${median(nodeMammoth).toFixed(0)} ms`,
);

// 4. In the browser: bundle with Vite, as the admin does, then run in Chromium.
const bundleDir = path.join(scratch, 'www');
fs.writeFileSync(
  path.join(scratch, 'entry.ts'),
  `export { convertDocx } from ${JSON.stringify(path.join(ROOT, 'src/lib/word/index.ts'))};\nexport { default as mammoth } from 'mammoth';\n`,
);
await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  build: {
    outDir: bundleDir,
    emptyOutDir: true,
    lib: { entry: path.join(scratch, 'entry.ts'), formats: ['es'], fileName: 'word' },
  },
});
const bundleFile = fs.readdirSync(bundleDir).find((name) => name.endsWith('.js')) ?? 'word.js';
const bundle = fs.readFileSync(path.join(bundleDir, bundleFile));
fs.writeFileSync(path.join(bundleDir, 'bench.docx'), docx);
fs.writeFileSync(path.join(bundleDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>');
const server = await serveStatic(bundleDir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(`${server.url}/index.html`);
const browserResult = await page.evaluate(
  async ({ bundleUrl, runs }) => {
    const lib = (await import(bundleUrl)) as {
      convertDocx: (data: ArrayBuffer, o: object) => Promise<{ markdown: string; images: unknown[]; fields: object }>;
      mammoth: { convertToHtml: (input: { arrayBuffer: ArrayBuffer }) => Promise<unknown> };
    };
    const data = await (await fetch('bench.docx')).arrayBuffer();
    const o = { slug: 'bench', collection: 'notices', today: '2024-12-01', imagesDir: './images' };
    const first = await lib.convertDocx(data, o);
    const convert: number[] = [];
    const alone: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await lib.convertDocx(data, o);
      convert.push(performance.now() - t);
      t = performance.now();
      await lib.mammoth.convertToHtml({ arrayBuffer: data });
      alone.push(performance.now() - t);
    }
    return { convert, alone, markdown: first.markdown, images: first.images.length, fields: first.fields };
  },
  { bundleUrl: `${server.url}/${bundleFile}`, runs: 5 },
);
await browser.close();
await server.close();
const sameAsNode = browserResult.markdown === converted.markdown && browserResult.images === converted.images.length;
console.log(
  `Chromium: convertDocx ${median(browserResult.convert).toFixed(0)} ms, mammoth alone ${median(browserResult.alone).toFixed(0)} ms; same Markdown as Node: ${sameAsNode}`,
);
if (!sameAsNode) throw new Error('The browser and Node conversions differ');
fs.rmSync(scratch, { recursive: true, force: true });

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
const load = os.loadavg()[0]?.toFixed(1) ?? '?';
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
writeBenchmarkSection(
  'docx',
  `## Word import (\`npm run bench:docx\`)

Measured ${when} UTC, ${os.cpus().length} CPUs, load average ${load}. The document: ${PAGES} pages
(黑体 outline headings, paragraphs, numbered lists and a table per page) with ${IMAGES} JPEG photos
of ${kb(photo.length)} each; the .docx is ${kb(docx.length)}. The result: ${converted.markdown.length}
characters of Markdown, ${converted.images.length} images. Baseline: mammoth.convertToHtml alone on the
same file in the same run (the library's floor); the ratio is what our XML preparation, HTML → Markdown
and red-header reading add.

| Where | convertDocx | mammoth alone (baseline) | ratio |
|---|---:|---:|---:|
| Node 24 (median of 5) | ${median(nodeConvert).toFixed(0)} ms | ${median(nodeMammoth).toFixed(0)} ms | ${ratio(median(nodeConvert), median(nodeMammoth))} |
| Chromium, Vite bundle (median of 5) | ${median(browserResult.convert).toFixed(0)} ms | ${median(browserResult.alone).toFixed(0)} ms | ${ratio(median(browserResult.convert), median(browserResult.alone))} |

- Command line, \`npm run import:docx\` on the file, wall time with Node's start: ${median(cliTimes).toFixed(0)} ms
  (median of 3; a bare \`node -e 0\` takes ${nodeStart.toFixed(0)} ms).
- The converter bundled by Vite (mammoth, jszip, turndown, our code), one ES module: ${kb(bundle.length)} raw,
  ${kb(zlib.gzipSync(bundle).length)} gzip. It produces the same Markdown in Chromium as in Node.
`,
);
console.log('docs/benchmarks.md: bench:docx section written');
