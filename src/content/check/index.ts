/**
 * The content check: every file in `content/` against the model, plus the rules that span
 * files. It reports every problem at once, each as
 * `file:line field（标签） — what is wrong — what to write instead`, and `npm run check:content`
 * and every build run it before anything is written.
 *
 * This module walks the folders and hands each file to the rules, one module per job:
 * `parse.ts` (front matter and YAML with line numbers), `fields.ts` (values, file names,
 * files pointed at, dates), `body.ts` (the Markdown body) and `cross-entry.ts` (rules between
 * entries). Problems are printed by `problems.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { todayInChina } from '../../lib/dates.ts';
import {
  COLLECTIONS,
  RESERVED_SLUGS,
  model,
  pageFields,
  searchSettingsFields,
  settingsFields,
  wordingSettingsFields,
  type CollectionName,
  type Field,
} from '../model.ts';
import { IMAGE_FILE, checkBody } from './body.ts';
import { checkCrossEntry } from './cross-entry.ts';
import { checkDates, checkFiles, checkSlug, validate } from './fields.ts';
import { listFiles, parseFile, type ParsedFile } from './parse.ts';
import type { CheckResult, Problem } from './problems.ts';
import { checkTypography } from './typography.ts';
import { additionsOf, checkWording, contentMatcher } from './wording.ts';
import type { Matcher } from '../../lib/wording/matcher.ts';

export { formatProblem, formatSummary, type CheckResult, type Problem } from './problems.ts';
export type { ParsedFile } from './parse.ts';

/** Routes at the top level that a standalone page must not take. */
const RESERVED_PAGE_SLUGS = ['search', 'sitemap', '404', 'admin', 'uploads', 'pagefind', 'rss', '_astro'];

/** Where the check reads from and how it reports paths. */
interface Context {
  rootDir: string;
  contentDir: string;
  publicDir: string;
  today: string;
  problems: Problem[];
  /**
   * The wording guard (./wording.ts): the reviewed formulations and the editors' additions.
   * Undefined only when the guard is left out (`npm run bench:wording`): then no text is even
   * prepared for it, so the baseline carries none of the guard's cost.
   */
  wording: Matcher | undefined;
  /** Whether Chinese typography is checked (./typography.ts; warnings only). */
  typography: boolean;
  /** A path as editors see it: relative to the project root, with forward slashes. */
  relative: (absolute: string) => string;
}

/** Runs every check over the content folder `contentDir`; paths are reported relative to `rootDir`. */
export function checkContent(options: {
  rootDir: string;
  contentDir: string;
  publicDir?: string;
  today?: string;
  /** False leaves the wording guard out: only `npm run bench:wording` does, to measure its cost. */
  wording?: boolean;
  /** False leaves the typography warnings out: only `npm run bench:wording` does, likewise. */
  typography?: boolean;
}): CheckResult {
  const { rootDir, contentDir } = options;
  const context: Context = {
    rootDir,
    contentDir,
    publicDir: options.publicDir ?? path.join(rootDir, 'public'),
    today: options.today ?? todayInChina(),
    problems: [],
    relative: (absolute) => path.relative(rootDir, absolute).split(path.sep).join('/'),
    wording: undefined,
    typography: options.typography !== false,
  };
  // The editors' additions to the wording guard come first: every other file is checked with them.
  const wording = checkSettingsFile('wording.yml', wordingSettingsFields, context, false);
  if (options.wording !== false) context.wording = contentMatcher(additionsOf(wording?.data));
  const files = new Map<string, ParsedFile[]>();
  for (const collection of COLLECTIONS) files.set(collection, checkCollection(collection, context));
  checkCrossEntry(files, context.problems);
  files.set('pages', checkPages(context));
  const settings = checkSettingsFile('site.yml', settingsFields, context, true);
  if (settings) files.set('settings', [settings]);
  const searchSettings = checkSettingsFile('search.yml', searchSettingsFields, context, false);
  if (searchSettings) files.set('searchSettings', [searchSettings]);
  if (wording) files.set('wordingSettings', [wording]);
  const { problems } = context;
  return {
    problems,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    files,
  };
}

