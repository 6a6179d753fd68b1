/**
 * The content model: every collection and every field the site publishes, declared once.
 *
 * This module is a public contract. Editors (through the CMS), import scripts and the site
 * itself all rely on it. Each field says what it is (its type, Chinese label and hint) and
 * what it is for (its roles: `search`, `show`, `unique`, `publicFile`, references between
 * entries). Everything else is derived from it, and nothing restates a field list by hand:
 * - `src/content.config.ts` and the content check (`./check/`) build their schemas from it
 *   (`./schema.ts`), and the rules across entries come from `unique`, `reference` and
 *   `publicFile`;
 * - the entry page, its 信息公开 table, facts and byline, and the CMS preview read `show`
 *   through `src/lib/fields.ts`;
 * - the search index, its filters and the search page's selects read `search`;
 * - the CMS config is generated from it (`admin/build/config.ts`).
 *
 * Browser code never imports this module: what it needs is generated at build time
 * (`src/integrations/model-modules.ts`, `virtual:fl/*`). It is plain data plus types, with no
 * Astro import, so Node scripts can load it too.
 */
import { DOC_NUMBER_PATTERN, SLUG_PATTERN } from '../lib/patterns.ts';

/**
 * Slugs that would shadow a list route: `/notices/page/2/` and `/notices/year/2024/` are
 * list pages, so no entry may be called `page` or `year`.
 */
export const RESERVED_SLUGS = ['page', 'year'] as const;

/**
 * How the search index uses a field (`src/lib/fields.ts` indexFields). Positions keep the
 * index's hidden markup in a fixed order when fields are added.
 */
export interface SearchRole {
  /** Searchable as words, at this position after the section name (the page shows it only in parts left out of the index). */
  text?: number;
  /** A filter of the search page, named after the field key, at this position after 栏目 and 年份. */
  filter?: number;
  /** Shown on a search result, under this name. */
  meta?: string;
}

/** Where the entry's page, and the CMS preview of it, shows a field. */
export interface ShowRole {
  /** In the labelled facts below the title (人物, 荣誉称号…), at this position. */
  facts?: number;
  /** In a notice's 信息公开 table, at this position (inspections expect a fixed order). */
  docInfo?: number;
  /** Beside the publication date under the title, with its label (发布机构, 来源). */
  byline?: true;
  /** As a tag beside the entry's title in lists (通知, 政策解读…). */
  listTag?: true;
  /** As the article's cover picture, above the text. */
  cover?: true;
  /**
   * In the 落款 below the text, right-aligned as in the printed document, at this position
   * (发布机构, then 成文日期). Shown only when a date of the 落款 is set.
   */
  signature?: number;
}

interface FieldBase {
  /** Chinese label shown to editors and, where the field is displayed, to citizens. */
  label: string;
  /** One sentence for editors: what to put in the field. */
  hint: string;
  /** Required fields must be present and non-empty. */
  required?: boolean;
  /** How search uses the value. */
  search?: SearchRole;
  /** Where readers see the value. */
  show?: ShowRole;
  /** No two published entries of the collection may share a value (for a number with a range: each number once). */
  unique?: true;
}

export interface StringField extends FieldBase {
  type: 'string';
  /** A pattern the value must match, with the fix an editor should make if it does not. */
  pattern?: { regex: RegExp; message: string };
  default?: string;
  /** Multi-line text (a textarea in the CMS). */
  multiline?: boolean;
  /** A file under public/ (a QR code image, `/uploads/x.png`) that must exist. */
  publicFile?: true;
}
/** A 文号 (望妇发〔2024〕1号): checked against DOC_NUMBER_RULE, searchable exactly, and offered to fix when typed with other brackets. */
export interface DocNumberField extends FieldBase {
  type: 'docNumber';
}
export interface DateField extends FieldBase {
  type: 'date';
  /** The boolean field that marks this date as a guess (shown as 日期待核实 beside it). */
  unconfirmedField?: string;
  /** The date field this one may not be earlier than. */
  notBefore?: string;
  /** A date after today is probably a typo (the site can't schedule): warn. */
  warnIfFuture?: true;
}
export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}
export interface NumberField extends FieldBase {
  type: 'number';
  min: number;
  max: number;
}
export interface EnumField extends FieldBase {
  type: 'enum';
  options: readonly string[];
  default?: string;
}
export interface TagsField extends FieldBase {
  type: 'tags';
}
export interface UrlField extends FieldBase {
  type: 'url';
}
/** An image beside the entry (`./photo.jpg`) or in the collection's `images/` folder. */
export interface ImageField extends FieldBase {
  type: 'image';
  /** The field that holds this image's alt text; it is required whenever the image is set. */
  altField: string;
}
/** The alt text of an image field. */
export interface AltField extends FieldBase {
  type: 'alt';
  imageField: string;
}
/** The slug of another entry: it must exist, not be the entry itself, and be published when this entry is. */
export interface ReferenceField extends FieldBase {
  type: 'reference';
  collection: CollectionName;
  /** When set, another field of the entry must hold one of these values (a 解读 is of kind 政策解读). */
  requires?: { field: string; oneOf: readonly string[] };
}
/** Downloadable files in `public/uploads/`, each with a title, listed after the text. */
export interface AttachmentsField extends FieldBase {
  type: 'attachments';
}

