/**
 * The wording guard where editors work: the same matcher as the content check
 * (src/lib/wording/), over the reviewed formulations, with the homophone table made at build
 * time (`virtual:fl/wording`). It refuses a save that holds a near-miss of a reviewed
 * formulation (Decap's `preSave` event: a handler that throws stops the save and shows its
 * message), and the preview marks each near-miss in place (./previews/wording.ts).
 *
 * Editors' additions (content/settings/wording.yml, as it was when the admin was built) are
 * matched too: a near-miss of one is shown as a warning in the preview and never refuses a
 * save, as in the content check. Loaded only by the admin bundle, so public pages never
 * download it.
 */
import type { CMS } from 'decap-cms-core';
import type { Map as ImmutableMap } from 'immutable';
import model from 'virtual:fl/fields';
import homophones, { additions } from 'virtual:fl/wording';
import { t } from '../src/i18n/index.ts';
import { entryNearMisses, type FieldNearMiss } from '../src/lib/wording/entry.ts';
import { LOOK_ALIKES, QUOTE_MARKER, REVIEWED } from '../src/lib/wording/formulations.ts';
import { createMatcher } from '../src/lib/wording/matcher.ts';
import { shownText } from '../src/lib/wording/messages.ts';

/** The matcher over the reviewed list (errors) and the editors' additions (warnings). */
export const matcher = createMatcher({
  targets: [
    ...REVIEWED.map((formulation) => ({ text: formulation.text, level: 'error' as const })),
    ...additions.map((text) => ({ text, level: 'warning' as const })),
  ],
  lookAlikes: LOOK_ALIKES,
  homophones,
  quoteMarker: QUOTE_MARKER,
});

/** The near-misses in an entry of `collection` (its text fields, then its body). */
export function nearMissesOf(collection: string, data: Record<string, unknown>): FieldNearMiss[] {
  const fields = collection in model ? model[collection as keyof typeof model].fields : {};
  const body = typeof data['body'] === 'string' ? data['body'] : undefined;
  return entryNearMisses(matcher, fields, data, body);
}

/** The near-misses that refuse a save: of reviewed formulations, not marked （原文如此）. */
export function blocking(misses: readonly FieldNearMiss[]): FieldNearMiss[] {
  return misses.filter(({ miss }) => !miss.quoted && miss.level === 'error');
}

/** One near-miss, in a line the editor reads. */
export function describe({ label, miss }: FieldNearMiss): string {
  const key = miss.quoted
    ? 'wording.notice.quoted'
    : miss.level === 'warning'
      ? 'wording.notice.addition'
      : 'wording.notice.item';
  return t(key, {
    label,
    found: shownText(miss.found),
    expected: miss.expected,
  });
}

/** Registers the `preSave` handler that refuses a save with a near-miss of a reviewed formulation. */
export function registerWordingGuard(cms: CMS): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: ImmutableMap<string, unknown> }) => {
      const data = (entry.get('data') as ImmutableMap<string, unknown> | undefined)?.toJS() ?? {};
      const refused = blocking(nearMissesOf(String(entry.get('collection')), data));
      if (refused.length > 0) throw new Error(t('wording.refused', { items: refused.map(describe).join('；') }));
      return undefined;
    },
  });
}
