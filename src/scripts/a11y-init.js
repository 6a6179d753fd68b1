/*
 * Applies the saved 无障碍 settings to <html> before the first paint, so pages don't jump from
 * small to large text. A classic blocking script because the CSP forbids inline script and
 * modules run after parsing; plain ES5 for old WebViews. Same key as a11y-toolbar.ts.
 */
(function () {
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
