/**
 * Names the admin page (built by Astro) and the CMS bundle (in the editor's browser) share.
 * Plain constants: the bundle must not import the build-time config code (./build/).
 */

/** The id of the admin page's `<script type="application/json">` that holds the config. */
export const CONFIG_ELEMENT_ID = 'cms-config';

/** Custom widgets registered by `admin/widgets.ts`, for rules Decap can't express in config. */
export const WIDGETS = {
  /** Decap's image widget, writing `./images/x.jpg` rather than `images/x.jpg`. */
  image: 'fl-image',
  /** A string that is required whenever its image field is set. */
  alt: 'fl-alt',
  /** A YYYY-MM-DD date; with `not_before`, not earlier than that field. */
  date: 'fl-date',
  /** A list of words typed on one line, split at Chinese or English commas and 、. */
  terms: 'fl-terms',
  /** Decap's Markdown editor plus 从 Word 导入, clean paste and paragraphs that follow Enter. */
  body: 'fl-body',
} as const;

/** The Markdown body's field name in every entry collection. */
export const BODY_FIELD = 'body';
