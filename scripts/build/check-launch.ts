/**
 * `npm run check:launch`: what must be true before the site goes public. Fails while any
 * sample (illustrative) content remains, so a launch can't ship invented people or policy
 * by mistake. Dates still marked 日期待核实 and empty contact settings are warnings.
 */
import { checkContent, formatProblem, type Problem } from '../../src/content/check/index.ts';
import { COLLECTIONS, fieldsOf } from '../../src/content/model.ts';
import { contentRoot, publicRoot } from '../../src/content/paths.ts';

const result = checkContent({ rootDir: process.cwd(), contentDir: contentRoot(), publicDir: publicRoot() });
const problems: Problem[] = [...result.errors];
for (const collection of COLLECTIONS) {
  const fields = fieldsOf(collection);
  // The flag beside the publication date that says it is a guess (日期待核实).
  const date = fields['date'];
  const unconfirmed = date?.type === 'date' ? date.unconfirmedField : undefined;
  for (const file of result.files.get(collection) ?? []) {
    if (file.data['sample']) {
      problems.push({
        severity: 'error',
        file: file.file,
        line: file.lineOf('sample'),
        field: 'sample',
        label: fields['sample']?.label,
        message: '这是示例内容，不能随正式网站发布 — 请删除这个文件，或换成真实内容后删去 sample: true',
      });
    }
    if (unconfirmed && file.data[unconfirmed]) {
      problems.push({
        severity: 'warning',
        file: file.file,
        line: file.lineOf(unconfirmed),
        field: unconfirmed,
        label: fields[unconfirmed]?.label,
        message: `发布日期还没有核实 — 核实后改正 date，并删去 ${unconfirmed}: true`,
      });
    }
  }
}
const settings = result.files.get('settings')?.[0];
for (const key of ['address', 'phone', 'email', 'icp'] as const) {
  if (settings && !settings.data[key]) {
    problems.push({
      severity: 'warning',
      file: settings.file,
      line: settings.lineOf(key),
      field: key,
      message: '网站设置中这一项还是空的，页面上不会显示 — 上线前请填写核实过的信息',
    });
  }
}
if (!process.env['SITE_URL']) {
  problems.push({
    severity: 'warning',
    file: 'SITE_URL',
    message: '没有设置正式网址 — 发布构建时请设置 SITE_URL，否则没有 sitemap-index.xml、rss.xml 和规范网址',
  });
}
for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === 'error').length;
console.log(`上线检查：${errors} 个错误，${problems.length - errors} 个警告。${errors > 0 ? '还不能上线。' : ''}`);
process.exitCode = errors > 0 ? 1 : 0;
