/**
 * Dates as the site handles them: plain `YYYY-MM-DD` strings, never Date objects, so a
 * build in any time zone prints the same day the editor wrote.
 */

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (no 2024-02-30). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** `2024-03-08` → `2024年3月8日`, the form Chinese readers expect. */
export function formatDateZh(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The year of a `YYYY-MM-DD` date, as a number. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

/** Today in China (UTC+8) as `YYYY-MM-DD`: "future" and "stale" are judged by Beijing time. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