/** Entries: `content/<collection>/<slug>.md`. Returns the files that validated. */
function checkCollection(collection: CollectionName, context: Context): ParsedFile[] {
  const { problems, relative, publicDir } = context;
  const fields: Record<string, Field> = model[collection].fields;
  const valid: ParsedFile[] = [];
  const seen = new Map<string, string>();
  for (const absolute of listFiles(path.join(context.contentDir, collection))) {
    const name = path.basename(absolute);
    if (IMAGE_FILE.test(name) || name.startsWith('.')) continue;
    if (!name.endsWith('.md')) {
      problems.push({
        severity: 'warning',
        file: relative(absolute),
        message: '不是 .md 文件，不会发布 — 条目请保存为 .md 文件；图片请放在 images 文件夹',
      });
      continue;
    }
    const parsed = parseFile(absolute, context.rootDir, problems, 'markdown');
    const slug = name.replace(/\.md$/, '');
    checkSlug(relative(absolute), slug, RESERVED_SLUGS, problems);
    const duplicate = seen.get(slug.toLowerCase());
    if (duplicate) {
      problems.push({ severity: 'error', file: relative(absolute), message: `与 ${duplicate} 的文件名（网址）重复 — 请改用不同的文件名` });
    }
    seen.set(slug.toLowerCase(), relative(absolute));
    if (!parsed) continue;
    const data = validate(parsed, fields, problems);
    // Files are checked even when another field is wrong, so one run reports everything.
    checkFiles(parsed, parsed.data, fields, path.dirname(absolute), publicDir, problems);
    checkBody(parsed, problems, { entryDir: path.dirname(absolute), displayDir: path.posix.dirname(parsed.file), publicDir });
    checkWording(parsed, fields, context.wording, problems, true);
    if (context.typography) checkTypography(parsed, fields, problems);
    if (!data) continue;
    checkDates(parsed, data, fields, context.today, problems);
    valid.push({ ...parsed, data });
  }
  return valid;
}

/** Standalone pages: `content/pages/<slug>.mdx`. */
function checkPages(context: Context): ParsedFile[] {
  const pages: ParsedFile[] = [];
  for (const absolute of listFiles(path.join(context.contentDir, 'pages'))) {
    if (!absolute.endsWith('.mdx')) continue;
    const parsed = parseFile(absolute, context.rootDir, context.problems, 'markdown');
    const slug = path.basename(absolute, '.mdx');
    checkSlug(context.relative(absolute), slug, [...RESERVED_PAGE_SLUGS, ...COLLECTIONS], context.problems);
    if (!parsed) continue;
    const data = validate(parsed, pageFields, context.problems);
    checkBody(parsed, context.problems);
    checkWording(parsed, pageFields, context.wording, context.problems, true);
    if (context.typography) checkTypography(parsed, pageFields, context.problems);
    if (data) pages.push({ ...parsed, data });
  }
  return pages;
}

/** A settings file in `content/settings/`; a missing one is an error only when `required`. */
function checkSettingsFile(
  name: string,
  fields: Record<string, Field>,
  context: Context,
  required: boolean,
): ParsedFile | undefined {
  const file = path.join(context.contentDir, 'settings', name);
  if (!fs.existsSync(file)) {
    if (required) {
      context.problems.push({
        severity: 'error',
        file: context.relative(file),
        message: '缺少网站设置文件 — 请从仓库历史中恢复它，或按 src/content/model.ts 中的 settingsFields 新建',
      });
    }
    return undefined;
  }
  const parsed = parseFile(file, context.rootDir, context.problems, 'yaml');
  const data = parsed && validate(parsed, fields, context.problems);
  if (!parsed || !data) return undefined;
  checkWording(parsed, fields, context.wording, context.problems, false);
  checkFiles(parsed, data, fields, path.dirname(file), context.publicDir, context.problems);
  return { ...parsed, data };
}
