/**
 * `npm run check:links [folder]`: checks every internal link, anchor, image and attachment of
 * a built site (default `dist/`; every build also runs this check). SITE_URL, when set, marks
 * links to the production address as internal. Exits 1 on any broken link.
 */
import path from 'node:path';
import { checkLinks, formatBrokenLink } from '../../src/build/link-check.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const broken = checkLinks(dist, { site: process.env['SITE_URL'] || undefined });
for (const link of broken) console.log(formatBrokenLink(link));
console.log(`链接检查：${broken.length} 个失效链接。`);
process.exitCode = broken.length > 0 ? 1 : 0;
