/**
 * The one script every page loads. It only enhances: with JavaScript off every page still
 * reads, navigates and prints (through the browser's own menu).
 */

/** Reveal the print buttons, which need script to work. */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-fl-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
