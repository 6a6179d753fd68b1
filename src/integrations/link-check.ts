/**
 * Checks every link of the finished build (src/lib/link-check.ts) and fails the build on a
 * broken internal link, anchor, image or attachment, so the deploy step never publishes it.
 * Astro has written the output folder by then: the build exits with an error and the
 * pipeline keeps the site that is already published.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkLinks, formatBrokenLink } from '../lib/link-check.ts';

export default function linkCheck(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'fl-link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = Date.now();
        const broken = checkLinks(fileURLToPath(dir), { site });
        for (const link of broken) logger.error(formatBrokenLink(link));
        if (broken.length > 0) {
          const error = new Error(
            `链接检查：${broken.length} 个失效链接。请按上面的提示改正后重新构建；这次构建的结果不能发布。`,
          );
          error.stack = error.message;
          throw error;
        }
        logger.info(`链接检查：没有失效链接（${Date.now() - started} ms）。`);
      },
    },
  };
}
