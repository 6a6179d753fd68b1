/**
 * A refused save names the field and brings it into view.
 *
 * When a required field is empty, Decap refuses the save with a toast, 你漏掉了一个必填项,
 * that names no field, while the field is often out of view (the 发布日期 of a long notice).
 * Decap offers no hook for a refused save, so this watches the page for what a refusal shows:
 * an error toast. It then scrolls the first field with an error to the middle of the editor,
 * puts the cursor in it, and shows a message naming it, which screen readers announce
 * (role="alert").
 */

const ERROR_TOAST = 'Toastify__toast--error';

/** Starts watching; call once when the admin starts. */
export function watchRefusedSaves(): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After React has rendered every field's errors, not just the first.
    requestAnimationFrame(() => {
      scheduled = false;
      void import('./reveal.ts').then(({ revealFirstError }) => revealFirstError());
    });
  };
  // Only the error toast: Decap shows it for every refused save (你漏掉了一个必填项, and a preSave
  // refusal). A field's error list alone is no sign of a save: Decap also shows it while the
  // editor types (a 文号 in the wrong form), and moving the cursor to that field then would
  // send the next keys typed into the body to it.
  const isRefusal = (node: Node) =>
    node instanceof Element && (node.classList.contains(ERROR_TOAST) || node.querySelector(`.${ERROR_TOAST}`) !== null);
  new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes].some(isRefusal))) schedule();
  }).observe(document.body, { childList: true, subtree: true });
  // The notice goes once the editor starts fixing things.
  document.addEventListener('input', () => {
    const notice = document.getElementById('fl-save-refused');
    if (notice) notice.hidden = true;
  });
}
