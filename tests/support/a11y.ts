/**
 * The pages and reading modes the accessibility tests walk through: every URL of the real
 * site's XML sitemap, search and the 404 page, plus the fixture pages that show what the real
 * content does not have yet (已废止 banner, attachments, pagination, QR codes, 公安备案).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SITE_DIST, TEST_SITE_URL } from './paths.ts';

export interface AuditPage {
  /** Which test build serves it. */
  site: 'site' | 'fixture';
  /** Path and query on that build. */
  path: string;
  /** The status the server must answer with. */
  status: number;
}

/** Paths of every page in the real site's built XML sitemap (the CMS under /admin/ excluded). */
export function sitemapPaths(): string[] {
  const file = path.join(SITE_DIST, 'sitemap-0.xml');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} 不存在：先运行 npm run test:build 构建测试站点。`);
  }
  return [...fs.readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => match[1]!.replace(TEST_SITE_URL, ''))
    .filter((pathname) => !pathname.startsWith('/admin/'));
}

/** Fixture pages with features the real content lacks. */
export const FIXTURE_FEATURE_PATHS = [
  '/', // footer QR code, ICP and 公安备案 links, contact details
  '/notices/', // year filter and pagination
  '/notices/page/2/',
  '/notices/2023-old-rules/', // 已废止 banner linking its replacement
  '/notices/2024-new-rules-jiedu/', // 政策解读 ↔ 政策原文 links
  '/notices/wangfufa-2024-1/', // attachments, 日期待核实
  '/jiafeng/2024-video/', // video without a link, with its 文字稿
  '/about/', // contact details filled in
];

/** Every page the accessibility tests audit. */
export function auditPages(): AuditPage[] {
  return [
    ...sitemapPaths().map((pathname) => ({ site: 'site' as const, path: pathname, status: 200 })),
    { site: 'site', path: `/search/?q=${encodeURIComponent('妇联')}`, status: 200 },
    { site: 'site', path: '/no-such-page/', status: 404 },
    ...FIXTURE_FEATURE_PATHS.map((pathname) => ({ site: 'fixture' as const, path: pathname, status: 200 })),
  ];
}

/** The toolbar's saved settings (localStorage `fl-a11y`) for the largest text and high contrast. */
export const ELDER_SETTINGS = { text: '3', contrast: 'high' } as const;

/** How a reader meets the page: viewport width and saved toolbar settings. */
export interface ReadingMode {
  name: string;
  width: number;
  settings?: Record<string, string>;
  /** Run axe in this mode (the 320px default mode only checks overflow, which is cheap). */
  axe: boolean;
  /** Check that nothing overflows sideways. */
  overflow: boolean;
}

export const READING_MODES: ReadingMode[] = [
  { name: 'desktop 1280px', width: 1280, axe: true, overflow: false },
  { name: 'phone 375px', width: 375, axe: true, overflow: true },
  { name: 'narrow 320px', width: 320, axe: false, overflow: true },
  { name: 'elder 320px, 200% text, high contrast', width: 320, settings: ELDER_SETTINGS, axe: true, overflow: true },
];
