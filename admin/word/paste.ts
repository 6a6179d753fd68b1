/**
 * What the body widget decides when something is pasted, before any converter loads: kept
 * small, as it is part of the admin's first load (the conversion itself is a lazy chunk,
 * ./paste-convert.ts).
 */

/** Markup that carries structure or styling worth converting (Word, WPS, a web page). */
const RICH_TAG = /<(?:p|h[1-6]|ul|ol|li|table|tr|td|th|b|strong|i|em|a|br|div|img|span|font|sup)\b/i;

/** True when pasted HTML should be converted to Markdown; plain-text pastes stay as they are. */
export function richHtml(html: string): boolean {
  return html.trim() !== '' && RICH_TAG.test(html);
}

/** The editable root the paste landed in: it outlives the text node the cursor was in. */
export function pasteTarget(target: HTMLElement): HTMLElement {
  return target.closest<HTMLElement>('[contenteditable="true"]') ?? target;
}

/** Decap remembers the editor's mode here: 'raw' (Markdown) or 'rich_text'. */
export function markdownMode(): 'raw' | 'rich_text' {
  return localStorage.getItem('cms.md-mode') === 'rich_text' ? 'rich_text' : 'raw';
}
