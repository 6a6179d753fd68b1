/*
 * The search page's first script, in <head> and async: starts Pagefind (its program, then its
 * worker, wasm and metadata) while the rest of the page (stylesheets, the search script, which
 * waits for them) still loads. search-engine.ts imports the same URL and so gets this same,
 * already started module; the search it sends finds Pagefind ready instead of starting it.
 * A classic script because the CSP forbids inline script; a browser without import() fails to
 * parse it and loses nothing, since search-engine.ts starts Pagefind itself.
 */
(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute('data-pagefind');
  if (!url) return;
  import(url)
    .then(function (pagefind) {
      return pagefind.init();
    })
    .catch(function () {
      // search-engine.ts tries again and shows the error if it fails too.
    });
})();
