/** Attachments no page refers to are removed from a small hand-made build, and only those. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtUploads, removeUnusedUploads } from '../../src/build/unused-uploads.ts';

let dist: string;

function build(files: Record<string, string>): string {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-uploads-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  }
  return dist;
}

afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('removeUnusedUploads', () => {
  it('keeps what a page links (plain, URL-encoded, absolute, in srcset) and removes the rest', () => {
    build({
      'index.html': '<img src="/uploads/qr.png" srcset="/uploads/qr-2x.png 2x" alt="二维码">',
      'notices/a/index.html':
        '<a href="/uploads/%E6%8A%A5%E5%90%8D%E8%A1%A8-2024.pdf">报名表</a><a href="https://x.test/uploads/form.docx">表</a>',
      'uploads/qr.png': 'png',
      'uploads/qr-2x.png': 'png',
      'uploads/报名表-2024.pdf': 'pdf',
      'uploads/form.docx': 'docx',
      'uploads/draft-only.pdf': 'pdf',
      'uploads/old/taken-down.xlsx': 'xlsx',
    });
    expect(removeUnusedUploads(dist)).toEqual(['draft-only.pdf', 'old/taken-down.xlsx']);
    expect(builtUploads(dist)).toEqual(['form.docx', 'qr-2x.png', 'qr.png', '报名表-2024.pdf']);
  });

  it('counts a link in the feed or sitemap, but not a mention inside uploads/ itself', () => {
    build({
      'index.html': '<p>首页</p>',
      'rss.xml': '<item><link>https://x.test/uploads/in-feed.pdf</link></item>',
      'uploads/in-feed.pdf': 'pdf',
      'uploads/readme.html': '<a href="/uploads/self.pdf">x</a>',
      'uploads/self.pdf': 'pdf',
    });
    expect(removeUnusedUploads(dist)).toEqual(['readme.html', 'self.pdf']);
  });

  it('does nothing on a build without uploads', () => {
    build({ 'index.html': '<p>首页</p>' });
    expect(removeUnusedUploads(dist)).toEqual([]);
  });
});
