/**
 * Runs the content check before Astro builds anything. On any error the build stops here,
 * before `dist/` is touched, so a bad edit never replaces the published site with a broken
 * one. Under `astro dev` problems are printed and the server keeps running.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem, formatSummary } from '../content/check/index.ts';
import { contentRoot } from '../content/paths.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'fl-content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const rootDir = fileURLToPath(config.root);
        const result = checkContent({
          rootDir,
          contentDir: contentRoot(rootDir),
          publicDir: fileURLToPath(config.publicDir),
        });
        for (const problem of result.problems) {
          if (problem.severity === 'error') logger.error(formatProblem(problem));
          else logger.warn(formatProblem(problem));
        }
        if (result.errors.length > 0 && command === 'build') {
          const error = new Error(
            `${formatSummary(result)}请按上面的提示改正后重新构建。网站没有更新，已发布的内容保持不变。`,
          );
          // Editors read this in the build log: the message says everything, a stack trace
          // into this file would only look like a crash.
          error.stack = error.message;
          throw error;
        }
        if (result.problems.length > 0) logger.info(formatSummary(result));
      },
    },
  };
}