/** Groups of words that mean the same to a searcher, e.g. 两癌 / 宫颈癌 / 乳腺癌. */
export interface TermGroupsField extends FieldBase {
  type: 'termGroups';
}

export type Field =
  | TermGroupsField
  | StringField
  | DocNumberField
  | DateField
  | BooleanField
  | NumberField
  | EnumField
  | TagsField
  | UrlField
  | ImageField
  | AltField
  | ReferenceField
  | AttachmentsField;

export interface CollectionModel {
  /** The section name citizens see (栏目). */
  label: string;
  /** What one entry is called, for editors (新建通知, 找不到通知…). */
  labelSingular: string;
  /** One sentence about the section, shown on its list page. */
  description: string;
  /** What goes after the date in a new entry's file name when the editor leaves 网址简称 empty. */
  slugFallback: string;
  /**
   * A numbered set (the eight measures): entries are listed by this number field on one
   * overview page, rather than newest first in pages by year.
   */
  numberedBy?: string;
  /**
   * Documents staff write in Word: the CMS editor offers 从 Word 导入 (admin/word/) and
   * `npm run import:docx --collection` accepts the collection.
   */
  wordImport?: boolean;
  /** Fields in the order editors see them. The common fields come first. */
  fields: Record<string, Field>;
}

/** The 文号 rule: the pattern and the fix an editor reads when a value breaks it. */
export const DOC_NUMBER_RULE = {
  regex: DOC_NUMBER_PATTERN,
  message: '文号应为“机关代字〔年份〕序号号”，例如 望妇发〔2024〕1号（括号用〔〕）',
};

/** Fields every collection has. */
const commonFields = {
  title: {
    type: 'string',
    label: '标题',
    hint: '完整标题，简短、把要点放在前面。',
    required: true,
  },
  /**
   * A short ASCII name chosen when the entry is created in the CMS, which makes its file name
   * and URL `<date>-<code>` (see admin/build/config.ts). Entries written by hand need not set it.
   */
  code: {
    type: 'string',
    label: '网址简称',
    hint: '新建时填写几个小写拼音或英文单词，用连字符连接，例如 zuimei-jiating，它会成为网址的一部分；留空则自动生成。保存后再改不会改变网址。',
    pattern: {
      regex: SLUG_PATTERN,
      message: '只能用小写英文字母、数字和连字符（-），例如 zuimei-jiating',
    },
  },
  date: {
    type: 'date',
    label: '发布日期',
    hint: '在本网站发布的日期，格式 YYYY-MM-DD，例如 2024-03-08。不要倒填日期。',
    required: true,
    unconfirmedField: 'dateUnconfirmed',
    warnIfFuture: true,
  },
  dateUnconfirmed: {
    type: 'boolean',
    label: '发布日期待核实',
    hint: '原文没有写明日期、这里的日期只是估计时勾选；页面会在日期旁显示“日期待核实”。核实后取消勾选。',
    default: false,
  },
  updated: {
    type: 'date',
    label: '最后更新',
    hint: '内容有实质修改时填写修改日期，不早于发布日期；没有修改就留空。',
    notBefore: 'date',
    warnIfFuture: true,
  },
  summary: {
    type: 'string',
    label: '摘要',
    hint: '一句话概括，显示在列表和搜索结果中。',
    multiline: true,
    search: { text: 10 },
  },
  tags: {
    type: 'tags',
    label: '标签',
    hint: '几个关键词，用于“相关内容”，例如 家庭教育、维权。',
  },
  draft: {
    type: 'boolean',
    label: '草稿',
    hint: '勾选后不会发布：不生成页面，也不出现在列表、订阅和搜索中。',
    default: false,
  },
  sample: {
    type: 'boolean',
    label: '示例内容',
    hint: '虚构的演示内容才勾选；页面会显示“示例内容”提示，正式上线前必须删除。',
    default: false,
  },
} satisfies Record<string, Field>;

