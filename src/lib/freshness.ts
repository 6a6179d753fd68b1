/**
 * Section freshness, as national government-website inspections judge it: a news column
 * (动态) not updated for 2 weeks, a notices column (通知公告) for 6 months, a home page for
 * 2 weeks, and any empty column fail the inspection. Judged in Beijing time. The report is
 * advice for editors, never a build error.
 */
import { daysBetween } from './dates.ts';

/** How long a section may go without an update. */
export interface FreshnessRule {
  /** The section, by collection name, or `home` for the newest entry of any section. */
  section: string;
  /** What citizens and inspectors call it. */
  label: string;
  /** The limit: whole days, or calendar months. */
  limit: { days: number } | { months: number };
  /** The limit as people say it. */
  limitText: string;
}

export const FRESHNESS_RULES: readonly FreshnessRule[] = [
  { section: 'home', label: '首页', limit: { days: 14 }, limitText: '2 周' },
  { section: 'news', label: '工作动态', limit: { days: 14 }, limitText: '2 周' },
  { section: 'notices', label: '通知公告', limit: { months: 6 }, limitText: '6 个月' },
];

/** `YYYY-MM-DD` plus `months` calendar months (clamped to the month's last day: 08-31 + 6 → 02-28/29). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export interface StaleSection {
  rule: FreshnessRule;
  /** The newest publication or update date in the section, or undefined when it is empty. */
  latest: string | undefined;
  /** Days since `latest` (undefined when empty). */
  days: number | undefined;
}

/**
 * The sections past their limit on `today`. `latestBySection` holds the newest `date` or
 * `updated` of the published entries of each collection (missing or undefined = empty).
 */
export function staleSections(latestBySection: Record<string, string | undefined>, today: string): StaleSection[] {
  const all = Object.values(latestBySection).filter((date): date is string => date !== undefined);
  const newest = all.sort().at(-1);
  const stale: StaleSection[] = [];
  for (const rule of FRESHNESS_RULES) {
    const latest = rule.section === 'home' ? newest : latestBySection[rule.section];
    if (latest === undefined) {
      stale.push({ rule, latest, days: undefined });
      continue;
    }
    const deadline = 'days' in rule.limit ? addDaysIso(latest, rule.limit.days) : addMonths(latest, rule.limit.months);
    if (today > deadline) stale.push({ rule, latest, days: daysBetween(latest, today) });
  }
  return stale;
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One line per stale section, for editors. */
export function formatStale(stale: StaleSection): string {
  const { rule, latest, days } = stale;
  const where = rule.section === 'home' ? '首页' : `${rule.label}（content/${rule.section}/）`;
  if (latest === undefined) {
    return `[警告] ${where} — 栏目是空的；检查把空栏目算作不合格 — 请发布第一篇内容`;
  }
  return `[警告] ${where} — 最近一次更新是 ${latest}，已经 ${days} 天，超过 ${rule.limitText} — 网站检查要求${rule.label === '首页' ? '首页' : '这个栏目'} ${rule.limitText}内有更新，请发布新内容`;
}
