/**
 * Taking content down through the real CMS (the built admin, a real decap-server in git mode,
 * the editorial workflow the site's CMS config uses), the three ways docs/deploy.md names:
 * - a notice set to 草稿 (`draft: true`), saved and published;
 * - a news article unpublished (发布 menu → 撤销发布): its file leaves main, it waits as a draft;
 * - a story deleted (删除已发布的内容).
 * Then ONE rebuild of the editor's repository with a SITE_URL (a CMS rebuild takes minutes), and
 * each entry is gone everywhere: its URL gives the 404 page; no list, home page, rss.xml,
 * sitemap, search result or word list has it; its attachment is offline. The same checker
 * (tests/support/draft-leaks.ts) first finds all three in the site as built before, so it can fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkContent, formatProblem } from '../../src/content/check/index.ts';
import { COLLECTIONS } from '../../src/content/model.ts';
import { buildFromRepo, git, makeEditorRepo, routeLocalBackend, startDecapServer } from '../support/cms.ts';
import { backendAnswer, publishOpenEntry } from '../support/cms-admin.ts';
import { draftLeaks, readBuild, type SiteEntry } from '../support/draft-leaks.ts';
import { ROOT, SITE_DIST, TEST_DIST, TEST_SITE_URL } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';
import { expect as baseExpect, test } from '../support/test.ts';

const expect = baseExpect.configure({ timeout: 30_000 });

const TAKEN_DOWN = {
  draft: { collection: 'notices', slug: '2024-04-10-zuimei-jiating-tuixuan' },
  unpublished: { collection: 'news', slug: '2024-12-05-zhiyuan-fuwu-dasai' },
  deleted: { collection: 'stories', slug: '2024-09-23-jinguo-xinnongren' },
} as const;
/** The draft notice's attachment, used by no other entry. */
const ATTACHMENT = '/uploads/2024-zuimei-jiating-tuijianbiao.pdf';
const fileOf = ({ collection, slug }: { collection: string; slug: string }) => `content/${collection}/${slug}.md`;
const urlOf = ({ collection, slug }: { collection: string; slug: string }) => `/${collection}/${slug}/`;

/** Whether `file` is on main in `repo`. */
function onMain(repo: string, file: string): boolean {
  try {
    git(repo, 'cat-file', '-e', `main:${file}`);
    return true;
  } catch {
    return false;
  }
}

/** Every entry of the real content, with the three to take down marked as drafts. */
function entriesWithTakedowns(): SiteEntry[] {
  const down = new Set(Object.values(TAKEN_DOWN).map((entry) => `${entry.collection}/${entry.slug}`));
  const { files } = checkContent({ rootDir: ROOT, contentDir: path.join(ROOT, 'content') });
  return COLLECTIONS.flatMap((collection) =>
    (files.get(collection) ?? []).map((file) => ({
      collection,
      file,
      draft: file.data['draft'] === true || down.has(`${collection}/${file.slug}`),
    })),
  );
}

