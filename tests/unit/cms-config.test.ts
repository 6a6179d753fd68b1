/**
 * The CMS config agrees with the content model, field by field: if someone adds, renames or
 * changes a field in src/content/model.ts and the CMS would not offer or validate it the same
 * way, this fails. Also the backend choice from CMS_* variables and the admin's Chinese.
 */
import type { CmsCollection, CmsField } from 'decap-cms-core';
import { describe, expect, it } from 'vitest';
import { BackendConfigError, backendFromEnv } from '../../admin/build/backend.ts';
import { cmsConfig } from '../../admin/build/config.ts';
import { WIDGETS } from '../../admin/constants.ts';
import { english, phraseKeys, zhHans } from '../../admin/locale.ts';
import { relativeImagePath, splitTerms } from '../../admin/widgets.ts';
import {
  ATTACHMENT_NAME_PATTERN,
  DATE_PATTERN,
  IMAGE_PATH_PATTERN,
  SLUG_PATTERN,
  UPLOADS_PUBLIC_PATH,
  URL_PATTERN,
} from '../../src/lib/patterns.ts';
import {
  COLLECTIONS,
  DOC_NUMBER_RULE,
  model,
  searchSettingsFields,
  settingsFields,
  wordingSettingsFields,
  type Field,
} from '../../src/content/model.ts';
import { buildSchema } from '../../src/content/schema.ts';

const config = cmsConfig({ backend: backendFromEnv({}) });
const collection = (name: string) => config.collections.find((c) => c.name === name) as CmsCollection;
/** A Decap field as a plain record, to read widget-specific options. */
type AnyField = CmsField & Record<string, unknown>;

/** The widget each model type must become. */
const WIDGET_OF: Record<Field['type'], string> = {
  string: 'string',
  docNumber: 'string',
  date: WIDGETS.date,
  boolean: 'boolean',
  number: 'number',
  enum: 'select',
  tags: WIDGETS.terms,
  url: 'string',
  image: WIDGETS.image,
  alt: WIDGETS.alt,
  reference: 'relation',
  attachments: 'list',
  termGroups: 'list',
};

/** Asserts that `fields` (from the CMS) declare exactly the model's `modelFields`, the same way. */
function expectSameFields(cms: CmsField[], modelFields: Record<string, Field>): void {
  // Same names in the same order: Decap writes front-matter keys in this order.
  expect(cms.map((f) => f.name)).toEqual(Object.keys(modelFields));
  for (const raw of cms) {
    const field = raw as AnyField;
    const source = modelFields[field.name]!;
    const where = `field ${field.name}`;
    expect(field.label, where).toBe(source.label);
    expect(field.hint, where).toBe(source.hint);
    expect(field.required, where).toBe(source.required === true);
    const widget = source.type === 'string' && source.multiline ? 'text' : WIDGET_OF[source.type];
    expect(field.widget, where).toBe(widget);
    expect(field['default'], where).toEqual('default' in source ? source.default : undefined);
    if (source.type === 'enum') expect(field['options'], where).toEqual([...source.options]);
    if (source.type === 'string') {
      expect(field.pattern?.[0], where).toBe(source.pattern?.regex.source);
      expect(field.pattern?.[1], where).toBe(source.pattern?.message);
    }
    if (source.type === 'docNumber')
      expect(field.pattern, where).toEqual([DOC_NUMBER_RULE.regex.source, DOC_NUMBER_RULE.message]);
    if (source.type === 'date') {
      expect(field.pattern?.[0], where).toBe(DATE_PATTERN.source);
      expect(field, where).toMatchObject({ date_format: 'YYYY-MM-DD', time_format: false, format: 'YYYY-MM-DD' });
    }
    if (source.type === 'number')
      expect(field, where).toMatchObject({ min: source.min, max: source.max, value_type: 'int' });
    if (source.type === 'url') expect(field.pattern?.[0], where).toBe(URL_PATTERN.source);
    if (source.type === 'image') expect(field.pattern?.[0], where).toBe(IMAGE_PATH_PATTERN.source);
    if (source.type === 'alt') expect(field['image_field'], where).toBe(source.imageField);
    if (source.type === 'reference')
      expect(field, where).toMatchObject({ collection: source.collection, value_field: '{{slug}}' });
  }
}

