/*
 * Runs before the first paint, so nothing on the page jumps: marks <html> `fl-supported` when
 * the browser can run the site's module script (GOV.UK's `govuk-frontend-supported`), which
 * shows the controls that need it (.fl-needs-js), and applies the saved 无障碍 settings.
 * A classic blocking script because the CSP forbids inline script and modules run after
 * parsing; plain ES5 for old WebViews. Same storage key as elder-mode-toolbar.ts.
 */
(function () {
  if ('noModule' in HTMLScriptElement.prototype && window.customElements) {
    document.documentElement.className += ' fl-supported';
  }
  try {
    var saved = JSON.parse(localStorage.getItem('fl-a11y') || '{}');
    var names = ['text', 'contrast', 'spacing'];
    for (var i = 0; i < names.length; i++) {
      if (typeof saved[names[i]] === 'string') {
        document.documentElement.setAttribute('data-fl-' + names[i], saved[names[i]]);
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
  } catch (e) {
    // Storage blocked or unreadable: the page keeps its default look.
  }
})();
