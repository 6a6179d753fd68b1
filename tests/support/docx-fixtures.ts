/**
 * .docx fixtures for the Word import, written at test time with the `docx` package (a
 * well-kept .docx writer), so no binary is committed. Each builder returns the file's bytes.
 * The invented names and numbers are illustrative, not real policy.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';

/** A 2×2 red PNG. */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const DEFAULT_ISSUER = '长沙市望城区妇女联合会';

type Child = Paragraph | Table;
type DocOptions = ConstructorParameters<typeof Document>[0];

async function pack(children: Child[], extra: Partial<DocOptions> = {}): Promise<Uint8Array> {
  const section: ISectionOptions = { children };
  const doc = new Document({ sections: [section], ...extra });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const p = (text: string, opts: { bold?: boolean; font?: string; align?: 'center' | 'right'; indent?: boolean } = {}) =>
  new Paragraph({
    ...(opts.align ? { alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT } : {}),
    children: [new TextRun({ text: (opts.indent ? '\u3000\u3000' : '') + text, ...runStyle(opts) })],
  });

/** Bold and font, set only when given (the docx types take no explicit undefined). */
function runStyle(opts: { bold?: boolean; font?: string }): { bold?: boolean; font?: string } {
  return { ...(opts.bold ? { bold: true } : {}), ...(opts.font ? { font: opts.font } : {}) };
}

const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...span });

/** The numbering every outline fixture uses: 一、 / （一） / 1. / （1）, and bullets. */
const outlineNumbering = {
  config: [
    {
      reference: 'outline',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
      ],
    },
    {
      reference: 'steps',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
    },
    {
      reference: 'bullets',
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }],
    },
  ],
};

const numbered = (text: string, reference: string, level: number, opts: { bold?: boolean; font?: string } = {}) =>
  new Paragraph({
    numbering: { reference, level },
    children: [new TextRun({ text, ...runStyle(opts) })],
  });

export interface RedHeaderOptions {
  docNumber?: string;
  title?: string;
  date?: string;
  issuer?: string;
  officeLine?: string | null;
}

/** A red-header notice: office line, 文号, title, 主送, 一、 headings in 黑体, a list, a 名额 table, 落款. */
export async function redHeaderNotice(o: RedHeaderOptions = {}): Promise<Uint8Array> {
  const issuer = o.issuer ?? DEFAULT_ISSUER;
  const children: Child[] = [];
  if (o.officeLine !== null)
    children.push(p(o.officeLine ?? `${issuer}文件`, { align: 'center', font: '方正小标宋简体' }));
  children.push(
    p(o.docNumber ?? '望妇发〔2024〕12号', { align: 'center', font: '仿宋_GB2312' }),
    p(o.title ?? '关于开展2024年“最美家庭”推选活动的通知', { align: 'center', font: '方正小标宋简体' }),
    p('各街镇妇联、经开区妇联：'),
    p('为深入推进家庭文明建设，经研究，决定开展推选活动。现将有关事项通知如下。', { indent: true }),
    p('一、推选范围', { font: '黑体' }),
    p('全区城乡家庭均可参加。', { indent: true }),
    p('二、推选程序', { font: '黑体' }),
    numbered('街镇推荐。', 'steps', 0),
    numbered('区妇联审核。', 'steps', 0),
    numbered('公示结果。', 'steps', 0),
    p('三、名额分配', { font: '黑体' }),
    new Table({
      rows: [
        new TableRow({ children: [cell('街镇'), cell('名额')] }),
        new TableRow({ children: [cell('月亮岛街道'), cell('3')] }),
        new TableRow({ children: [cell('桥驿镇'), cell('2')] }),
      ],
    }),
    p('附件：推荐表', { indent: true }),
    p(issuer, { align: 'right' }),
    p(o.date ?? '2024年4月15日', { align: 'right' }),
  );
  return pack(children, { numbering: outlineNumbering });
}

