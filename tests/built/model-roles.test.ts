/**
 * The content model is the one definition: a field declared there, with a search role and a
 * display role, reaches the page, the search index, the search page's filters and the CMS
 * with no other file edited. Proved on a copy of the project whose model.ts alone gains a
 * field (承办单位 on notices), built over the fixture plus one notice that fills it in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePagefindFile } from '../../src/build/search-index.ts';
import { buildSiteAsync, type BuildResult } from '../support/build.ts';
import { FIXTURE_SRC, TEST_DIST } from '../support/paths.ts';
import { copyProject } from '../support/project-copy.ts';

const PROJECT = path.join(TEST_DIST, 'model-roles/project');
const CONTENT = path.join(TEST_DIST, 'model-roles/content');
const DIST = path.join(TEST_DIST, 'model-roles/dist');

/** The one edit: a field after 主题分类, searchable, a filter, and shown first among the facts. */
const FIELD = `      hostUnit: {
        type: 'string',
        label: '承办单位',
        hint: '具体承办这项工作的单位。',
        search: { text: 9, filter: 4 },
        show: { facts: 1 },
      },
`;
const VALUE = '乔口镇妇联';
const SLUG = '2024-roles-test';

let build: BuildResult;
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');

beforeAll(async () => {
  let patched = 0;
  copyProject(PROJECT, {
    patch: (file, text) => {
      if (file !== 'src/content/model.ts') return text;
      patched += 1;
      return text.replace(/(\n {6}topic: \{[\s\S]*?\n {6}\},\n)/, `$1${FIELD}`);
    },
  });
  expect(patched).toBe(1);
  expect(fs.readFileSync(path.join(PROJECT, 'src/content/model.ts'), 'utf8')).toContain('承办单位');
  fs.rmSync(CONTENT, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURE_SRC, 'content'), CONTENT, { recursive: true });
  fs.writeFileSync(
    path.join(CONTENT, 'notices', `${SLUG}.md`),
    `---\ntitle: 关于开展家庭教育宣传周活动的通知\ndate: 2024-06-03\nhostUnit: ${VALUE}\nsample: true\n---\n\n各村（社区）妇联：请按要求组织活动。\n`,
  );
  build = await buildSiteAsync(
    { SITE_OUT_DIR: DIST, SITE_CONTENT_DIR: CONTENT, SITE_PUBLIC_DIR: path.join(FIXTURE_SRC, 'public') },
    PROJECT,
  );
}, 300_000);

describe('a field declared once in the model', () => {
  it('builds: the content check and the schemas accept it', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('shows on the entry page among the facts, with its label', () => {
    const html = read(`notices/${SLUG}/index.html`);
    expect(html).toMatch(
      new RegExp(`<dl class="fl-facts"[^>]*>\\s*<div class="fl-facts__item"><dt>承办单位</dt><dd>${VALUE}</dd>`),
    );
  });

  it('is in the search index as text and as a filter', () => {
    const folder = path.join(DIST, 'pagefind/fragment');
    const fragments = fs.readdirSync(folder).map(
      (file) =>
        JSON.parse(decodePagefindFile(fs.readFileSync(path.join(folder, file))).toString('utf8')) as {
          url: string;
          content: string;
          filters: Record<string, string[]>;
        },
    );
    const page = fragments.find((fragment) => fragment.url === `/notices/${SLUG}/`);
    expect(page?.content.replaceAll('\u200b', '')).toContain(VALUE);
    expect(page?.filters['hostUnit']).toEqual([VALUE]);
  });

  it('is a filter of the search page, after the model’s other filters, labelled with the field’s label', () => {
    const html = read('search/index.html');
    const selects = [...html.matchAll(/<select id="fl-search-(\w+)"/g)].map((match) => match[1]);
    expect(selects).toEqual(['section', 'year', 'kind', 'form', 'town', 'hostUnit', 'sort']);
    expect(html).toContain('<label for="fl-search-hostUnit">承办单位</label>');
    expect(html).toContain(`<option value="${VALUE}">${VALUE}</option>`);
    // The search script reads its filter names from the same model.
    const script = html.match(/<script type="module" src="(\/_astro\/SiteSearch[^"]+)"/)?.[1];
    expect(read(script!)).toMatch(/`town`,`hostUnit`\]/);
  });

  it('is in the CMS: a widget in the notices editor, and a fact in the preview', () => {
    const config = read('admin/index.html');
    expect(config).toContain('"name":"hostUnit","label":"承办单位","hint":"具体承办这项工作的单位。"');
    // The preview reads the browser's copy of the model (virtual:fl/fields), bundled into the admin.
    expect(read('admin/cms.js')).toMatch(
      /hostUnit:\{type:`string`,label:`承办单位`,search:\{text:9,filter:4\},show:\{facts:1\}\}/,
    );
  });
});
