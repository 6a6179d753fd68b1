/**
 * Word documents imported into a test site with the code of `npm run import:docx`, so the
 * built test (tests/built/word-import.test.ts) can read their pages. Added to the hostile
 * build (scripts/build/build-test-sites.ts), whose other tests don't count entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importDocx } from '../../scripts/build/import-docx.ts';
import * as fx from './docx-fixtures.ts';

/** The day the import pretends it is, so slugs of undated documents are fixed. */
export const WORD_IMPORT_TODAY = '2024-06-01';
/** The slugs the import writes, by document. */
export const WORD_IMPORTED = {
  /** Red-header notice: 文号, title, 主送, 一、 headings, a numbered list, a table, 落款 (Chinese-numeral date). */
  notice: '2024-04-15-wangfufa-2024-88',
  /** Auto-numbered outline with 黑体 headings. */
  outline: `${WORD_IMPORT_TODAY}-tongzhi`,
  /** Tracked changes, a comment and a footnote. */
  review: `${WORD_IMPORT_TODAY}-tongzhi-1`,
  /** News with two described images and bullets. */
  news: `${WORD_IMPORT_TODAY}-dongtai`,
} as const;

export async function importWordFixtures(contentDir: string, publicDir: string): Promise<void> {
  const inbox = fs.mkdtempSync(path.join(contentDir, '..', 'word-inbox-'));
  const write = async (name: string, bytes: Promise<Uint8Array> | Uint8Array) => {
    const file = path.join(inbox, name);
    fs.writeFileSync(file, await bytes);
    return file;
  };
  const notices = [
    await write('1-notice.docx', fx.redHeaderNotice({ docNumber: '望妇发〔2024〕88号', date: '二〇二四年四月十五日' })),
    await write('2-outline.docx', fx.autoNumberedOutline()),
    await write('3-review.docx', fx.review()),
  ];
  const news = [await write('4-news.docx', fx.images({ describeAll: true }))];
  const lines: string[] = [];
  const base = {
    attach: false,
    root: path.dirname(contentDir),
    contentDir,
    publicDir,
    today: WORD_IMPORT_TODAY,
    log: (line: string) => lines.push(line),
  };
  const outcomes = [
    ...(await importDocx(notices, { ...base, collection: 'notices' })),
    ...(await importDocx(news, { ...base, collection: 'news' })),
  ];
  fs.rmSync(inbox, { recursive: true, force: true });
  const failed = outcomes.filter((o) => o.status !== 'imported');
  if (failed.length) throw new Error(`Word fixtures did not import:\n${lines.join('\n')}`);
}
