/**
 * /rss.xml, added only when the production address is known (SITE_URL): a feed needs
 * absolute links, and the site never invents an address.
 */
import type { AstroIntegration } from 'astro';

export default function feed(): AstroIntegration {
  return {
    name: 'fl-feed',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        if (!config.site) {
          logger.warn(
            '未设置 SITE_URL：不生成 rss.xml 和 sitemap-index.xml，也不输出绝对网址。发布到正式网站时请设置 SITE_URL。',
          );
          return;
        }
        injectRoute({ pattern: '/rss.xml', entrypoint: new URL('./rss.xml.ts', import.meta.url) });
      },
    },
  };
}
