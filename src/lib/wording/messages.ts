/**
 * What a near-miss is called, in the words the content check prints and the CMS shows when
 * it refuses a save: one text for both, so an editor reads the same sentence everywhere.
 */
import { QUOTE_MARKER } from './formulations.ts';
import type { NearMiss } from './matcher.ts';

/** How each kind of slip is described to the editor. */
const KIND_TEXT: Record<NearMiss['kind'], string> = {
  homophone: '有同音字写错',
  substituted: '错了一个字',
  missing: '少了一个字',
  extra: '多了一个字',
};

/** The wrong text as the editor reads it: line breaks inside it removed. */
export function shownText(found: string): string {
  return found.replace(/\s*\n\s*/g, '');
}

/** A near-miss as a problem: its severity and `what is wrong — what to write instead`. */
export function wordingMessage(miss: NearMiss): { severity: 'error' | 'warning'; message: string } {
  const found = shownText(miss.found);
  if (miss.quoted) {
    return {
      severity: 'warning',
      message: `“${found}”标注了${QUOTE_MARKER}，按引用原文的错误处理 — 请审核人确认确实是在引用错误（规范表述为“${miss.expected}”）`,
    };
  }
  if (miss.level === 'warning') {
    return {
      severity: 'warning',
      message: `“${found}”与编辑补充的规范表述“${miss.expected}”相比${KIND_TEXT[miss.kind]} — 如是笔误请改为“${miss.expected}”；不是笔误可以不改`,
    };
  }
  return {
    severity: 'error',
    message: `“${found}”与规范表述“${miss.expected}”相比${KIND_TEXT[miss.kind]} — 请改为“${miss.expected}”；如确是引用原文的错误（例如更正启事），在其后紧接着写${QUOTE_MARKER}`,
  };
}
