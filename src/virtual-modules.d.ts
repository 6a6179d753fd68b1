/**
 * Modules generated at build time from the content model (src/integrations/model-modules.ts),
 * so browser code gets what it needs of the model without bundling `src/content/model.ts`.
 *
 * `import()` types, because an `import` statement would make this file a module, and a module
 * can only augment modules that exist.
 */
/* eslint-disable @typescript-eslint/consistent-type-imports */

declare module 'virtual:fl/search' {
  /** The sections a search can be narrowed to: the model's collections, in its order. */
  export const SECTIONS: readonly import('./content/model.ts').CollectionName[];
  /** A filter of the search page: 栏目, 年份, then each field with `search.filter`. */
  export type FilterName = string;
  /** The search page's filters in the order the form shows them. */
  export const FILTERS: readonly FilterName[];
}

declare module 'virtual:fl/fields' {
  /** Every collection's label and fields, without hints and patterns: what the CMS preview reads of the model. */
  const model: import('./lib/fields.ts').BrowserModel;
  export default model;
}

declare module 'virtual:fl/wording' {
  /** The homophones of every character of the reviewed formulations, for the wording guard in the CMS. */
  const homophones: import('./lib/wording/matcher.ts').HomophoneTable;
  export default homophones;
  /** The editors' additions (content/settings/wording.yml) at build time: a near-miss of one warns. */
  export const additions: readonly string[];
}