/** An outline auto-numbered by Word (一、 （一） 1. （1）), headings in 黑体 and 楷体, plus bold and plain paragraphs. */
export async function autoNumberedOutline(): Promise<Uint8Array> {
  return pack(
    [
      p('关于做好家庭教育工作的意见'),
      numbered('总体要求', 'outline', 0, { font: '黑体' }),
      p('正文第一段。'),
      numbered('工作目标', 'outline', 1, { font: '楷体_GB2312' }),
      p('正文第二段。'),
      numbered('建立指导站点', 'outline', 2, { bold: true }),
      numbered('开展亲子活动', 'outline', 2),
      numbered('细则一', 'outline', 3),
      numbered('主要措施', 'outline', 0, { font: '黑体' }),
      numbered('加强组织领导', 'outline', 1, { font: '楷体_GB2312' }),
      p('三、手写编号的标题', { bold: true }),
      p('四、不加粗的一段普通文字，以编号开头但不是标题。'),
    ],
    { numbering: outlineNumbering },
  );
}

/** Numbered and bulleted lists. */
export async function lists(): Promise<Uint8Array> {
  return pack(
    [
      p('活动须知'),
      numbered('带好身份证。', 'steps', 0),
      numbered('提前十分钟到场。', 'steps', 0),
      p('注意事项：'),
      numbered('不要带宠物。', 'bullets', 0),
      numbered('保管好随身物品。', 'bullets', 0),
      p('联系人：区妇联办公室。'),
    ],
    { numbering: outlineNumbering },
  );
}

/** A table without a header row, and one with merged cells. */
export async function tables(): Promise<Uint8Array> {
  return pack([
    p('名额分配表'),
    new Table({
      rows: [
        new TableRow({ children: [cell('月亮岛街道'), cell('3')] }),
        new TableRow({ children: [cell('桥驿镇'), cell('2')] }),
      ],
    }),
    p('活动安排'),
    new Table({
      rows: [
        new TableRow({ children: [cell('时间'), cell('地点'), cell('内容')] }),
        new TableRow({ children: [cell('上午', { rowSpan: 2 }), cell('区妇联会议室'), cell('培训')] }),
        new TableRow({ children: [cell('社区活动室'), cell('座谈')] }),
        new TableRow({ children: [cell('下午全天自由参观', { columnSpan: 3 })] }),
      ],
    }),
  ]);
}

/** A 2×2 blue PNG: a second, different picture (identical ones share one file in the .docx). */
export const PNG_BLUE = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgYPgPRmAKABf2A/1+6zfzAAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);

const image = (description?: string, data: Uint8Array = PNG) =>
  new ImageRun({
    type: 'png',
    data,
    transformation: { width: 40, height: 40 },
    ...(description === undefined ? {} : { altText: { name: 'pic', title: description, description } }),
  });

/**
 * Images: one with a description, one without (or, with `describeAll`, with one too), and
 * (with `emf: true`) the second turned into an EMF.
 */
export async function images(opts: { emf?: boolean; describeAll?: boolean } = {}): Promise<Uint8Array> {
  const bytes = await pack([
    p('活动照片'),
    new Paragraph({ children: [image('妇联干部在社区讲解家庭教育知识')] }),
    p('第二张照片'),
    new Paragraph({ children: [image(opts.describeAll ? '孩子们在社区活动室听绘本故事' : undefined, PNG_BLUE)] }),
    p('完。'),
  ]);
  if (!opts.emf) return bytes;
  return rewriteZip(bytes, async (zip) => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    const last = media.at(-1);
    if (!last) throw new Error('no media in fixture');
    const data = await zip.file(last)?.async('uint8array');
    zip.remove(last);
    const emfName = last.replace(/\.\w+$/, '.emf');
    zip.file(emfName, data ?? new Uint8Array());
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    zip.file('word/_rels/document.xml.rels', rels.replace(last.replace('word/', ''), emfName.replace('word/', '')));
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file(
      '[Content_Types].xml',
      types.replace('<Default ', '<Default Extension="emf" ContentType="image/x-emf"/><Default '),
    );
  });
}

