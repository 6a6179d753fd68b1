/**
 * A deterministic synthetic corpus of Chinese articles, for benchmarks and large-input
 * tests. Sentences come from the federation's real 2024 work plan, recombined, so the text
 * has the vocabulary and segment statistics of the site's real content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

const TOWNS = [
  '高塘岭街道',
  '大泽湖街道',
  '月亮岛街道',
  '金山桥街道',
  '喻家坡街道',
  '白沙洲街道',
  '丁字湾街道',
  '铜官街道',
  '乌山街道',
  '黄金园街道',
  '白箬铺镇',
  '茶亭镇',
  '靖港镇',
  '乔口镇',
  '桥驿镇',
];
const EVENTS = [
  '座谈会',
  '培训班',
  '宣讲会',
  '志愿服务活动',
  '亲子实践活动',
  '普法宣传',
  '走访慰问',
  '招聘会',
  '交流分享会',
  '示范点建设',
];

/** mulberry32: a small seeded PRNG, so the same seed always gives the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the seed notice, each ending in 。 */
function seedSentences(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'content/notices/wangfufa-2024-1.md'), 'utf8').split('\n---\n')[1] ?? '';
  return text
    .replace(/[#*>\d.]+\s/g, '')
    .split(/(?<=。)/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && !s.includes('\n'));
}

export interface CorpusOptions {
  /** Number of articles. */
  count: number;
  /** The content folder to create (replaced if it exists). */
  dir: string;
  seed?: number;
  /** Paragraphs per article (each 3–5 sentences). */
  paragraphs?: number;
}

/**
 * Writes a complete content folder: the real settings and pages, plus `count` articles,
 * 80% news and 20% notices (with 文号), dated across 2019–2024.
 */
export function writeCorpus({ count, dir, seed = 2024, paragraphs = 8 }: CorpusOptions): void {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentences = seedSentences();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const folder of ['notices', 'measures', 'stories', 'jiafeng', 'news'])
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content/settings'), path.join(dir, 'settings'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content/pages'), path.join(dir, 'pages'), { recursive: true });
  for (let i = 1; i <= count; i += 1) {
    const year = 2019 + (i % 6);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const town = pick(TOWNS);
    const event = pick(EVENTS);
    const body = Array.from({ length: paragraphs }, () =>
      Array.from({ length: 3 + Math.floor(next() * 3) }, () => pick(sentences)).join(''),
    ).join('\n\n');
    const isNotice = i % 5 === 0;
    const slug = `${year}-${month}-${day}-a${i}`;
    const front = isNotice
      ? `title: 关于${town}开展${event}的通知（第${i}号）\ndate: ${year}-${month}-${day}\nkind: 通知\ndocNumber: 望妇发〔${year}〕${i}号\nsummary: ${town}妇联组织开展${event}。\nsample: true`
      : `title: ${town}妇联举办${event}（${i}）\ndate: ${year}-${month}-${day}\nsource: ${town}妇联\nsummary: ${town}妇联举办${event}，${pick(sentences).slice(0, 30)}\nsample: true`;
    fs.writeFileSync(path.join(dir, isNotice ? 'notices' : 'news', `${slug}.md`), `---\n${front}\n---\n\n${body}\n`);
  }
}
