/**
 * `npm run rollback [-- --dry-run] [-- <release>]`: puts the previous release back live, on the
 * server (DEPLOY_HOST) or in a local DEPLOY_PATH. It first lists what it would restore, and
 * refuses when the older release holds a page taken down or deleted since (deploy/release.sh).
 * On a server without Node, run `sh $DEPLOY_PATH/bin/release.sh rollback` there instead.
 */
import { runRelease, targetFromEnv } from './target.ts';

const args = process.argv.slice(2);
for (const arg of args) {
  if (!/^(--dry-run|[A-Za-z0-9][A-Za-z0-9._-]*)$/.test(arg)) {
    console.error(`回滚失败：不认识的参数 ${arg}。用法：npm run rollback -- [--dry-run] [版本编号]`);
    process.exit(2);
  }
}
try {
  process.exit(runRelease(targetFromEnv(), ['rollback', ...args]));
} catch (error) {
  console.error(`回滚失败：${(error as Error).message}`);
  process.exit(1);
}