/** Shared by stories and news: a cover photo and its alt text. */
const coverFields = {
  cover: {
    type: 'image',
    label: '封面图片',
    hint: '横幅照片，放在条目旁或栏目的 images 文件夹，例如 ./images/photo.jpg。',
    altField: 'coverAlt',
    show: { cover: true },
  },
  coverAlt: {
    type: 'alt',
    label: '封面图片替代文字',
    hint: '用一句话描述照片内容，供看不见图片的读者使用；设置了封面就必须填写。',
    imageField: 'cover',
  },
} satisfies Record<string, Field>;

/** 街镇: where a person or a work comes from. */
const townField = {
  type: 'string',
  label: '街镇',
  hint: '所在街道或镇，例如 月亮岛街道、桥驿镇。',
  search: { text: 6, filter: 3 },
  show: { facts: 3 },
} satisfies StringField;

export const NOTICE_KINDS = ['通知', '公告', '政策文件', '政策解读'] as const;
export const VALIDITY = ['现行有效', '已修订', '已废止'] as const;
export const JIAFENG_FORMS = ['征文', '书法', '绘画', '摄影', '视频', '其他'] as const;
export const DEFAULT_ISSUER = '长沙市望城区妇女联合会';

export const model = {
  notices: {
    label: '通知公告',
    labelSingular: '通知',
    description: '望城区妇联发布的通知、公告、政策文件和政策解读。',
    slugFallback: 'tongzhi',
    wordImport: true,
    fields: {
      ...commonFields,
      // The common date, plus its row in the 信息公开 table (the key keeps its place).
      date: { ...commonFields.date, show: { docInfo: 5 } },
      kind: {
        type: 'enum',
        label: '类型',
        hint: '通知、公告、政策文件或政策解读。',
        options: NOTICE_KINDS,
        default: '通知',
        search: { text: 3, filter: 1 },
        show: { listTag: true },
      },
      docNumber: {
        type: 'docNumber',
        label: '文号',
        hint: '发文字号，用六角括号，例如 望妇发〔2024〕1号；没有文号就留空。',
        search: { text: 1, meta: 'doc' },
        show: { docInfo: 3 },
      },
      issuer: {
        type: 'string',
        label: '发布机构',
        hint: '发文单位全称。',
        default: DEFAULT_ISSUER,
        search: { text: 2 },
        show: { byline: true, docInfo: 2, signature: 1 },
      },
      writtenDate: {
        type: 'date',
        label: '成文日期',
        hint: '文件落款日期，格式 YYYY-MM-DD；不知道就留空。填写后，正文末尾会像原件一样显示落款（发布机构和成文日期）。',
        show: { docInfo: 4, signature: 2 },
      },
      indexNo: {
        type: 'string',
        label: '索引号',
        hint: '政府信息公开索引号，没有就留空。',
        show: { docInfo: 1 },
      },
      topic: {
        type: 'string',
        label: '主题分类',
        hint: '例如 妇女儿童、家庭教育、综合政务。',
        show: { docInfo: 6 },
      },
      validity: {
        type: 'enum',
        label: '有效性',
        hint: '文件被修订或废止后改为“已修订”或“已废止”，并填写“替代文件”。',
        options: VALIDITY,
        default: '现行有效',
        show: { docInfo: 7 },
      },
      supersededBy: {
        type: 'reference',
        label: '替代文件',
        hint: '已修订或已废止时，填写取代它的通知的文件名（slug）。',
        collection: 'notices',
        requires: { field: 'validity', oneOf: ['已修订', '已废止'] },
      },
      interprets: {
        type: 'reference',
        label: '解读的政策',
        hint: '类型为“政策解读”时，填写被解读的政策文件的文件名（slug）。',
        collection: 'notices',
        requires: { field: 'kind', oneOf: ['政策解读'] },
      },
      attachments: {
        type: 'attachments',
        label: '附件',
        hint: '上传 PDF、Word、Excel 等文件，并为每个附件写上名称。',
      },
    },
  },
  measures: {
    label: '女性人才八项措施',
    labelSingular: '措施',
    description: '望城区妇联激励关爱女性人才八项措施。',
    slugFallback: 'cuoshi',
    numberedBy: 'order',
    fields: {
      ...commonFields,
      order: {
        type: 'number',
        label: '序号',
        hint: '第几项措施，1 到 8，不能与其他已发布措施重复。',
        required: true,
        min: 1,
        max: 8,
        unique: true,
      },
      audience: {
        type: 'string',
        label: '适用对象',
        hint: '哪些人可以申请或受益。',
        multiline: true,
        show: { facts: 1 },
      },
      contact: {
        type: 'string',
        label: '咨询方式',
        hint: '咨询的部门和电话；只写真实、核实过的电话。',
        multiline: true,
        show: { facts: 2 },
      },
    },
  },
  stories: {
    label: '典型风采',
    labelSingular: '典型',
    description: '巾帼建功、最美家庭、执委先进事迹等先进典型。',
    slugFallback: 'dianxing',
    fields: {
      ...commonFields,
      person: {
        type: 'string',
        label: '人物或家庭',
        hint: '典型人物的姓名或家庭名称，例如 张某某家庭。',
        required: true,
        search: { text: 4 },
        show: { facts: 1 },
      },
      honor: {
        type: 'string',
        label: '荣誉称号',
        hint: '例如 望城区最美家庭、巾帼建功标兵。',
        search: { text: 5 },
        show: { facts: 2 },
      },
      town: townField,
      ...coverFields,
    },
  },
  jiafeng: {
    label: '家风作品',
    labelSingular: '作品',
    description: '家风作品展：征文、书法、绘画、摄影和视频作品。',
    slugFallback: 'zuopin',
    fields: {
      ...commonFields,
      author: {
        type: 'string',
        label: '作者',
        hint: '作者姓名或家庭名称。',
        required: true,
        search: { text: 7 },
        show: { facts: 1 },
      },
      form: {
        type: 'enum',
        label: '作品形式',
        hint: '征文、书法、绘画、摄影、视频或其他。',
        options: JIAFENG_FORMS,
        required: true,
        search: { text: 8, filter: 2 },
        show: { facts: 2 },
      },
      town: townField,
      image: {
        type: 'image',
        label: '作品图片',
        hint: '书法、绘画、摄影作品的图片，放在栏目的 images 文件夹。',
        altField: 'imageAlt',
      },
      imageAlt: {
        type: 'alt',
        label: '作品图片替代文字',
        hint: '写明作者、题材和画面内容；设置了图片就必须填写。',
        imageField: 'image',
      },
      video: {
        type: 'url',
        label: '视频地址',
        hint: '视频作品的完整网址（https://…）。',
      },
      transcript: {
        type: 'string',
        label: '释文或文字稿',
        hint: '书法作品的释文，或视频里说的话，供看不见或听不见的读者使用。',
        multiline: true,
      },
    },
  },
  news: {
    label: '工作动态',
    labelSingular: '动态',
    description: '望城区各级妇联组织的工作动态。',
    slugFallback: 'dongtai',
    wordImport: true,
    fields: {
      ...commonFields,
      source: {
        type: 'string',
        label: '来源',
        hint: '稿件来源，例如 望城区妇联、月亮岛街道妇联。',
        show: { byline: true },
      },
      ...coverFields,
    },
  },
} as const satisfies Record<CollectionName, CollectionModel>;