test('an entry set to draft, one unpublished and one deleted in the CMS are gone everywhere after the rebuild', async ({
  page,
  siteUrl,
}, testInfo) => {
  // One rebuild of the whole site: minutes on a loaded 2-core machine.
  test.setTimeout(600_000);
  const entries = entriesWithTakedowns();
  const ids = Object.values(TAKEN_DOWN).map((entry) => `${entry.collection}/${entry.slug}`);

  await test.step('before: the site as built has all three, and the checker sees them', () => {
    const leaks = draftLeaks(readBuild(SITE_DIST), entries);
    for (const id of ids) {
      expect(leaks, id).toContainEqual(expect.stringMatching(new RegExp(`^${id}: has its own page`)));
      expect(leaks, id).toContainEqual(expect.stringMatching(new RegExp(`^${id}: .* the page index\\.html$`)));
    }
    expect(leaks).toContainEqual(expect.stringMatching(/ the feed rss\.xml$/));
    expect(leaks).toContainEqual(expect.stringMatching(/ the sitemap sitemap-0\.xml$/));
    expect(leaks).toContainEqual(expect.stringMatching(/ in the search index /));
    expect(leaks).toContain(
      `notices/${TAKEN_DOWN.draft.slug}: its attachment uploads/${path.basename(ATTACHMENT)} is online`,
    );
  });

  const repo = makeEditorRepo();
  const server = await startDecapServer(repo);
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const backend = await routeLocalBackend(page, server);
    await page.goto(`${siteUrl}/admin/`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '集合' })).toBeVisible();
    const open = async ({ collection, slug }: { collection: string; slug: string }) => {
      await page.goto(`${siteUrl}/admin/#/`);
      await expect(page.getByRole('heading', { name: '集合' })).toBeVisible();
      await page.goto(`${siteUrl}/admin/#/collections/${collection}/entries/${slug}`);
      await expect(page.getByRole('button', { name: '保存' })).toBeVisible();
      await backend.settled();
    };

    await test.step('草稿: set draft, save, publish', async () => {
      await open(TAKEN_DOWN.draft);
      await page.getByLabel(/^草稿( \(可选\))?$/).click();
      const saved = backendAnswer(page, 'persistEntry');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await saved;
      await publishOpenEntry(page);
      await expect.poll(() => git(repo, 'show', `main:${fileOf(TAKEN_DOWN.draft)}`)).toContain('draft: true');
    });

    await test.step('撤销发布: unpublish in the editorial workflow', async () => {
      await open(TAKEN_DOWN.unpublished);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: '已发布', exact: true }).click();
      await page.getByRole('menuitem', { name: '撤销发布' }).click();
      await expect.poll(() => onMain(repo, fileOf(TAKEN_DOWN.unpublished)), { timeout: 60_000 }).toBe(false);
      await backend.settled();
    });

    await test.step('删除已发布的内容: delete the entry', async () => {
      await open(TAKEN_DOWN.deleted);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: '删除已发布的内容' }).click();
      await expect.poll(() => onMain(repo, fileOf(TAKEN_DOWN.deleted)), { timeout: 60_000 }).toBe(false);
      await backend.settled();
    });
    expect(errors).toEqual([]);
  } finally {
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('decap-server.log', { body: server.log(), contentType: 'text/plain' });
    }
    // Leave the admin before the (synchronous) rebuild, which blocks this process.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.goto('about:blank');
    await server.close();
  }

  // The unpublished article waits on its editorial branch; main, checked out, has none of the three.
  expect(git(repo, 'branch', '--format=%(refname:short)')).toContain(
    `cms/${TAKEN_DOWN.unpublished.collection}/${TAKEN_DOWN.unpublished.slug}`,
  );
  expect(git(repo, 'branch', '--show-current').trim()).toBe('main');
  expect(git(repo, 'status', '--porcelain')).toBe('');
  const check = checkContent({
    rootDir: repo,
    contentDir: path.join(repo, 'content'),
    publicDir: path.join(repo, 'public'),
  });
  expect(check.errors.map(formatProblem)).toEqual([]);

  const outDir = path.join(TEST_DIST, 'cms-takedown');
  const build = buildFromRepo(repo, outDir, { SITE_URL: TEST_SITE_URL });
  expect(build.status, build.stderr).toBe(0);
  // The editor is told the attachment stayed off the site.
  expect(build.stdout + build.stderr).toContain(`public${ATTACHMENT}`);

  await test.step('after: no page, list, home page, feed, sitemap, search index, word or attachment has them', () => {
    expect(draftLeaks(readBuild(outDir), entries)).toEqual([]);
  });

  const site = await serveStatic(outDir);
  try {
    await test.step('in the browser: each URL gives the 404 page, the attachment 404, search finds none', async () => {
      for (const entry of Object.values(TAKEN_DOWN)) {
        const response = await page.goto(site.url + urlOf(entry));
        expect(response?.status(), urlOf(entry)).toBe(404);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
      }
      expect((await page.request.get(site.url + ATTACHMENT)).status()).toBe(404);
      await page.goto(`${site.url}/`);
      const titles = entries
        .filter((entry) => ids.includes(`${entry.collection}/${entry.file.slug}`))
        .map((entry) => String(entry.file.data['title']));
      for (const title of titles) await expect(page.getByText(title)).toHaveCount(0);
      const urls = await page.evaluate(
        async ({ url, queries }) => {
          const pagefind = (await import(/* @vite-ignore */ url)) as {
            search: (query: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
          };
          const found: string[] = [];
          for (const query of queries) {
            const result = await pagefind.search(query);
            found.push(...(await Promise.all(result.results.map(async (r) => (await r.data()).url))));
          }
          return found;
        },
        { url: '/pagefind/pagefind.js', queries: ['最美家庭推选活动', '巾帼志愿服务大赛', '巾帼新农人'] },
      );
      expect(urls.length).toBeGreaterThan(0);
      for (const entry of Object.values(TAKEN_DOWN)) expect(urls).not.toContain(urlOf(entry));
    });
  } finally {
    await site.close();
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
