/**
 * Pasted HTML → clean Markdown: a lazy chunk, loaded on the first rich paste. Only the HTML →
 * Markdown half of the converter (turndown), not mammoth.
 */
import { htmlToMarkdown } from '../../src/lib/word/html-to-markdown.ts';

export function cleanPaste(html: string): { markdown: string; messages: string[] } {
  const { markdown, warnings } = htmlToMarkdown(html);
  return { markdown, messages: warnings };
}
