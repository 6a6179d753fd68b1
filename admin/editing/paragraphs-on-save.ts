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
import { BODY_FIELD } from '../constants.ts';

type EntryData = ImmutableMap<string, unknown>;

/**
 * The transform is a lazy chunk, requested as soon as the admin starts: it is not part of the
 * admin's first load (the budget for these helpers is 3 KB gzip), and it is there long before
 * the first save or preview.
 */
const loading = import('../../src/lib/paragraphs.ts');
let loaded: ((markdown: string) => string) | undefined;
void loading.then((module) => (loaded = module.paragraphsFollowEnter));

/** For the preview, which renders synchronously: the body as it will be saved, once loaded. */
export function previewParagraphs(markdown: string): string {
  return loaded ? loaded(markdown) : markdown;
}

/** The entry data to save instead, or `undefined` when nothing changes. */
export async function withParagraphs(data: EntryData): Promise<EntryData | undefined> {
  const body = data.get(BODY_FIELD);
  if (typeof body !== 'string') return undefined;
  const { paragraphsFollowEnter } = await loading;
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
