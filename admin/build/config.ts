/**
 * The Decap CMS configuration, generated from the content model (`src/content/model.ts`).
 *
 * Nothing here lists a field by hand: every field of every collection becomes a widget with
 * the model's Chinese label and hint, the same required/optional rule, options, pattern and
 * default. Declaring every field matters because saving an entry makes Decap rewrite the
 * whole file: a field without a widget gets no validation and is only kept by accident.
 * `tests/unit/cms-config.test.ts` fails if this config and the model ever disagree.
 *
 * The admin page builds this at build time and hands it to the browser as JSON, so it holds
 * only plain data: patterns are strings, as Decap compiles them with `new RegExp(source)`.
 */
import type { CmsCollection, CmsCollectionFile, CmsConfig, CmsField } from 'decap-cms-core';
import {
  COLLECTIONS,
  collectionModel,
  DOC_NUMBER_RULE,
  model,
  searchSettingsFields,
  settingsFields,
  wordingSettingsFields,
  type CollectionName,
  type Field,
} from '../../src/content/model.ts';
import { keysOfType } from '../../src/lib/fields.ts';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_NAME_PATTERN,
  DATE_PATTERN,
  IMAGE_PATH_PATTERN,
  UPLOADS_PUBLIC_PATH,
  URL_PATTERN,
} from '../../src/lib/patterns.ts';
import { BODY_FIELD, WIDGETS } from '../constants.ts';
import type { BackendSettings } from './backend.ts';

/**
 * The file-name template of new entries: the publication date plus the editor's short code,
 * e.g. `2024-03-08-zuimei-jiating`. Only ASCII: decap-server in git mode can't read back
 * non-ASCII file names, and Chinese titles would collapse to empty or identical slugs.
 * `{{fields.date}}` is used rather than `{{year}}-{{month}}-{{day}}`, which Decap computes in
 * UTC from local midnight and so writes the previous day for editors in China (UTC+8).
 */
export function slugTemplate(collection: CollectionName): string {
  return `{{fields.date}}-{{fields.code | default('${model[collection].slugFallback}')}}`;
}

/** Decap compiles patterns without flags; `u` changes nothing for the model's patterns (BMP only). */
function pattern(regex: RegExp, message: string): [string, string] {
  return [regex.source, message];
}

/** Where attachments are stored in the repository, and the address they are served at. */
const UPLOADS_URL = UPLOADS_PUBLIC_PATH.replace(/\/$/, '');
const UPLOADS_FOLDER = `public${UPLOADS_URL}`;

/** Options every date widget shares: a date picker that writes exactly YYYY-MM-DD. */
const dateOptions = { date_format: 'YYYY-MM-DD', time_format: false, format: 'YYYY-MM-DD' } as const;

/** A field for one of our widgets (WIDGETS): Decap's types know only its own widgets' options. */
function custom(field: CmsField | Record<string, unknown>): CmsField {
  return field as unknown as CmsField;
}

/** One model field as a Decap widget; `fields` is its field set, for rules between fields. */
export function cmsField(name: string, field: Field, fields: Record<string, Field> = {}): CmsField {
  const base = { name, label: field.label, hint: field.hint, required: field.required === true };
  switch (field.type) {
    case 'docNumber':
      return { ...base, widget: 'string', pattern: pattern(DOC_NUMBER_RULE.regex, DOC_NUMBER_RULE.message) };
    case 'string':
      return {
        ...base,
        widget: field.multiline ? 'text' : 'string',
        ...(field.pattern ? { pattern: pattern(field.pattern.regex, field.pattern.message) } : {}),
        ...(field.default !== undefined ? { default: field.default } : {}),
      };
    case 'date':
      return custom({
        ...base,
        widget: WIDGETS.date,
        ...dateOptions,
        // A required date (发布日期) starts as today, Beijing time, in a new entry: the admin
        // sets the default when it loads (admin/editing/today.ts), not when the site is built.
        ...(field.required ? { default_today: true } : {}),
        pattern: pattern(DATE_PATTERN, '请用日期选择器选择，或写成 2024-03-08 这样的形式'),
        // Not earlier than another date (`notBefore`: updated and date; the rule in schema.ts).
        ...(field.notBefore && fields[field.notBefore]
          ? { not_before: field.notBefore, not_before_label: fields[field.notBefore]!.label }
          : {}),
      });
    case 'boolean':
      return { ...base, widget: 'boolean', default: field.default };
    case 'number':
      return { ...base, widget: 'number', value_type: 'int', min: field.min, max: field.max, step: 1 };
    case 'enum':
      return {
        ...base,
        widget: 'select',
        options: [...field.options],
        ...(field.default !== undefined ? { default: field.default } : {}),
      };
    case 'tags':
      return custom({ ...base, widget: WIDGETS.terms });
    case 'url':
      return { ...base, widget: 'string', pattern: pattern(URL_PATTERN, '请写以 https:// 开头的完整网址') };
    case 'image':
      return custom({
        ...base,
        widget: WIDGETS.image,
        choose_url: false,
        pattern: pattern(IMAGE_PATH_PATTERN, '请上传 jpg、png、webp 或 avif 图片，文件名里不要有空格'),
      });
    case 'alt':
      return custom({
        ...base,
        widget: WIDGETS.alt,
        image_field: field.imageField,
        image_label: fields[field.imageField]?.label ?? field.imageField,
      });
    case 'reference':
      return {
        ...base,
        widget: 'relation',
        collection: field.collection,
        value_field: '{{slug}}',
        // Editors find a notice by its title or its 文号.
        search_fields: ['title', ...keysOfType(model[field.collection].fields, 'docNumber')],
        display_fields: ['title'],
      };
    case 'attachments':
      return {
        ...base,
        widget: 'list',
        label_singular: '附件',
        summary: '{{fields.title}}',
        collapsed: false,
        fields: [
          { name: 'title', label: '附件名称', hint: '读者看到的名称，例如 推荐表。', widget: 'string', required: true },
          {
            name: 'file',
            label: '文件',
            hint: `上传 ${ATTACHMENT_EXTENSIONS.join('、')} 文件。`,
            widget: 'file',
            required: true,
            choose_url: false,
            media_folder: `/${UPLOADS_FOLDER}`,
            public_folder: UPLOADS_URL,
            pattern: pattern(
              ATTACHMENT_NAME_PATTERN,
              `只能上传 ${ATTACHMENT_EXTENSIONS.join('、')} 文件；文件名里不要有空格`,
            ),
          },
        ],
      };
    case 'termGroups':
      return {
        ...base,
        widget: 'list',
        label_singular: '同义词组',
        summary: '{{fields.terms}}',
        collapsed: false,
        fields: [
          custom({
            name: 'terms',
            label: '同义词',
            hint: '两个以上的词，用逗号或顿号隔开，例如 两癌、宫颈癌、乳腺癌。',
            widget: WIDGETS.terms,
            required: true,
            min: 2,
          }),
        ],
      };
  }
}

