/**
 * UI strings. Every word a citizen reads that is not content lives in `zh-CN.json`,
 * under flat dotted keys (Starlight's translations/zh-CN.json pattern).
 */
import strings from './zh-CN.json';

export type UIKey = keyof typeof strings;

/**
 * The string for `key`, with `{name}` placeholders filled from `vars`.
 * A missing variable is a programming error, so it throws rather than printing `{name}`.
 */
export function t(key: UIKey, vars: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`t('${key}'): missing variable {${name}}`);
    return String(value);
  });
}

/** Whether a key built at run time has a string (so a caller can fall back to, say, a field's label). */
export function hasString(key: string): key is UIKey {
  return key in strings;
}

/** Keys built at run time (e.g. per 有效性 value) are checked here, not trusted. */
export function tDynamic(key: string, vars: Record<string, string | number> = {}): string {
  if (!(key in strings)) throw new Error(`Unknown UI string key: ${key}`);
  return t(key as UIKey, vars);
}
