// @ts-check
/**
 * Astro configuration. `npm run build` (scripts/build/build.ts) runs `astro build`, then the search
 * index and the link check over its output. Environment settings (all optional):
 * - SITE_URL: the production address, e.g. https://www.example.gov.cn. Without it no
 *   absolute URL is printed and no feed or XML sitemap is built.
 * - SITE_CONTENT_DIR / SITE_PUBLIC_DIR / SITE_OUT_DIR: build other content into another folder
 *   (tests, benchmarks).
 */
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import feed from './src/integrations/feed.ts';
import unusedUploads from './src/integrations/unused-uploads.ts';
import { modelModules } from './src/integrations/model-modules.ts';
import { astroCacheDir } from './src/build/cache-dir.ts';
import { t } from './src/i18n/index.ts';
import { sanitizeMarkdown } from './src/lib/sanitize.ts';

const site = process.env.SITE_URL || undefined;
const outDir = process.env.SITE_OUT_DIR || './dist';
const publicDir = process.env.SITE_PUBLIC_DIR || './public';

/** Pages that are not content: kept out of the XML sitemap. */
const notInSitemap = ['/search/', '/404/', '/admin/'];

export default defineConfig({
  ...(site ? { site } : {}),
  outDir,
  publicDir,
  // Each output folder gets its own cache, so a fixture build never reuses the real site's data.
  cacheDir: astroCacheDir(outDir),
  trailingSlash: 'always',
  // `npm run cms` turns Astro's dev toolbar off: editors need none, and its script logged an
  // HTTP 504 in the admin's console.
  devToolbar: { enabled: process.env.FL_DEV_TOOLBAR !== 'off' },
  build: {
    format: 'directory',
    // Stylesheets stay external files: the public CSP allows no inline style, and no inline
    // script but the two it lists by hash (src/build/csp.ts).
    inlineStylesheets: 'never',
  },
  markdown: {
    // Raw HTML is parsed into elements so `sanitizeMarkdown` can clean it against the
    // allow-list (src/lib/sanitize.ts). No syntax highlighting: it writes inline styles,
    // which the strict CSP forbids, and the site publishes no code.
    syntaxHighlight: false,
    processor: satteri({
      hastPlugins: [sanitizeMarkdown],
      features: {
        rawHtml: true,
        // Footnotes are labelled in Chinese; Sätteri fills in {reference}.
        gfm: {
          footnotes: { label: t('entry.footnotes'), backLabel: t('entry.footnoteBack', { reference: '{reference}' }) },
        },
      },
    }),
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    // virtual:fl/* modules: what browser code needs of the content model.
    plugins: [modelModules()],
  },
  integrations: [
    contentCheck(),
    mdx(),
    feed(),
    ...(site ? [sitemap({ filter: (page) => !notInSitemap.some((path) => new URL(page).pathname === path) })] : []),
    // Last, after the sitemap is written: attachments no published page uses stay off the site.
    unusedUploads(),
  ],
});
