/**
 * The `admin` fixture the CMS tests share: a fresh editor repository and decap-server
 * (./cms.ts), the built admin logged in, and the few things an editor does in it (open a
 * form, save, publish), each waiting for decap-server's answer rather than a toast.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_PROXY_URL } from '../../admin/build/backend.ts';
import { makeEditorRepo, routeLocalBackend, startDecapServer } from './cms.ts';
import { expect, test } from './test.ts';

export interface Admin {
  page: Page;
  /** The editor repository decap-server commits into. */
  repo: string;
  /**
   * Console errors, uncaught exceptions and failed requests since the admin was opened.
   * One 404 is expected: before saving a new entry Decap asks whether it already has an
   * unpublished version, and "not found" is the answer.
   */
  errors: string[];
  /** A form field by its Chinese label (optional fields are labelled “… (可选)”). */
  field: (label: string) => Locator;
  /** Opens `#/<hash>` through the collection list, as an editor would. */
  open: (hash: string) => Promise<void>;
  /** Opens a new entry's form of `collection` directly. */
  openNew: (collection: string) => Promise<void>;
  save: () => Promise<void>;
  /** Moves the open entry through 待审核 and 待发布, then publishes it at once. */
  publish: () => Promise<void>;
}

/** Resolves when decap-server has answered an `action` request successfully. */
export async function backendAnswer(page: Page, action: string): Promise<void> {
  const response = await page.waitForResponse(
    (r) => r.url() === DEFAULT_PROXY_URL && r.request().postData()?.includes(`"action":"${action}"`) === true,
    { timeout: 60_000 },
  );
  if (!response.ok())
    throw new Error(`decap-server answered ${action} with ${response.status()}: ${await response.text()}`);
}

/** The editorial workflow's steps after a save: 待审核 → 待发布 → 发布 → 立即发布. */
export async function publishOpenEntry(page: Page): Promise<void> {
  for (const status of ['待审核', '待发布']) {
    await page.getByRole('button', { name: /^状态/ }).click();
    await page.getByRole('menuitem', { name: status }).click();
    await expect(page.getByRole('button', { name: `状态: ${status}` })).toBeVisible({ timeout: 30_000 });
  }
  page.once('dialog', (dialog) => void dialog.accept());
  const published = backendAnswer(page, 'publishUnpublishedEntry');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await published;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test with its own editor repository, decap-server and logged-in admin. */
export const cmsTest = test.extend<{ admin: Admin }>({
  admin: async ({ page, siteUrl }, use, testInfo) => {
    const repo = makeEditorRepo();
    const server = await startDecapServer(repo);
    const errors: string[] = [];
    const expected404 = (body: string | null) => body?.includes('"action":"unpublishedEntry"') === true;
    page.on('console', (message) => {
      // A failed request is logged by the browser too; the response listener below judges it.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !(response.status() === 404 && expected404(response.request().postData())))
        errors.push(`${response.status()} ${response.url()}`);
    });
    const backend = await routeLocalBackend(page, server);
    await page.goto(`${siteUrl}/admin/`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '集合' })).toBeVisible({ timeout: 30_000 });

    const admin: Admin = {
      page,
      repo,
      errors,
      field: (label) => page.getByLabel(new RegExp(`^${escape(label)}( \\(可选\\))?$`)),
      open: async (hash) => {
        // Going from one entry's form straight to another's URL leaves Decap showing the first
        // entry's fields.
        await page.goto(`${siteUrl}/admin/#/`);
        await expect(page.getByRole('heading', { name: '集合' })).toBeVisible({ timeout: 30_000 });
        await page.goto(`${siteUrl}/admin/#/${hash}`);
        await expect(page.getByRole('button', { name: '保存' })).toBeVisible({ timeout: 30_000 });
        // Decap may load the entry again after showing the form, undoing what was typed.
        await backend.settled();
      },
      openNew: async (collection) => {
        await page.goto(`${siteUrl}/admin/#/collections/${collection}/new`);
        await expect(page.getByRole('button', { name: '保存' })).toBeVisible({ timeout: 30_000 });
        await backend.settled();
      },
      save: async () => {
        // Wait for decap-server's answer, not the toast: the previous save's toast may linger.
        const saved = backendAnswer(page, 'persistEntry');
        await page.getByRole('button', { name: '保存', exact: true }).click();
        await saved;
        await expect(page.getByText('内容已保存').first()).toBeVisible({ timeout: 30_000 });
      },
      publish: async () => {
        await publishOpenEntry(page);
        await expect(page.getByText('内容已发布')).toBeVisible({ timeout: 30_000 });
      },
    };
    await use(admin);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('decap-server.log', { body: server.log(), contentType: 'text/plain' });
    }
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await server.close();
    fs.rmSync(repo, { recursive: true, force: true });
  },
});
