/**
 * Word (.docx) → a site entry: front-matter fields, a Markdown body and its images.
 *
 * One converter for the CMS (在浏览器里, nothing is sent anywhere) and the command line
 * (`npm run import:docx`). Pure: no `node:*` import, so it runs in Node and in the browser.
 *
 * Pipeline: the .docx's XML is prepared (`docx-xml.ts`: numbering written as text, heading
 * fonts made bold, tracked changes and comments noted) → mammoth turns it into HTML, taking
 * each image's alt text from Word's picture description → `htmlToMarkdown` (shared with
 * paste) → `readRedHeader` takes 文号, title and 落款 out of the body.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { hasComments, hasTrackedChanges, prepareDocumentXml } from './docx-xml.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { readRedHeader } from './red-header.ts';

export { htmlToMarkdown, type MarkdownResult } from './html-to-markdown.ts';
export { findChineseDate, parseWholeChineseDate } from './chinese.ts';

export interface WordImport {
  /** Front-matter values read from the document. `date` is the 成文日期, or today (Beijing) when there is none; always to be confirmed. */
  fields: {
    title?: string;
    docNumber?: string;
    issuer?: string;
    writtenDate?: string;
    date: string;
    dateUnconfirmed: true;
  };
  /** The body, in the site's Markdown. Images are referenced as `<imagesDir>/<fileName>`. */
  markdown: string;
  /** The images the body shows, named `<slug>-<n>.<ext>`. `alt` is Word's description (null when it has none). */
  images: { fileName: string; bytes: Uint8Array; alt: string | null; contentType: string }[];
  /** Chinese, for the editor: what was changed, left out or guessed, and what to check. */
  warnings: string[];
  /** Revisions that an attached copy of the .docx would publish. */
  review: { trackedChanges: boolean; comments: boolean };
  /** SHA-256 of the file, hex: recognises a document imported before. */
  sha256: string;
}

export interface ConvertOptions {
  /** The entry's slug: image file names start with it, so two entries never clash. */
  slug: string;
  collection: 'notices' | 'news';
  /** Today in Beijing time, YYYY-MM-DD (`todayInChina()` from src/lib/dates.ts). */
  today: string;
  /** How the body refers to the images folder, e.g. `./images`. */
  imagesDir: string;
}

export type WordImportErrorCode =
  'empty-file' | 'doc' | 'pdf' | 'not-zip' | 'broken-zip' | 'not-word' | 'empty-document';

const MESSAGES: Record<WordImportErrorCode, string> = {
  'empty-file': '文件是空的（0 字节） — 请重新保存或重新下载这份文档',
  doc: '这是旧版 Word（.doc）或 WPS（.wps）文件，不能直接导入 — 请在 Word 或 WPS 中打开，选“另存为”，文件类型选“Word 文档（*.docx）”，再导入新文件',
  pdf: '这是 PDF 文件，不能导入 — 请找到这份文件的 Word 原稿（.docx）再导入；PDF 可以作为附件上传',
  'not-zip': '这不是 Word 文档（.docx） — 请在 Word 或 WPS 中打开它，另存为 .docx 后再导入',
  'broken-zip': '文件已损坏或没有下载完整，打不开 — 请重新下载或从原电脑重新复制，能在 Word 中正常打开后再导入',
  'not-word': '这个文件不是 Word 文档（可能是 Excel、PPT 或其他格式） — 请导入 .docx 格式的 Word 文档',
  'empty-document': '文档里没有文字 — 请确认选对了文件；如果内容是扫描的图片，请改用文字版的 Word 文档',
};

/** A file that can't be imported, with a Chinese message saying what to do. */
export class WordImportError extends Error {
  readonly code: WordImportErrorCode;
  constructor(code: WordImportErrorCode) {
    super(MESSAGES[code]);
    this.name = 'WordImportError';
    this.code = code;
  }
}

const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Rejects files that are not a .docx before any parsing, with the message that fits. */
async function openDocx(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.length === 0) throw new WordImportError('empty-file');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new WordImportError('doc');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new WordImportError('pdf');
  if (!startsWith(bytes, [0x50, 0x4b])) throw new WordImportError('not-zip');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WordImportError('broken-zip');
  }
  if (!zip.file('word/document.xml')) throw new WordImportError('not-word');
  return zip;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Converts one .docx. Throws WordImportError for a file that is not a usable .docx. */
