/** Pagefind's program, as its build writes it. */
export const PAGEFIND_URL = '/pagefind/pagefind.js';

/**
 * The search page's first script, inline in <head>: starts Pagefind (its program, then its
 * worker, wasm and metadata) while the rest of the page (stylesheets, the search script, which
 * waits for them) still loads. search-engine.ts imports the same URL and so gets this same,
 * already started module; the search it sends finds Pagefind ready instead of starting it.
 *
 * Inline, allowed by its hash in the CSP (src/build/csp.ts): as a file, its own request came
 * first, and Pagefind's waited for it. A string, so that everything that hashes it hashes the
 * same bytes. A browser without import() fails to parse it and loses nothing, since
 * search-engine.ts starts Pagefind itself.
 */
export const SEARCH_BOOT = `import(${JSON.stringify(PAGEFIND_URL)})
  .then(function (pagefind) { return pagefind.init(); })
  .catch(function () { /* search-engine.ts tries again and shows the error if it fails too. */ });`;
