/**
 * Sanitising the HTML of Markdown bodies, at build time.
 *
 * Why: editors' files arrive through the CMS, by hand or from an import script, and an
 * editor's account can be phished. Astro 7 renders Markdown with Sätteri, which passes raw
 * HTML and `javascript:` links through unchanged, so without this step a `<script>` or an
 * `onerror` written into a notice would run on the federation's site.
 *
 * How: Sätteri parses raw HTML into real elements (`features.rawHtml`), then this hast
 * plugin replaces the whole tree with a copy cleaned by `hast-util-sanitize` (the sanitiser
 * behind rehype-sanitize, GitHub's rules) against the allow-list below. Anything not on the
 * list is dropped: an unknown element is unwrapped (its text stays), a dangerous one is
 * removed with its content, and every attribute not listed is removed, so nothing hostile
 * reaches the page even as an inert-looking attribute.
 *
 * The allow-list (also in docs/security.md):
 * - text: p, br, hr, h1–h6, blockquote, ul, ol (start), li, dl, dt, dd, pre, code
 * - inline: a (href, title), strong, b, em, i, s, del, ins, mark, small, sub, sup,
 *   abbr (title), q
 * - tables: table, caption, colgroup, col (span), thead, tbody, tfoot, tr,
 *   th (scope, colspan, rowspan), td (colspan, rowspan); Markdown's column alignment
 *   becomes a class, because the strict CSP forbids `style` attributes
 * - images: img (src, alt, title, width, height)
 * - GFM footnotes and task lists, as Sätteri writes them (section.footnotes, ids that
 *   start with `user-content-`, disabled checkboxes)
 *
 * Links may be relative or use http, https, mailto or tel; image sources must be relative
 * (the CSP allows no other host). `javascript:`, `data:`, `vbscript:` and every other
 * scheme are removed. Removed with their content: script, style, iframe (the federation
 * uses no video host, so none is allowed), object, embed, form and its controls, svg,
 * math, template, noscript, textarea, select, title. Comments are removed.
 *
 * Fast path: most news is plain prose. A document whose source has none of the characters
 * that can start raw HTML, an entity, a link, an image, a footnote, a table or a code fence
 * (see `needsSanitizing`) can only become allow-listed elements with allow-listed
 * attributes, which the sanitiser would copy unchanged; such documents skip it. Copying the
 * tree cost about 4 s of a 5,000-article build (npm run bench:build, 2026-11-29), and a unit
 * test checks that plain documents render the same either way.
 *
 * MDX pages (`content/pages/*.mdx`) are not sanitised: they are developer-owned code
 * (components, imports), kept out of the CMS and reviewed like code.
 */
import type { Nodes, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';

/** One allowed attribute: a name, or a name and the only values it may take. */
type PropertyDefinition = NonNullable<Schema['attributes']>[string][number];

/** Columns aligned with `:--:` in a Markdown table get one of these classes instead of a style. */
export const ALIGN_CLASSES = { left: 'fl-align-left', center: 'fl-align-center', right: 'fl-align-right' } as const;

const alignValues = Object.values(ALIGN_CLASSES);
const ALIGN_STYLE = /^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$/i;
/** Ids Sätteri gives footnotes, prefixed so they can't clobber the page's own ids. */
const FOOTNOTE_ID = /^user-content-fn(ref)?-[\w-]+$/;

/** Elements whose content is removed with them: code, styles, embedded documents, forms. */
export const STRIPPED_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'button',
  'select',
  'textarea',
  'option',
  'svg',
  'math',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'title',
  'xmp',
  'plaintext',
  'canvas',
  'audio',
  'video',
  'dialog',
];

/** The allow-list: element → the attributes (hast property names) it may keep. */
export const ALLOWED: Record<string, PropertyDefinition[]> = {
  p: [],
  br: [],
  hr: [],
  h1: [],
  h2: [
    ['id', 'footnote-label'],
    ['className', 'sr-only'],
  ],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: [['className', 'contains-task-list']],
  ol: ['start', ['className', 'contains-task-list']],
  li: [
    ['id', FOOTNOTE_ID],
    ['className', 'task-list-item'],
  ],
  dl: [],
  dt: [],
  dd: [],
  pre: [],
  code: [['className', /^language-[\w-]+$/]],
  a: [
    'href',
    'title',
    ['id', FOOTNOTE_ID],
    'dataFootnoteRef',
    'dataFootnoteBackref',
    ['className', 'data-footnote-backref'],
    ['ariaDescribedBy', 'footnote-label'],
    'ariaLabel',
  ],
  strong: [],
  b: [],
  em: [],
  i: [],
  s: [],
  del: [],
  ins: [],
  mark: [],
  small: [],
  sub: [],
  sup: [],
  abbr: ['title'],
  q: [],
  table: [],
  caption: [],
  colgroup: ['span'],
  col: ['span'],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  // `style` survives only as a text-align, and `cleanHast` turns it into a class.
  th: ['scope', 'colSpan', 'rowSpan', ['className', ...alignValues], ['style', ALIGN_STYLE]],
  td: ['colSpan', 'rowSpan', ['className', ...alignValues], ['style', ALIGN_STYLE]],
  img: ['src', 'alt', 'title', 'width', 'height'],
  section: ['dataFootnotes', ['className', 'footnotes']],
  input: [['type', 'checkbox'], ['disabled', true], 'checked'],
};