/** Every field of a field set, in the model's order (Decap writes keys in this order). */
export function cmsFields(fields: Record<string, Field>): CmsField[] {
  return Object.entries(fields).map(([name, field]) => cmsField(name, field, fields));
}

/** The Markdown body below the front matter (admin/word/body-widget.ts). */
function bodyField(name: CollectionName): CmsField {
  return custom({
    name: BODY_FIELD,
    label: '正文',
    hint: '文章正文，右边显示效果。按一次回车就是新的一段；“## ”开头的一行是小标题；“- ”开头的是列表。从 Word、WPS 或网页粘贴时会自动整理格式。',
    widget: WIDGETS.body,
    required: true,
    // Decap's Markdown preview is not sanitised by default: raw HTML in a body would run in the admin.
    sanitize_preview: true,
    ...(collectionModel(name).wordImport ? { word_import: true, slug_fallback: model[name].slugFallback } : {}),
  });
}

/** One entry collection: `content/<name>/<slug>.md`. */
function entryCollection(name: CollectionName): CmsCollection {
  const collection = model[name];
  return {
    name,
    label: collection.label,
    label_singular: collection.labelSingular,
    description: collection.description,
    folder: `content/${name}`,
    extension: 'md',
    format: 'yaml-frontmatter',
    create: true,
    slug: slugTemplate(name),
    identifier_field: 'title',
    // With SITE_URL set, Decap's 查看发布 link opens the entry's page on the site.
    preview_path: `${name}/{{slug}}/`,
    summary: '{{date}}　{{title}}',
    sortable_fields: [{ field: 'date', default_sort: 'desc' }, 'title'],
    // Images live in the collection's images/ folder and are written relative to the entry
    // (./images/photo.jpg), which is what Astro's image() and the model's IMAGE_PATH_PATTERN need.
    media_folder: 'images',
    public_folder: './images',
    fields: [...cmsFields(collection.fields), bodyField(name)],
  };
}

/** The settings files, edited as one Decap file collection. */
function settingsCollection(): CmsCollection {
  const files: CmsCollectionFile[] = [
    {
      name: 'site',
      label: '网站信息',
      description: '页脚的主办单位、联系方式、备案号和公众号。不确定的内容留空，网站上不会显示。',
      file: 'content/settings/site.yml',
      fields: cmsFields(settingsFields),
    },
    {
      name: 'search',
      label: '搜索同义词',
      description: searchSettingsFields.synonyms.hint,
      file: 'content/settings/search.yml',
      fields: cmsFields(searchSettingsFields),
    },
    {
      name: 'wording',
      label: '规范表述',
      description: wordingSettingsFields.formulations.hint,
      file: 'content/settings/wording.yml',
      fields: cmsFields(wordingSettingsFields),
    },
  ];
  return { name: 'settings', label: '网站设置', delete: false, editor: { preview: false }, files };
}

export interface CmsConfigOptions {
  backend: BackendSettings;
  /** The public site address (SITE_URL), shown as a link in the admin header. */
  siteUrl?: string | undefined;
}

/** The whole Decap config. `content/pages/` (MDX) is deliberately absent: a save would break MDX. */
export function cmsConfig({ backend, siteUrl }: CmsConfigOptions): CmsConfig {
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: backend.backend as unknown as CmsConfig['backend'],
    ...(backend.localBackend ? { local_backend: backend.localBackend } : {}),
    ...(backend.editorialWorkflow ? { publish_mode: 'editorial_workflow' as const } : {}),
    ...(siteUrl ? { site_url: siteUrl, display_url: siteUrl } : {}),
    logo: { src: '/favicon.svg' },
    // Attachments: public/uploads/, served as /uploads/. Collections override this for images.
    media_folder: UPLOADS_FOLDER,
    public_folder: UPLOADS_URL,
    // Unicode keeps Chinese upload names readable (推荐表.pdf); ASCII would turn them into
    // "-.pdf" and make different files collide. Entry file names are ASCII by construction
    // (slugTemplate), so this affects uploads only.
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-' },
    collections: [...COLLECTIONS.map(entryCollection), settingsCollection()],
  };
}
