/** `report:freshness`: which sections an inspection would fail on a given day in Beijing. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/lib/dates.ts';
import { addMonths, formatStale, staleSections } from '../../src/lib/freshness.ts';
import { ROOT } from '../support/paths.ts';

const report = (latest: Record<string, string | undefined>, today: string) =>
  staleSections(latest, today).map(formatStale);

describe('section freshness', () => {
  it('allows news 2 weeks and notices 6 months, to the day', () => {
    const latest = { news: '2026-11-15', notices: '2026-05-29', stories: '2026-01-01' };
    expect(report(latest, '2026-11-29')).toEqual([]);
    expect(report(latest, '2026-11-30')).toEqual([
      '[警告] 首页 — 最近一次更新是 2026-11-15，已经 15 天，超过 2 周 — 网站检查要求首页 2 周内有更新，请发布新内容',
      '[警告] 工作动态（content/news/） — 最近一次更新是 2026-11-15，已经 15 天，超过 2 周 — 网站检查要求这个栏目 2 周内有更新，请发布新内容',
      '[警告] 通知公告（content/notices/） — 最近一次更新是 2026-05-29，已经 185 天，超过 6 个月 — 网站检查要求这个栏目 6 个月内有更新，请发布新内容',
    ]);
  });

  it('judges the home page by the newest entry of any section, and flags empty sections', () => {
    expect(report({ news: undefined, notices: '2026-11-20', stories: '2026-01-01' }, '2026-11-29')).toEqual([
      '[警告] 工作动态（content/news/） — 栏目是空的；检查把空栏目算作不合格 — 请发布第一篇内容',
    ]);
    expect(report({ news: '2026-10-01', notices: '2026-10-01' }, '2026-11-29')[0]).toBe(
      '[警告] 首页 — 最近一次更新是 2026-10-01，已经 59 天，超过 2 周 — 网站检查要求首页 2 周内有更新，请发布新内容',
    );
  });

  it('counts calendar months, clamping to the end of a short month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });

  it('uses the day in Beijing: 23:30 UTC on 14 November is already 15 November there', () => {
    const latest = { news: '2026-10-31', notices: '2026-11-10' };
    expect(todayInChina(new Date('2026-11-14T23:30:00Z'))).toBe('2026-11-15');
    expect(report(latest, todayInChina(new Date('2026-11-14T23:30:00Z')))).toEqual([
      expect.stringContaining('[警告] 工作动态（content/news/） — 最近一次更新是 2026-10-31，已经 15 天'),
    ]);
    expect(report(latest, todayInChina(new Date('2026-11-14T15:59:00Z')))).toEqual([]);
  });

  it('reports on the real content as warnings and exits 0', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/build/report-freshness.ts'), '--today=2025-01-10'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    // The newest sample news is of 2024-12-05; the newest notice of 2024-04-10.
    expect(result.stdout).toContain(
      '[警告] 工作动态（content/news/） — 最近一次更新是 2024-12-05，已经 36 天，超过 2 周',
    );
    expect(result.stdout).toContain(
      '[警告] 通知公告（content/notices/） — 最近一次更新是 2024-04-10，已经 275 天，超过 6 个月',
    );
    expect(result.stdout).toContain('栏目更新检查（按北京时间 2025-01-10）：3 个栏目超过检查期限。');
  }, 20_000);
});
