/**
 * The bad-input corpus, through the real build (`npm run build`): each case adds one broken file to the
 * valid fixture site. The build must exit non-zero, print a message naming the file, the line
 * and the field, and leave the previously published site exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_DIR, mustFailCases, prepareMustFail, prepareSite } from '../support/bad-input.ts';
import { buildSiteAsync, type BuildResult } from '../support/build.ts';
import { TEST_DIST } from '../support/paths.ts';

/** What each case must print: `content/<file>:<line> <field>（<label>） — <what is wrong> — <fix>`. */
const EXPECTED: Record<string, string | string[]> = {
  'cover-without-alt':
    'content/stories/2024-no-alt.md:5 coverAlt（封面图片替代文字） — 设置了 cover（封面图片），却没有替代文字 — 请用一句话描述图片内容，写在 coverAlt 中',
  'date-2024-13-45':
    'content/news/2024-bad-month.md:3 date（发布日期） — “2024-13-45”不是真实存在的日期 — 请检查月份（1–12）和当月天数，按 YYYY-MM-DD 填写，例如 2024-02-29',
  'date-quoted-2024-02-30':
    'content/news/2024-bad-day.md:3 date（发布日期） — “2024-02-30”不是真实存在的日期 — 请检查月份（1–12）和当月天数，按 YYYY-MM-DD 填写，例如 2024-02-29',
  'empty-file':
    'content/news/2024-empty.md:1 — 文件是空的 — 请在开头写两行 --- 包住的信息（至少 title 和 date），再写正文；不要的文件请删除',
  'jiafeng-without-author':
    'content/jiafeng/2024-no-author.md:1 author（作者） — 缺少必填项 — 请填写作者：作者姓名或家庭名称。',
  'kind-not-in-list':
    'content/notices/2024-bad-kind.md:4 kind（类型） — “通报”不是可选值 — 请写 通知、公告、政策文件、政策解读 中的一个',
  'malformed-yaml':
    'content/news/2024-bad-yaml.md:4 — YAML 格式错误（引号或括号没有关上） — 请检查这一行：每行写成“字段: 值”，冒号后留一个空格，值里有冒号或引号时整体加引号，缩进用空格',
  'measure-order-9': 'content/measures/measure-9.md:4 order（序号） — 9 大于 8 — 请写 1 到 8 之间的整数',
  'measure-order-duplicate': [
    'content/measures/measure-3-copy.md:4 order（序号） — 序号 3 与 .test-dist/bad/measure-order-duplicate/content/measures/measure-3.md 重复 — 每项措施的序号不同，请改为 1 到 8 中未用的序号',
    'content/measures/measure-3.md:4 order（序号） — 序号 3 与 .test-dist/bad/measure-order-duplicate/content/measures/measure-3-copy.md 重复 — 每项措施的序号不同，请改为 1 到 8 中未用的序号',
  ],
  'missing-attachment':
    'content/notices/2024-missing-file.md:8 attachments[1].file（附件） — 附件 /uploads/no-such-file.pdf 不存在 — 请把文件上传到 public/uploads/no-such-file.pdf，或改正路径',
  'missing-title':
    'content/news/2024-missing-title.md:1 title（标题） — 缺少必填项 — 请填写标题：完整标题，简短、把要点放在前面。',
  // The wording guard (src/lib/wording/): a near-miss of a reviewed formulation.
  'wording-homophone-in-title':
    'content/news/2024-wording-title.md:2 title（标题） — “中华人民共合国”与规范表述“中华人民共和国”相比有同音字写错 — 请改为“中华人民共和国”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
  'wording-slip-in-body':
    'content/notices/2024-wording-body.md:10 body（正文） — “社会主义核心价值关”与规范表述“社会主义核心价值观”相比有同音字写错 — 请改为“社会主义核心价值观”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
  'wording-slip-in-page':
    'content/pages/yinian.mdx:7 body（正文） — “长沙市望城区妇女连合会”与规范表述“长沙市望城区妇女联合会”相比有同音字写错 — 请改为“长沙市望城区妇女联合会”；如确是引用原文的错误（例如更正启事），在其后紧接着写（原文如此）',
};