describe('the CMS config', () => {
  it('offers every entry collection and the settings, and leaves the MDX pages out', () => {
    expect(config.collections.map((c) => c.name)).toEqual([...COLLECTIONS, 'settings']);
    expect(JSON.stringify(config)).not.toContain('content/pages');
  });

  it.each(COLLECTIONS)('declares every field of %s exactly as the model does, then the body', (name) => {
    const fields = collection(name).fields!;
    expectSameFields(fields.slice(0, -1), model[name].fields);
    expect(fields.at(-1)).toMatchObject({ name: 'body', widget: WIDGETS.body, required: true, sanitize_preview: true });
    expect(collection(name)).toMatchObject({
      label: model[name].label,
      folder: `content/${name}`,
      format: 'yaml-frontmatter',
      media_folder: 'images',
      public_folder: './images',
    });
  });

  it('declares every settings field exactly as the model does', () => {
    const [site, search, wording] = collection('settings').files!;
    expect(site).toMatchObject({ file: 'content/settings/site.yml' });
    expectSameFields(site!.fields, settingsFields);
    expect(search).toMatchObject({ file: 'content/settings/search.yml' });
    expectSameFields(search!.fields, searchSettingsFields);
    expect(wording).toMatchObject({ file: 'content/settings/wording.yml' });
    expectSameFields(wording!.fields, wordingSettingsFields);
  });

  it('writes dates the model accepts, exactly YYYY-MM-DD', () => {
    expect(DATE_PATTERN.test('2024-03-08')).toBe(true);
    const notices = collection('notices').fields as AnyField[];
    const updated = notices.find((f) => f.name === 'updated')!;
    expect(updated).toMatchObject({ not_before: 'date', not_before_label: model.notices.fields.date.label });
  });

  it('stores images where the model and Astro expect them, relative to the entry', () => {
    for (const name of COLLECTIONS) {
      expect(collection(name)).toMatchObject({ media_folder: 'images', public_folder: './images' });
    }
    // Decap's path join turns ./images + photo.jpg into images/photo.jpg; the widget restores ./
    expect(relativeImagePath('images/zhao-pian.jpg')).toBe('./images/zhao-pian.jpg');
    expect(IMAGE_PATH_PATTERN.test(relativeImagePath('images/zhao-pian.jpg') as string)).toBe(true);
    for (const kept of ['./images/a.jpg', '../images/a.jpg', '/uploads/a.jpg', 'https://x.cn/a.jpg', '']) {
      expect(relativeImagePath(kept)).toBe(kept);
    }
  });

  it('uploads attachments to public/uploads and writes paths the model accepts', () => {
    const attachments = (collection('notices').fields as AnyField[]).find((f) => f.name === 'attachments')!;
    const file = (attachments['fields'] as AnyField[]).find((f) => f.name === 'file')!;
    expect(file).toMatchObject({ widget: 'file', media_folder: '/public/uploads', public_folder: '/uploads' });
    const schema = buildSchema(model.notices.fields);
    const notice = (name: string) => ({
      title: '通知',
      date: '2024-03-08',
      attachments: [{ title: '表', file: `${UPLOADS_PUBLIC_PATH}${name}` }],
    });
    for (const name of ['baomingbiao.pdf', '报名表-2024.docx', 'tongji.xlsx']) {
      expect(ATTACHMENT_NAME_PATTERN.test(name), name).toBe(true);
      expect(schema.safeParse(notice(name)).success, name).toBe(true);
    }
    for (const name of ['photo.jpg', 'a b.pdf', 'run.exe']) {
      expect(ATTACHMENT_NAME_PATTERN.test(name), name).toBe(false);
    }
  });

  it('names new entries <date>-<code>, in ASCII, with a fallback when the code is empty', () => {
    for (const name of COLLECTIONS) {
      expect(collection(name).slug).toBe(`{{fields.date}}-{{fields.code | default('${model[name].slugFallback}')}}`);
      expect(SLUG_PATTERN.test(`2024-03-08-${model[name].slugFallback}`)).toBe(true);
      // Decap appends -1, -2… when the name is taken.
      expect(SLUG_PATTERN.test(`2024-03-08-${model[name].slugFallback}-1`)).toBe(true);
    }
  });

  it('turns the editorial workflow on, except for Gitea, which rejects it', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    const gitea = backendFromEnv({
      CMS_BACKEND: 'gitea',
      CMS_REPO: 'a/b',
      CMS_BASE_URL: 'https://git.example.cn',
      CMS_APP_ID: 'x',
    });
    expect(cmsConfig({ backend: gitea }).publish_mode).toBeUndefined();
  });
});

