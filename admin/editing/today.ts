/**
 * A new entry's 发布日期 starts as today, Beijing time (the first save used to stop at an empty
 * required date). The config marks such dates `default_today` (admin/build/config.ts); the
 * admin fills in the day when it loads, not when the site was built. A field default, rather
 * than a widget setting its value, leaves a new entry unchanged until the editor types, so
 * leaving it asks nothing; a prefilled value (从 Word 导入) still wins.
 */
import type { CmsConfig } from 'decap-cms-core';
import { todayInChina } from '../../src/lib/dates.ts';

interface FieldLike {
  default_today?: boolean;
  default?: unknown;
  fields?: FieldLike[];
}

/** `config` with each `default_today` field's default set to `today` (YYYY-MM-DD). */
export function withTodayDefaults(config: CmsConfig, today: string = todayInChina()): CmsConfig {
  const visit = (fields: FieldLike[] | undefined) => {
    for (const field of fields ?? []) {
      if (field.default_today) field.default = today;
      visit(field.fields);
    }
  };
  for (const collection of config.collections) {
    visit(collection.fields as FieldLike[] | undefined);
    for (const file of collection.files ?? []) visit(file.fields as FieldLike[]);
  }
  return config;
}