/** Tracked changes (an insertion and a deletion), a comment and a footnote. */
export async function review(): Promise<Uint8Array> {
  return pack(
    [
      p('修订测试'),
      new Paragraph({
        children: [
          new TextRun('报名截止日期为'),
          new DeletedTextRun({ text: '五月一日', id: 1, author: '审稿人', date: '2024-04-10T00:00:00Z' }),
          new InsertedTextRun({ text: '五月十日', id: 2, author: '审稿人', date: '2024-04-10T00:00:00Z' }),
          new TextRun('。'),
        ],
      }),
      new Paragraph({
        children: [
          new CommentRangeStart(0),
          new TextRun('依据有关规定'),
          new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
          new FootnoteReferenceRun(1),
          new TextRun('执行。'),
        ],
      }),
    ],
    {
      comments: {
        children: [
          { id: 0, author: '审稿人', date: new Date('2024-04-10'), children: [new Paragraph('这里要核实内部意见')] },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('《中华人民共和国家庭教育促进法》。')] } },
    },
  );
}

/** A plain news draft: a title, text, no 落款 date. */
export async function newsDraft(): Promise<Uint8Array> {
  return pack([p('桥驿镇妇联开展亲子阅读活动'), p('本周六，桥驿镇妇联在镇文化站开展亲子阅读活动。', { indent: true })]);
}

/** Fonts, sizes, colours, a page break, an empty paragraph and a full-width-space indent: all to be dropped. */
export async function styledText(): Promise<Uint8Array> {
  return pack([
    p('格式测试'),
    new Paragraph({ children: [new TextRun('第一页'), new PageBreak(), new TextRun('第二页')] }),
    new Paragraph(''),
    p('缩进段落', { indent: true }),
    new Paragraph({ children: [new TextRun({ text: '红色大字', color: 'FF0000', size: 48, font: '宋体' })] }),
  ]);
}

/** A document with no text at all. */
export async function emptyDocument(): Promise<Uint8Array> {
  return pack([new Paragraph('')]);
}

/** The first bytes of a binary .doc (OLE compound file). */
export function binaryDoc(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

/** A .docx cut off half way, as an interrupted download leaves it. */
export async function truncatedDocx(): Promise<Uint8Array> {
  const whole = await redHeaderNotice();
  return whole.slice(0, Math.floor(whole.length / 2));
}

export function pdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
}

async function rewriteZip(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: 'uint8array' });
}

/** A long document for the benchmark: `pages` pages of outline, lists and tables, `imageCount` images. */
export async function longDocument(
  pages: number,
  imageCount: number,
  photos: Uint8Array[] = [PNG],
): Promise<Uint8Array> {
  const children: Child[] = [p('望城区妇联年度工作资料汇编'), p('望妇发〔2024〕30号')];
  let imagesLeft = imageCount;
  for (let page = 1; page <= pages; page++) {
    children.push(numbered(`第${page}部分工作情况`, 'outline', 0, { font: '黑体' }));
    for (let k = 0; k < 6; k++) {
      children.push(
        p(
          `第${page}页第${k + 1}段：全区各级妇联组织围绕家庭教育、维权服务、巾帼建功等重点工作，扎实推进各项任务落实，取得了积极成效。群众满意度持续提升，工作机制不断完善。`,
          { indent: true },
        ),
      );
    }
    children.push(numbered('完善工作机制。', 'steps', 0), numbered('加强队伍建设。', 'steps', 0));
    children.push(
      new Table({
        rows: [
          new TableRow({ children: [cell('项目'), cell('数量')] }),
          new TableRow({ children: [cell('活动'), cell(String(page * 3))] }),
        ],
      }),
    );
    if (imagesLeft > 0 && page % Math.max(1, Math.floor(pages / imageCount)) === 0) {
      imagesLeft--;
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: photos[0] === PNG ? 'png' : 'jpg',
              data: photos[imagesLeft % photos.length] ?? PNG,
              transformation: { width: 400, height: 300 },
              altText: { name: 'p', title: `第${page}页照片`, description: `第${page}页活动照片` },
            }),
          ],
        }),
      );
    }
  }
  children.push(p(DEFAULT_ISSUER, { align: 'right' }), p('二〇二四年十二月一日', { align: 'right' }));
  return pack(children, { numbering: outlineNumbering });
}
