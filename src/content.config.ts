/**
 * Astro collections, derived from the content model. Nothing here declares a field:
 * add or change fields in `src/content/model.ts`.
 */
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  model,
  pageFields,
  searchSettingsFields,
  settingsFields,
  type CollectionName,
  type Field,
} from './content/model.ts';
import { contentRoot } from './content/paths.ts';
import { buildSchema } from './content/schema.ts';

/** The folder of one collection, as a file URL so a fixture folder outside the project works too. */
const base = (folder: string) => pathToFileURL(`${contentRoot()}/${folder}/`);

/**
 * One Markdown file per entry, `content/<name>/<slug>.md`; the file name is the slug. Astro
 * calls the schema function once per entry, to hand it that entry's `image()` helper;
 * `buildSchema` shares everything but the image step between entries.
 */
function entryCollection<Fs extends Record<string, Field>>(name: CollectionName, fields: Fs) {
  return defineCollection({
    loader: glob({ pattern: '*.md', base: base(name) }),
    schema: ({ image }) => buildSchema(fields, image),
  });
}

/** The same for a collection without image fields: one schema, no per-entry call. */
function imagelessCollection<Fs extends Record<string, Field>>(name: CollectionName, fields: Fs) {
  if (Object.values(fields).some((field) => field.type === 'image')) {
    throw new Error(`${name} has an image field: define it with entryCollection()`);
  }
  return defineCollection({
    loader: glob({ pattern: '*.md', base: base(name) }),
    schema: buildSchema(fields),
  });
}

export const collections = {
  notices: imagelessCollection('notices', model.notices.fields),
  measures: imagelessCollection('measures', model.measures.fields),
  stories: entryCollection('stories', model.stories.fields),
  jiafeng: entryCollection('jiafeng', model.jiafeng.fields),
  news: entryCollection('news', model.news.fields),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: base('pages') }),
    schema: buildSchema(pageFields),
  }),
  settings: defineCollection({
    loader: glob({ pattern: 'site.yml', base: base('settings') }),
    schema: buildSchema(settingsFields),
  }),
  searchSettings: defineCollection({
    loader: glob({ pattern: 'search.yml', base: base('settings') }),
    schema: buildSchema(searchSettingsFields),
  }),
};
