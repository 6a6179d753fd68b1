/** The RSS feed: the newest published notices, news and stories (drafts never appear). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { model } from '../content/model.ts';
import { t } from '../i18n/index.ts';
import { getSettings, published, type Entry } from '../build/entries.ts';
import { entryUrl } from '../lib/urls.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async (context) => {
  const settings = await getSettings();
  const entries: Entry[] = [
    ...(await published('notices')),
    ...(await published('news')),
    ...(await published('stories')),
    ...(await published('jiafeng')),
  ]
    .sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : 0))
    .slice(0, FEED_SIZE);
  return rss({
    title: t('feed.title', { site: settings.siteName }),
    description: t('feed.description'),
    site: context.site ?? '',
    customData: '<language>zh-cn</language>',
    items: entries.map((entry) => ({
      title: entry.data.title,
      link: entryUrl(entry.collection, entry.id),
      pubDate: new Date(`${entry.data.date}T00:00:00+08:00`),
      description: entry.data.summary ?? '',
      categories: [model[entry.collection].label],
    })),
  });
};