/** A stand-in for the site that is already published in the output folder. */
const PUBLISHED: Record<string, string> = {
  'index.html': '<!doctype html><title>已发布的首页</title>',
  'notices/wangfufa-2024-1/index.html': '<!doctype html><title>已发布的通知</title>',
};

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const absolute = path.join(dir, file);
    if (fs.statSync(absolute).isFile()) files[file.split(path.sep).join('/')] = fs.readFileSync(absolute, 'utf8');
  }
  return files;
}

/** Runs `task` over `items`, at most `limit` at a time (two cores: two builds at once). */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

const cases = mustFailCases();
const results = new Map<string, BuildResult & { outDir: string }>();

describe('a build with one broken file', () => {
  beforeAll(async () => {
    await pool(cases, 2, async (name) => {
      const dir = path.join(TEST_DIST, 'bad', name);
      const site = prepareMustFail(name, dir);
      const outDir = path.join(dir, 'dist');
      for (const [file, text] of Object.entries(PUBLISHED)) {
        fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
        fs.writeFileSync(path.join(outDir, file), text);
      }
      const result = await buildSiteAsync({
        SITE_OUT_DIR: outDir,
        SITE_CONTENT_DIR: site.contentDir,
        SITE_PUBLIC_DIR: site.publicDir,
      });
      // eslint-disable-next-line no-control-regex
      results.set(name, { ...result, output: result.output.replace(/\u001b\[[\d;]*m/g, ''), outDir });
      console.log(`bad input ${name}: exit ${result.status} in ${result.seconds.toFixed(1)} s`);
    });
  }, 900_000);

  it('covers every case of the corpus, and only those', () => {
    expect(cases).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: stops with a message naming the file and the field', (name, expected) => {
    const result = results.get(name)!;
    const messages = [expected].flat();
    expect(result.status, result.output).not.toBe(0);
    const errors = result.output
      .split('\n')
      .filter((line) => line.includes('[错误]'))
      .map((line) => line.slice(line.indexOf('[错误]')));
    expect(errors, result.output).toEqual(messages.map((message) => `[错误] .test-dist/bad/${name}/${message}`));
    expect(result.output).toContain(`内容检查：${messages.length} 个错误`);
    expect(result.output).toContain('网站没有更新，已发布的内容保持不变。');
  });

  it.each(cases)('%s: leaves the published site untouched', (name) => {
    const result = results.get(name)!;
    expect(snapshot(result.outDir)).toEqual(PUBLISHED);
  });

  it('leaves no CMS bundling behind: a failed build stops the child process it started', () => {
    // Each build bundles the CMS in a child process named after its output folder; a failed
    // content check ends the build within seconds, long before that bundle would be done.
    const running = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n');
    const leftovers = running.filter((line) => line.includes('admin-bundle.ts') && line.includes('bad-'));
    expect(leftovers).toEqual([]);
  });
});

describe('a build whose content is valid but links to a page that does not exist', () => {
  it('fails after writing the pages, naming the file and the link', async () => {
    const dir = path.join(TEST_DIST, 'bad', 'broken-link');
    const site = prepareSite(dir, path.join(BAD_DIR, 'broken-link'), ['stories', 'jiafeng']);
    const result = await buildSiteAsync({
      SITE_OUT_DIR: path.join(dir, 'dist'),
      SITE_CONTENT_DIR: site.contentDir,
      SITE_PUBLIC_DIR: site.publicDir,
    });
    // eslint-disable-next-line no-control-regex
    const output = result.output.replace(/\u001b\[[\d;]*m/g, '');
    expect(result.status, output).not.toBe(0);
    const errors = output.split('\n').filter((line) => line.includes('[错误]'));
    expect(
      errors.map((line) => line.slice(line.indexOf('[错误]'))),
      output,
    ).toEqual([
      '[错误] content/news/2024-broken-link.md（页面 news/2024-broken-link/index.html） — 链接的页面或文件不存在：/notices/no-such-notice/ — 请改正或删除这个链接；附件和图片请确认文件已上传',
    ]);
    expect(output).toContain('链接检查：1 个失效链接。');
  }, 120_000);
});
