/**
 * `npm run import:docx` on a temporary copy of content/ and public/ (SITE_CONTENT_DIR,
 * SITE_PUBLIC_DIR): what it writes, what it refuses, and that re-running it changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check/index.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { codeFromDocNumber } from '../../scripts/build/import-docx.ts';
import * as fx from '../support/docx-fixtures.ts';
import { ROOT } from '../support/paths.ts';

const NODE = path.join(ROOT, 'node_modules/node/bin/node');
let tmp: string;
let contentDir: string;
let publicDir: string;

function run(...args: string[]) {
  const result = spawnSync(NODE, ['scripts/build/import-docx.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_PUBLIC_DIR: publicDir },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** Every file under `dir` with its SHA-256. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return files;
}

function writeInput(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, 'in', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'word-import-'));
  contentDir = path.join(tmp, 'content');
  publicDir = path.join(tmp, 'public');
  fs.cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  fs.cpSync(path.join(ROOT, 'public'), publicDir, { recursive: true });
  writeInput('batch/01-通知.docx', await fx.redHeaderNotice());
  writeInput('batch/02-提纲.docx', await fx.autoNumberedOutline());
  writeInput('batch/03-列表.docx', await fx.lists());
  writeInput('batch/04-表格.docx', await fx.tables());
  writeInput('batch/05-修订.docx', await fx.review());
  writeInput(
    'batch/06-中文日期.docx',
    await fx.redHeaderNotice({ docNumber: '望妇发〔2024〕13号', date: '二〇二四年五月六日' }),
  );
  writeInput('bad/旧格式.doc', fx.binaryDoc());
  writeInput('bad/文件.wps', fx.binaryDoc());
  writeInput('bad/扫描件.pdf', fx.pdf());
  writeInput('bad/下载一半.docx', await fx.truncatedDocx());
  writeInput('bad/空白.docx', await fx.emptyDocument());
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run import:docx', { timeout: 60_000 }, () => {
  it('refuses each bad file with a Chinese message naming it, and writes nothing for it', () => {
    const before = snapshot(contentDir);
    const { code, out } = run(path.join(tmp, 'in/bad'));
    expect(code).toBe(1);
    expect(out).toMatch(/旧格式\.doc → 失败：.*另存为.*docx/);
    expect(out).toMatch(/文件\.wps → 失败：这是 WPS（\.wps）文件/);
    expect(out).toMatch(/扫描件\.pdf → 失败：这是 PDF 文件/);
    expect(out).toMatch(/下载一半\.docx → 失败：文件已损坏或没有下载完整/);
    expect(out).toMatch(/空白\.docx → 失败：文档里没有文字/);
    expect(out).toContain('共 5 个文件：导入 0 个，跳过 0 个（已导入过），失败 5 个。');
    expect(snapshot(contentDir)).toEqual(before);
  });

  it('imports a folder in one run, prints every path it writes, and the entries pass the content check', () => {
    const { code, out } = run(path.join(tmp, 'in/batch'));
    expect(out).toContain('共 6 个文件：导入 6 个，跳过 0 个（已导入过），失败 0 个。');
    expect(code).toBe(0);
    expect(out).toMatch(/\[1\/6\] .*01-通知\.docx → 已导入/);
    const notice = path.join(contentDir, 'notices/2024-04-15-wangfufa-2024-12.md');
    expect(out).toContain(`写入 ${notice}`);
    const text = fs.readFileSync(notice, 'utf8');
    expect(text).toMatch(
      /^---\ntitle: 关于开展2024年“最美家庭”推选活动的通知\ncode: wangfufa-2024-12\ndate: 2024-04-15\ndateUnconfirmed: true\n/,
    );
    expect(text).toContain('docNumber: 望妇发〔2024〕12号\nissuer: 长沙市望城区妇女联合会\nwrittenDate: 2024-04-15\n');
    expect(fs.readFileSync(path.join(contentDir, 'notices/2024-05-06-wangfufa-2024-13.md'), 'utf8')).toContain(
      'writtenDate: 2024-05-06',
    );
    // Two documents without a date on the same day: the second slug gets -1, as the CMS does.
    const today = todayInChina();
    for (const slug of [`${today}-tongzhi`, `${today}-tongzhi-1`, `${today}-tongzhi-2`, `${today}-tongzhi-3`]) {
      expect(fs.existsSync(path.join(contentDir, `notices/${slug}.md`)), slug).toBe(true);
    }

    const result = checkContent({ rootDir: tmp, contentDir, publicDir });
    expect(result.errors.map((p) => `${p.file} ${p.message}`)).toEqual([]);
  });

  it('skips a re-import by file hash or by 文号, leaving the existing entry byte for byte', async () => {
    const before = snapshot(contentDir);
    const again = run(path.join(tmp, 'in/batch'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('共 6 个文件：导入 0 个，跳过 6 个（已导入过），失败 0 个。');
    expect(again.out).toMatch(/01-通知\.docx → 跳过：同一个文件已经导入过：.*2024-04-15-wangfufa-2024-12\.md/);
    // A different file (another title) with a 文号 already published.
    const sameNumber = writeInput(
      'same-number.docx',
      await fx.redHeaderNotice({ title: '关于调整推选活动安排的通知' }),
    );
    const byNumber = run(sameNumber);
    expect(byNumber.out).toMatch(/跳过：文号 望妇发〔2024〕12号 已有条目：.*2024-04-15-wangfufa-2024-12\.md/);
    expect(snapshot(contentDir)).toEqual(before);
  });

  it('--attach copies a clean .docx as an attachment and refuses one with tracked changes or comments', async () => {
    const clean = writeInput('attach/clean.docx', await fx.redHeaderNotice({ docNumber: '望妇发〔2024〕20号' }));
    const reviewed = writeInput('attach/reviewed.docx', await fx.review());
    const { code, out } = run(clean, reviewed, '--attach');
    expect(code).toBe(1);
    expect(out).toMatch(/reviewed\.docx → 失败：文档含有修订记录和批注，作为附件会被公开/);
    const entry = fs.readFileSync(path.join(contentDir, 'notices/2024-04-15-wangfufa-2024-20.md'), 'utf8');
    expect(entry).toContain(
      'attachments:\n  - title: 关于开展2024年“最美家庭”推选活动的通知（Word 原件）\n    file: /uploads/2024-04-15-wangfufa-2024-20.docx',
    );
    expect(fs.readFileSync(path.join(publicDir, 'uploads/2024-04-15-wangfufa-2024-20.docx'))).toEqual(
      fs.readFileSync(clean),
    );
    expect(checkContent({ rootDir: tmp, contentDir, publicDir }).errors).toEqual([]);
  });

  it('imports news with images named after the slug; an image without a description fails the content check', async () => {
    const file = writeInput('news/photos.docx', await fx.images());
    const { code } = run(file, '--collection', 'news');
    expect(code).toBe(0);
    const images = fs.readdirSync(path.join(contentDir, 'news/images')).filter((name) => name.includes('dongtai'));
    expect(images.sort()).toEqual([`${todayInChina()}-dongtai-1.png`, `${todayInChina()}-dongtai-2.png`]);
    const messages = checkContent({ rootDir: tmp, contentDir, publicDir }).errors.map((p) => p.message);
    expect(messages).toEqual([expect.stringMatching(/图片 \.\/images\/\d{4}-\d{2}-\d{2}-dongtai-2\.png 没有替代文字/)]);
  });

  it('runs the wording guard on what it imported, as the content check will', async () => {
    const file = writeInput(
      'wording/slip.docx',
      await fx.redHeaderNotice({
        docNumber: '望妇发〔2024〕30号',
        title: '关于学习贯彻习近平新时代中国特色社会主意思想的通知',
      }),
    );
    const { code, out } = run(file);
    expect(code).toBe(0);
    expect(out).toContain(
      '    措辞错误：标题：“习近平新时代中国特色社会主意思想”应为“习近平新时代中国特色社会主义思想”',
    );
    expect(out).toContain('其中 1 篇有与规范表述不符的文字（见上面的“措辞错误”），改正之前网站不会更新。');
    const errors = checkContent({ rootDir: tmp, contentDir, publicDir }).errors.filter((p) =>
      p.file.endsWith('2024-04-15-wangfufa-2024-30.md'),
    );
    expect(errors.map((p) => `${p.field} ${p.message}`)).toEqual([
      expect.stringMatching(
        /^title “习近平新时代中国特色社会主意思想”与规范表述“习近平新时代中国特色社会主义思想”相比/,
      ),
    ]);
    fs.rmSync(path.join(contentDir, 'notices/2024-04-15-wangfufa-2024-30.md'));
  });

  it('makes the slug code from the 文号', () => {
    expect(codeFromDocNumber('望妇发〔2024〕12号')).toBe('wangfufa-2024-12');
    expect(codeFromDocNumber('望妇〔2023〕3号')).toBe('wangfu-2023-3');
  });
});