/** The collections' names. Declared as a type because fields refer to collections (references); `model` must have exactly these. */
export type CollectionName = 'notices' | 'measures' | 'stories' | 'jiafeng' | 'news';

/** The collections in the order the navigation shows them: the model's order. */
export const COLLECTIONS = Object.keys(model) as readonly CollectionName[];

/** Standalone pages (`content/pages/*.mdx`), served at `/<slug>/`. Developers edit them, not the CMS. */
export const pageFields = {
  title: commonFields.title,
  summary: commonFields.summary,
  updated: commonFields.updated,
  /** Shown in the header navigation when set; lower numbers first. */
  navOrder: {
    type: 'number',
    label: '导航顺序',
    hint: '出现在页头导航中的位置；不在导航中显示就留空。',
    min: 1,
    max: 20,
  },
} as const satisfies Record<string, Field>;

/**
 * Site settings (`content/settings/site.yml`): what the footer and the about page print.
 * An empty value is hidden on the site, never replaced by an invented one.
 */
export const settingsFields = {
  siteName: {
    type: 'string',
    label: '网站名称',
    hint: '显示在页头和浏览器标题中。',
    required: true,
  },
  organization: {
    type: 'string',
    label: '主办单位',
    hint: '页脚“主办单位”后面的名称。',
    required: true,
  },
  address: {
    type: 'string',
    label: '地址',
    hint: '办公地址；不确定就留空，网站上不会显示。',
  },
  postcode: {
    type: 'string',
    label: '邮编',
    hint: '六位邮政编码；不确定就留空。',
    pattern: { regex: /^\d{6}$/, message: '邮编应为六位数字，例如 410200' },
  },
  phone: {
    type: 'string',
    label: '办公电话',
    hint: '对外公布的办公电话，例如 0731-88888888；只写核实过的号码，不确定就留空。',
  },
  email: {
    type: 'string',
    label: '电子邮箱',
    hint: '对外公布的邮箱；不确定就留空。',
    pattern: { regex: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: '邮箱格式应为 name@example.cn' },
  },
  officeHours: {
    type: 'string',
    label: '办公时间',
    hint: '例如 周一至周五 8:30—12:00，14:30—17:30；不确定就留空。',
  },
  correctionUrl: {
    type: 'string',
    label: '我要纠错链接',
    hint: '读者报告错误的地址，可以是 mailto: 邮箱链接或网页地址；留空则使用上面的邮箱。',
  },
  wechatName: {
    type: 'string',
    label: '微信公众号名称',
    hint: '例如 望城妇联。',
  },
  wechatUrl: {
    type: 'url',
    label: '微信公众号链接',
    hint: '公众号文章或主页的网址；留空则只显示名称和二维码。',
  },
  wechatQr: {
    type: 'string',
    label: '微信公众号二维码',
    hint: '二维码图片，放在 public/uploads/ 中，写 /uploads/文件名；留空则不显示。',
    publicFile: true,
  },
  channelsName: {
    type: 'string',
    label: '视频号名称',
    hint: '例如 望城妇联。',
  },
  channelsQr: {
    type: 'string',
    label: '视频号二维码',
    hint: '二维码图片，放在 public/uploads/ 中，写 /uploads/文件名；留空则不显示。',
    publicFile: true,
  },
  icp: {
    type: 'string',
    label: 'ICP备案号',
    hint: '例如 湘ICP备XXXXXXXX号-1。只填工信部核发的真实备案号；没有就留空，页脚不显示。',
  },
  publicSecurity: {
    type: 'string',
    label: '公安备案号',
    hint: '例如 湘公网安备 43012202000000号。只填真实号码；没有就留空。',
  },
  siteCode: {
    type: 'string',
    label: '网站标识码',
    hint: '政府网站标识码，如已分配则填写；没有就留空。',
  },
} as const satisfies Record<string, Field>;

