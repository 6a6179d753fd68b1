/**
 * Assembles the fixture site: the hand-written cases in tests/fixtures/site plus 22
 * generated notices from 2023, so the notice list has two pages and two years.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_SRC, ROOT } from './paths.ts';

/** How many notices the generator adds (with the hand-written ones: more than 20). */
export const GENERATED_NOTICES = 22;

/** The slug of generated notice n (1-based). */
export function generatedNoticeSlug(n: number): string {
  return `gen-2023-${String(n).padStart(2, '0')}`;
}

function generatedNotice(n: number): string {
  const month = String(((n - 1) % 12) + 1).padStart(2, '0');
  const day = String(Math.min(n, 28)).padStart(2, '0');
  return `---
title: 测试通知第${n}号
date: 2023-${month}-${day}
kind: 通知
docNumber: 望妇发〔2023〕${n}号
sample: true
---

这是为分页测试生成的第${n}篇通知。
`;
}

/** Writes the fixture's content and public folders into FIXTURE_SRC and returns them. */
export function prepareFixture(): { contentDir: string; publicDir: string } {
  fs.rmSync(FIXTURE_SRC, { recursive: true, force: true });
  const contentDir = path.join(FIXTURE_SRC, 'content');
  const publicDir = path.join(FIXTURE_SRC, 'public');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/site/content'), contentDir, { recursive: true });
  // The site's own public files (favicon…) plus the fixture's attachments and QR code.
  fs.cpSync(path.join(ROOT, 'public'), publicDir, { recursive: true });
  fs.cpSync(path.join(ROOT, 'tests/fixtures/site/public'), publicDir, { recursive: true });
  for (let n = 1; n <= GENERATED_NOTICES; n += 1) {
    fs.writeFileSync(path.join(contentDir, 'notices', `${generatedNoticeSlug(n)}.md`), generatedNotice(n));
  }
  return { contentDir, publicDir };
}
