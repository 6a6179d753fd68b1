/**
 * The one script that must run before the first paint, so nothing on the page jumps: it marks
 * <html> `fl-supported` when the browser can run the site's module script (GOV.UK's
 * `govuk-frontend-supported`), which shows the controls that need it (.fl-needs-js), and it
 * applies the saved 无障碍 settings. Same storage key as elder-mode-toolbar.ts.
 *
 * Inline in every page's <head> (BaseLayout), allowed by its hash in the CSP (src/build/csp.ts),
 * because as a file it cost a blocking request before anything else on the page could start:
 * about 50 ms of the search page's first results at 5,000 articles (docs/benchmarks.md). A
 * string, not a function's source, so that every tool that reads it (Vite, Node, the tests)
 * hashes the same bytes. Plain ES5 for old WebViews; one that can't check CSP hashes blocks
 * it and loses nothing, since it can't run the module that saves settings either.
 */
export const ELDER_MODE_INIT = `(function () {
  var root = document.documentElement;
  if ('noModule' in HTMLScriptElement.prototype && window.customElements) {
    root.className += ' fl-supported';
  }
  try {
    var saved = JSON.parse(localStorage.getItem('fl-a11y') || '{}');
    var names = ['text', 'contrast', 'spacing'];
    for (var i = 0; i < names.length; i++) {
      if (typeof saved[names[i]] === 'string') root.setAttribute('data-fl-' + names[i], saved[names[i]]);
    }
  } catch (e) {
    /* Storage blocked or unreadable: the page keeps its default look. */
  }
})();`;
