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

/** One Markdown file per entry, `content/<name>/<slug>.md`; the file name is the slug. */
function entryCollection<Fs extends Record<string, Field>>(name: CollectionName, fields: Fs) {
  return defineCollection({
    loader: glob({ pattern: '*.md', base: base(name) }),
    schema: ({ image }) => buildSchema(fields, image),
  });
}

export const collections = {
  notices: entryCollection('notices', model.notices.fields),
  measures: entryCollection('measures', model.measures.fields),
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