/** The hast-util-sanitize schema built from the allow-list. Every key is set: no GitHub default leaks in. */
export const SANITIZE_SCHEMA: Schema = {
  tagNames: Object.keys(ALLOWED),
  attributes: ALLOWED,
  ancestors: {
    tbody: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    caption: ['table'],
    colgroup: ['table'],
    col: ['table'],
    li: ['ul', 'ol'],
    dt: ['dl'],
    dd: ['dl'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    // `cleanHast` then keeps local sources only: the public CSP loads no image from another
    // host. (An empty list here would mean "any protocol" to hast-util-sanitize.)
    src: ['http', 'https'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  strip: STRIPPED_ELEMENTS,
  // Ids are allowed only in Sätteri's prefixed forms above, so nothing needs re-prefixing.
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** A URL with a scheme (`https:`) or a host (`//example.com`): not a file of this site. */
const NOT_LOCAL = /^(?:[a-z][a-z\d+.-]*:|[\\/]{2})/i;

/**
 * After sanitising: Markdown table alignment (`style="text-align: center"`) becomes a class,
 * an image from another host loses its source, and a link whose address was removed becomes
 * plain text (it would look like a link that does nothing).
 */
function finish(node: Nodes): void {
  if ('children' in node) {
    node.children = node.children.flatMap((child) =>
      child.type === 'element' && child.tagName === 'a' && child.properties['href'] === undefined
        ? child.children
        : [child],
    );
  }
  if (node.type === 'element' && node.tagName === 'img') {
    const src = node.properties['src'];
    if (typeof src === 'string' && NOT_LOCAL.test(src.trim())) delete node.properties['src'];
  }
  if (node.type === 'element' && (node.tagName === 'th' || node.tagName === 'td')) {
    const style = node.properties['style'];
    const match = typeof style === 'string' ? ALIGN_STYLE.exec(style) : null;
    if (match) {
      const side = match[1]!.toLowerCase() as keyof typeof ALIGN_CLASSES;
      node.properties['className'] = [ALIGN_CLASSES[side]];
      delete node.properties['style'];
    }
  }
  if ('children' in node) for (const child of node.children) finish(child);
}

/** Returns a clean copy of a hast tree: only allow-listed elements, attributes and URLs. */
export function cleanHast(tree: Readonly<Root>): Root {
  // sanitize() builds a new tree and never changes its input (Sätteri's is read-only).
  const clean = sanitize(tree, SANITIZE_SCHEMA);
  const root: Root = clean.type === 'root' ? clean : { type: 'root', children: [clean] };
  finish(root);
  return root;
}

/**
 * What in a Markdown source can build markup the allow-list would change: `<` (raw HTML,
 * comments, autolinks), `&` (entities, which can spell any character), `[` (links, images,
 * footnotes, task lists, link definitions), `|` (tables, whose alignment is a style), code
 * fences (a language class) and `scheme:` (a bare URL). Conservative on purpose: a source
 * that merely mentions one of these is sanitised as usual.
 */
const NEEDS_SANITIZING = /[<&[|]|```|~~~|[a-z][a-z\d+.-]*:/i;

/** Whether a Markdown source must go through the sanitiser (see the module comment). */
export function needsSanitizing(source: string): boolean {
  return NEEDS_SANITIZING.test(source);
}

/** Sätteri's hast plugin shape, as far as this module uses it. */
interface HastPlugin {
  name: string;
  before: (root: Readonly<Root>, ctx: { replaceNode: (node: Readonly<Root>, replacement: Root) => void }) => void;
}

/** The Sätteri hast plugin that replaces a document's tree with its clean copy. */
export const SANITIZE_PLUGIN: HastPlugin = {
  name: 'fl-sanitize',
  before(root, ctx) {
    ctx.replaceNode(root, cleanHast(root));
  },
};

/**
 * The site's plugin factory: Markdown documents get the clean tree, unless their source is
 * plain (`needsSanitizing`); MDX documents are left alone (see the module comment). Pass it
 * in `markdown.processor: satteri({ hastPlugins })`.
 */
export function sanitizeMarkdown(context: { sourceFormat: string; source: string }): HastPlugin | null {
  if (context.sourceFormat !== 'markdown' || !needsSanitizing(context.source)) return null;
  return SANITIZE_PLUGIN;
}
