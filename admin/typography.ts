/**
 * Chinese typography in the CMS preview: the house style (src/lib/typography.ts) with
 * AutoCorrect's WebAssembly build (`@huacnlee/autocorrect`), the same rules as
 * `npm run fix:content` and the content check's warnings. Suggestions only: they never refuse
 * a save.
 *
 * The wasm file (about 3 MB, served from the site like the rest of the admin bundle, never a
 * CDN) is fetched the first time a preview asks, not when the admin opens; the admin's CSP
 * allows compiling it (`'wasm-unsafe-eval'`, src/build/csp.ts). The package's own entry imports
 * the wasm as an ES module, which Vite does not bundle, so it is instantiated here from its
 * URL with the package's JavaScript glue.
 */
import { changeExcerpt, HOUSE_STYLE, lintFile, type TypographyChange } from '../src/lib/typography.ts';

let loading: Promise<(text: string) => string> | undefined;

/** AutoCorrect's format, configured to the house style; loaded on first use. */
export function loadFormat(): Promise<(text: string) => string> {
  loading ??= (async () => {
    const [glue, { default: url }] = await Promise.all([
      import('@huacnlee/autocorrect/autocorrect_bg.js'),
      import('@huacnlee/autocorrect/autocorrect_bg.wasm?url'),
    ]);
    const bytes = await (await fetch(url)).arrayBuffer();
    const { instance } = await WebAssembly.instantiate(bytes, {
      './autocorrect_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports['__wbindgen_start'] as (() => void) | undefined)?.();
    glue.loadConfig(JSON.stringify(HOUSE_STYLE));
    return (text: string) => glue.format(text);
  })();
  return loading;
}

/** One suggestion, as the preview lists it. */
export interface TypographySuggestion {
  /** The field's Chinese label (标题, 摘要, 正文). */
  label: string;
  /** For the body, the line in it (1-based). */
  line?: number;
  before: string;
  after: string;
}

/** The suggestions for an entry's title, summary and body (what `npm run fix:content` looks at). */
export function suggestionsOf(
  format: (text: string) => string,
  labels: Readonly<Record<string, string>>,
  data: Readonly<Record<string, unknown>>,
): TypographySuggestion[] {
  const found: TypographySuggestion[] = [];
  const add = (label: string, change: TypographyChange, line?: number) =>
    found.push({ label, ...(line === undefined ? {} : { line }), ...changeExcerpt(change) });
  for (const field of ['title', 'summary']) {
    const value = data[field];
    if (typeof value !== 'string' || value.includes('\n')) continue;
    for (const change of lintFile(format, value).changes) add(labels[field] ?? field, change);
  }
  const body = data['body'];
  // After an empty first line, so a body that opens with a --- rule is not taken for front matter.
  if (typeof body === 'string')
    for (const change of lintFile(format, `\n${body}`).changes) add('正文', change, change.line - 1);
  return found;
}