export async function convertDocx(data: ArrayBuffer | Uint8Array, opts: ConvertOptions): Promise<WordImport> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const zip = await openDocx(bytes);
  let documentXml: string;
  let prepared: ReturnType<typeof prepareDocumentXml>;
  let review: WordImport['review'];
  let prepatedZip: Uint8Array;
  try {
    documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const numberingXml = await zip.file('word/numbering.xml')?.async('string');
    const commentsXml = await zip.file('word/comments.xml')?.async('string');
    review = { trackedChanges: hasTrackedChanges(documentXml), comments: hasComments(commentsXml) };
    prepared = prepareDocumentXml(documentXml, numberingXml);
    zip.file('word/document.xml', prepared.documentXml);
    prepatedZip = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  } catch {
    throw new WordImportError('broken-zip');
  }

  const warnings: string[] = [];
  const images: WordImport['images'] = [];
  let pictureCount = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: prepatedZip, arrayBuffer: prepatedZip } as unknown as { arrayBuffer: ArrayBuffer },
      {
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async (picture) => {
          // mammoth reads Word's picture description as altText; its types leave it out.
          const image = picture as typeof picture & { altText?: string };
          pictureCount++;
          const ext = IMAGE_TYPES[image.contentType.toLowerCase()];
          if (!ext) {
            const kind = /emf|wmf/i.test(image.contentType)
              ? image.contentType.replace(/^image\/(x-)?/i, '').toUpperCase()
              : image.contentType;
            warnings.push(
              `第 ${pictureCount} 张图片是 ${kind} 格式${image.altText ? `（“${image.altText}”）` : ''}，网页不能显示，已略去 — 请在 Word 中把它另存为 PNG 或 JPG 图片后单独上传`,
            );
            return { src: '' };
          }
          const fileName = `${opts.slug}-${images.length + 1}.${ext}`;
          const content = new Uint8Array(await image.readAsArrayBuffer());
          const alt = image.altText?.trim() || null;
          images.push({ fileName, bytes: content, alt, contentType: image.contentType });
          if (!alt) {
            warnings.push(
              `第 ${pictureCount} 张图片（${fileName}）在 Word 里没有“说明文字”，保存前请在正文里补上：![图片内容的描述](${opts.imagesDir}/${fileName})`,
            );
          }
          return { src: `${opts.imagesDir}/${fileName}`, alt: alt ?? '' };
        }),
      },
    );
    html = result.value;
  } catch {
    throw new WordImportError('broken-zip');
  }
  if (prepared.textLength === 0 && images.length === 0) throw new WordImportError('empty-document');

  const converted = htmlToMarkdown(html);
  warnings.push(...converted.warnings);
  const header = readRedHeader(converted.markdown);
  warnings.push(...header.warnings);
  if (header.body.trim() === '' && !header.title) throw new WordImportError('empty-document');

  const fields: WordImport['fields'] = { date: header.writtenDate ?? opts.today, dateUnconfirmed: true };
  if (header.title) fields.title = header.title;
  if (header.docNumber) fields.docNumber = header.docNumber;
  if (header.issuer) fields.issuer = header.issuer;
  if (header.writtenDate) {
    fields.writtenDate = header.writtenDate;
    warnings.push(`发布日期暂用落款的成文日期 ${header.writtenDate}，已标为“日期待核实” — 核实后请取消勾选`);
  } else {
    warnings.push(`文档里没有找到落款日期，发布日期暂用今天 ${opts.today}，已标为“日期待核实” — 请核实`);
  }
  if (review.trackedChanges) warnings.push('文档含有修订记录：正文按“接受全部修订”后的样子导入，删除的文字不会出现');
  if (review.comments) warnings.push('文档含有批注：批注没有导入');
  if (opts.collection === 'news' && fields.docNumber)
    warnings.push(`工作动态没有文号栏，文号 ${fields.docNumber} 没有使用`);

  return {
    fields,
    markdown: header.body,
    images: images.filter((image) => header.body.includes(`${opts.imagesDir}/${image.fileName}`)),
    warnings,
    review,
    sha256: await sha256Hex(bytes),
  };
}
