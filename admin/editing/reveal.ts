/**
 * The reveal half of ./missing-field.ts: a lazy chunk, loaded on the first refused save, so the
 * admin's first load carries only the watcher.
 */
import { t } from '../../src/i18n/index.ts';

const NOTICE_ID = 'fl-save-refused';
/** Decap's markup: `<label for="…">发布日期</label><ul><li>…error…</li></ul>` in each field's top bar. */
const ERROR_ITEM = 'label[for] + ul > li';

/** The first field the form marks with an error, in page order. */
export function firstFieldWithError(root: ParentNode = document) {
  const item = root.querySelector<HTMLLIElement>(ERROR_ITEM);
  const label = item?.parentElement?.previousElementSibling;
  if (!item || !(label instanceof HTMLLabelElement)) return undefined;
  // The label's first text is the field's name; a span after it says (可选).
  const name = (label.firstChild?.textContent ?? label.textContent ?? '').trim();
  return { label, name, message: (item.textContent ?? '').trim() };
}

function showNotice(text: string): void {
  let notice = document.getElementById(NOTICE_ID);
  if (!notice) {
    notice = document.createElement('div');
    notice.id = NOTICE_ID;
    notice.setAttribute('role', 'alert');
    // The admin's own page: inline styles are allowed there (Decap needs them too).
    Object.assign(notice.style, {
      position: 'fixed',
      left: '50%',
      bottom: '24px',
      transform: 'translateX(-50%)',
      maxWidth: 'min(90vw, 640px)',
      padding: '12px 16px',
      background: '#8c1d18',
      color: '#fff',
      fontSize: '16px',
      lineHeight: '1.5',
      borderRadius: '6px',
      boxShadow: '0 2px 8px rgba(0,0,0,.3)',
      zIndex: '400',
    });
    document.body.append(notice);
  }
  notice.textContent = text;
  notice.hidden = false;
  window.clearTimeout(Number(notice.dataset['timer']));
  notice.dataset['timer'] = String(window.setTimeout(() => (notice.hidden = true), 12_000));
}

/** Scrolls to the first field with an error and names it; false when there is none. */
export function revealFirstError(): boolean {
  const found = firstFieldWithError();
  if (!found) return false;
  found.label.scrollIntoView({ block: 'center' });
  const control = document.getElementById(found.label.htmlFor);
  control?.focus({ preventScroll: true });
  // The field's own error message stays under its label; this names the field only.
  showNotice(t('admin.save.refused', { field: found.name }));
  return true;
}