/**
 * Search settings (`content/settings/search.yml`), editable in the CMS: synonyms that widen
 * a query which finds too little.
 */
export const searchSettingsFields = {
  synonyms: {
    type: 'termGroups',
    label: '搜索同义词',
    hint: '每组写两个以上意思相同或相关的词。搜索结果太少时，会用同组的其他词扩大搜索，例如 两癌、宫颈癌、乳腺癌。',
  },
  fuzzyPinyin: {
    type: 'boolean',
    label: '提示模糊音',
    hint: '勾选后，搜不到时会按输入法的模糊音（z/zh、c/ch、s/sh、n/l、f/h、an/ang、en/eng、in/ing）提示“您是不是要找”。只作提示，不会替读者改词。',
    default: true,
  },
} as const satisfies Record<string, Field>;

/**
 * Wording settings (`content/settings/wording.yml`), editable in the CMS: formulations the
 * editors add to the reviewed list in `src/lib/wording/formulations.ts`. A near-miss of one of
 * these is a warning, not an error, so one hasty addition can never block a deploy.
 */
export const wordingSettingsFields = {
  formulations: {
    type: 'tags',
    label: '规范表述（编辑补充）',
    hint: '必须一字不差的名称或提法，每条至少五个字、不含逗号和顿号，例如 望城区家庭教育联席会议。写错一个字或同音字时，检查会提醒（只提醒，不阻止发布）。要成为“必须改正才能发布”的规范表述，请联系网站维护人员加入审核清单。',
  },
} as const satisfies Record<string, Field>;

/** A collection's model as the general `CollectionModel` (its optional settings readable on any collection). */
export function collectionModel(collection: CollectionName): CollectionModel {
  return model[collection];
}

/** The fields a collection declares, by name, as the plain `Field` records derivations read. */
export function fieldsOf(collection: CollectionName): Record<string, Field> {
  return model[collection].fields;
}
