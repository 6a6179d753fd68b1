/**
 * `npm run report:freshness [--today=YYYY-MM-DD]`: lists the sections that have gone longer
 * without an update than the national website inspection allows (2 weeks for 工作动态 and the
 * home page, 6 months for 通知公告), judged in Beijing time. Warnings only: it always exits 0.
 */
import { checkContent } from '../../src/content/check/index.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { contentRoot, publicRoot } from '../../src/content/paths.ts';
import { todayInChina } from '../../src/lib/dates.ts';
import { formatStale, staleSections } from '../../src/lib/freshness.ts';

const today = /^--today=(\d{4}-\d{2}-\d{2})$/.exec(process.argv[2] ?? '')?.[1] ?? todayInChina();
const result = checkContent({ rootDir: process.cwd(), contentDir: contentRoot(), publicDir: publicRoot(), today });
const latest: Record<string, string | undefined> = {};
for (const collection of COLLECTIONS) {
  const dates = (result.files.get(collection) ?? [])
    .filter((file) => !file.data['draft'])
    .flatMap((file) => [file.data['date'], file.data['updated']])
    .filter((date): date is string => typeof date === 'string' && date <= today);
  latest[collection] = dates.sort().at(-1);
}
const stale = staleSections(latest, today);
for (const section of stale) console.log(formatStale(section));
console.log(
  `栏目更新检查（按北京时间 ${today}）：${stale.length} 个栏目超过检查期限。${stale.length ? '这些只是提醒，不影响构建。' : ''}`,
);
