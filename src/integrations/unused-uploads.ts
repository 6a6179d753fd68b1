/**
 * After the pages are written, drops from the output every file of `public/uploads/` that no
 * published page uses (src/build/unused-uploads.ts) and tells the editor which ones.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { removeUnusedUploads } from '../build/unused-uploads.ts';

export default function unusedUploads(): AstroIntegration {
  return {
    name: 'fl-unused-uploads',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const removed = removeUnusedUploads(fileURLToPath(dir));
        if (removed.length === 0) return;
        logger.warn(
          [
            `public/uploads/ 中有 ${removed.length} 个附件没有被任何已发布的内容使用（可能属于草稿、已撤下或已删除的内容），没有发布到网站：`,
            ...removed.map((file) => `  public/uploads/${file}`),
            '不再需要的附件，请在内容管理的“媒体”中删除；它们所属的内容重新发布时会自动一起发布。',
          ].join('\n'),
        );
      },
    },
  };
}
