/**
 * A Vite plugin that generates, from the content model, the small modules browser code
 * imports instead of `src/content/model.ts` (declared in src/virtual-modules.d.ts):
 * - `virtual:fl/search`: the sections and filters of the search page;
 * - `virtual:fl/fields`: each collection's labels and field roles, for the CMS preview;
 * - `virtual:fl/wording`: the homophones of the reviewed formulations' characters, so the CMS
 *   runs the wording guard without a pinyin dictionary (src/lib/wording/matcher.ts), and the
 *   editors' additions (content/settings/wording.yml) as they were at build time, with theirs.
 * So the model stays the one definition, and the search page ships only two short arrays.
 * Used by Astro's build, the CMS bundle's build (src/build/admin-bundle.ts) and Vitest.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parse } from 'yaml';
import { additionsOf } from '../content/check/wording.ts';
import { contentRoot } from '../content/paths.ts';
import { COLLECTIONS, fieldsOf, model, type Field } from '../content/model.ts';
import { filterNames, type BrowserModel, type FieldInfo } from '../lib/fields.ts';
import { REVIEWED } from '../lib/wording/formulations.ts';
import { homophoneTable } from '../build/homophones.ts';

/** What the browser keeps of a field: its type, label, default, options and roles. */
function browserField(field: Field): FieldInfo {
  const kept: FieldInfo = { type: field.type, label: field.label };
  for (const key of ['default', 'options', 'search', 'show', 'altField', 'unconfirmedField'] as const) {
    if (key in field) Object.assign(kept, { [key]: (field as unknown as Record<string, unknown>)[key] });
  }
  return kept;
}

/** The model without hints and patterns. */
export function browserModel(): BrowserModel {
  return Object.fromEntries(
    COLLECTIONS.map((name) => {
      const { label, labelSingular } = model[name];
      const kept = Object.fromEntries(Object.entries(fieldsOf(name)).map(([key, field]) => [key, browserField(field)]));
      return [name, { label, labelSingular, fields: kept }];
    }),
  ) as BrowserModel;
}

/** Each module's source, by id. */
const MODULES: Record<string, () => string> = {
  'virtual:fl/search': () =>
    `export const SECTIONS = ${JSON.stringify(COLLECTIONS)};\nexport const FILTERS = ${JSON.stringify(filterNames(model))};\n`,
  'virtual:fl/fields': () => `export default ${JSON.stringify(browserModel())};\n`,
  'virtual:fl/wording': () => {
    const additions = editorsAdditions();
    const table = homophoneTable([...REVIEWED.map((formulation) => formulation.text), ...additions]);
    return `export default ${JSON.stringify(table)};\nexport const additions = ${JSON.stringify(additions)};\n`;
  },
};

/** The editors' additions in content/settings/wording.yml (none if it is missing or unreadable: the content check reports that). */
function editorsAdditions(): string[] {
  const file = path.join(contentRoot(), 'settings', 'wording.yml');
  try {
    return additionsOf(parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** Vite's convention for virtual modules: a resolved id starts with \0, so no other plugin touches it. */
const RESOLVED = '\0';

export function modelModules(): Plugin {
  return {
    name: 'fl-model-modules',
    resolveId: (id) => (id in MODULES ? RESOLVED + id : undefined),
    load: (id) => (id.startsWith(RESOLVED) ? MODULES[id.slice(RESOLVED.length)]?.() : undefined),
  };
}