describe('the backend, chosen by CMS_* variables', () => {
  it('uses the local decap-server when nothing is configured', () => {
    const local = backendFromEnv({});
    expect(local.backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' });
    expect(local.origins).toEqual(['http://127.0.0.1:8081']);
  });

  it('configures a self-hosted Forgejo with its API and the editorial workflow', () => {
    const forgejo = backendFromEnv({
      CMS_BACKEND: 'forgejo',
      CMS_REPO: 'fulian/site',
      CMS_BASE_URL: 'https://git.example.cn/',
      CMS_APP_ID: 'abc',
      CMS_BRANCH: 'release',
    });
    expect(forgejo.backend).toMatchObject({
      name: 'forgejo',
      repo: 'fulian/site',
      branch: 'release',
      api_root: 'https://git.example.cn/api/v1',
      app_id: 'abc',
    });
    expect(forgejo.editorialWorkflow).toBe(true);
    expect(forgejo.origins).toEqual(['https://git.example.cn']);
  });

  it('configures GitHub through an OAuth proxy and GitLab with PKCE', () => {
    const github = backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://oauth.example.cn' });
    expect(github.backend).toMatchObject({
      name: 'github',
      base_url: 'https://oauth.example.cn',
      auth_endpoint: 'auth',
    });
    expect(github.origins).toEqual(['https://oauth.example.cn', 'https://api.github.com']);
    const gitlab = backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'a/b', CMS_APP_ID: 'id' });
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', auth_type: 'pkce', api_root: 'https://gitlab.com/api/v4' });
  });

  it('refuses an incomplete configuration, naming the missing variable in Chinese', () => {
    expect(() =>
      backendFromEnv({ CMS_BACKEND: 'forgejo', CMS_BASE_URL: 'https://git.example.cn', CMS_APP_ID: 'x' }),
    ).toThrow(/CMS_BACKEND=forgejo 需要设置 CMS_REPO/);
    expect(() => backendFromEnv({ CMS_BACKEND: 'bitbucket' })).toThrow(BackendConfigError);
    expect(() => backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_BASE_URL: 'oauth.example.cn' })).toThrow(
      /不是完整网址/,
    );
  });
});

describe('the admin in Chinese', () => {
  it('translates every string Decap has', () => {
    const chinese = new Set(phraseKeys(zhHans));
    expect(phraseKeys(english).filter((key) => !chinese.has(key))).toEqual([]);
  });

  it('names the workflow columns 草稿, 待审核 and 待发布', () => {
    const workflow = (zhHans['workflow'] as Record<string, Record<string, string>>)['workflowList']!;
    expect([workflow['draftHeader'], workflow['inReviewHeader'], workflow['readyHeader']]).toEqual([
      '草稿',
      '待审核',
      '待发布',
    ]);
  });

  it('splits tags and synonyms at Chinese and English commas and 、', () => {
    expect(splitTerms('家庭教育，维权、 两癌,12338；')).toEqual(['家庭教育', '维权', '两癌', '12338']);
  });
});
