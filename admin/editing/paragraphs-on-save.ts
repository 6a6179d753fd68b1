/**
 * Paragraphs follow the Enter key: on every save, the body's single line breaks in prose become
 * paragraph breaks, and lines pasted from a PDF are joined (src/lib/paragraphs.ts has the rules).
 *
 * Decap's `preSave` event is the one place every save passes through, in both editor modes and
 * with or without the editorial workflow; a handler that returns entry data replaces the data
 * that is saved. The preview applies the same transform (see the body widget), so what the
 * editor sees beside the text is what the page will show.
 */
import type { CMS } from 'decap-cms-core';
import type { Map as ImmutableMap } from 'immutable';
import { paragraphsFollowEnter } from '../../src/lib/paragraphs.ts';
import { BODY_FIELD } from '../constants.ts';

type EntryData = ImmutableMap<string, unknown>;

/** The entry data to save instead, or `undefined` when nothing changes. */
export function withParagraphs(data: EntryData): EntryData | undefined {
  const body = data.get(BODY_FIELD);
  if (typeof body !== 'string') return undefined;
  const fixed = paragraphsFollowEnter(body);
  return fixed === body ? undefined : data.set(BODY_FIELD, fixed);
}

/** Registers the `preSave` handler; call before `CMS.init`. */
export function registerParagraphsOnSave(cms: CMS): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: ImmutableMap<string, unknown> }) => withParagraphs(entry.get('data') as EntryData),
  });
}
