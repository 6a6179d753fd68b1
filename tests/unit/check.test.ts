/**
 * The raw content check catches what Astro's YAML loader hides: an unquoted 2024-13-45 is
 * rolled over into 2025 by js-yaml before any schema sees it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/content/check.ts';

let dir: string;

function site(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-check-'));
  const all = { 'settings/site.yml': 'siteName: 测试\norganization: 测试单位\n', ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'content', name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', name), text);
  }
  return dir;
}

function check(files: Record<string, string>): string[] {
  const root = site(files);
  const result = checkContent({ rootDir: root, contentDir: path.join(root, 'content'), today: '2026-11-29' });
  return result.problems.map(formatProblem);
}

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the content check', () => {
  it('rejects an unquoted impossible date with file, line and field', () => {
    expect(check({ 'news/a.md': '---\ntitle: 动态\ndate: 2024-13-45\n---\n\n正文\n' })).toEqual([
      '[错误] content/news/a.md:3 date（发布日期） — “2024-13-45”不是真实存在的日期 — 请检查月份（1–12）和当月天数，按 YYYY-MM-DD 填写，例如 2024-02-29',
    ]);
  });

  it('rejects a quoted 2024-02-30', () => {
    expect(check({ 'news/a.md': '---\ntitle: 动态\ndate: "2024-02-30"\n---\n\n正文\n' })).toEqual([
      expect.stringContaining('content/news/a.md:3 date（发布日期） — “2024-02-30”不是真实存在的日期'),
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = check({
      'news/a.md': '---\ntitle: 动态\ndate: 2024-13-45\n---\n\n正文\n',
      'notices/b.md': '---\ntitle: 通知\ndate: 2024-01-01\nkind: 通报\n---\n\n正文\n',
      'jiafeng/c.md': '---\ntitle: 作品\ndate: 2024-01-01\nform: 书法\n---\n\n正文\n',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/notices\/b\.md:4 kind（类型）/);
    expect(problems.join('\n')).toMatch(/jiafeng\/c\.md:1 author（作者） — 缺少必填项/);
  });

  it('warns about a date in the future without failing', () => {
    const root = site({ 'news/a.md': '---\ntitle: 动态\ndate: 2027-01-01\n---\n\n正文\n' });
    const result = checkContent({ rootDir: root, contentDir: path.join(root, 'content'), today: '2026-11-29' });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([expect.stringContaining('2027-01-01 晚于今天（2026-11-29）')]);
  });
});
