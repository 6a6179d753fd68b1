/**
 * The CMS as an editor uses it: the built admin in Chromium, saving through a real
 * decap-server in git mode into a temporary git repository (tests/support/cms.ts).
 * Each test gets its own repository and server, so they run in parallel.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { checkContent, formatProblem } from '../../src/content/check/index.ts';
import { buildFromRepo, git } from '../support/cms.ts';
import { cmsTest, type Admin } from '../support/cms-admin.ts';
import { TEST_DIST } from '../support/paths.ts';
import { serveStatic } from '../support/static-server.ts';
import { expect as baseExpect, test } from '../support/test.ts';

// Decap is a 5 MB bundle and every save is a few git commands: generous waits on a busy CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

/** The lines a branch adds and removes against main, without diff headers. */
function changedLines(repo: string, branch: string): string[] {
  return git(repo, 'diff', '-U0', 'main', branch)
    .split('\n')
    .filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line));
}

/** Picks an option of a select or relation widget. */
async function choose(admin: Admin, label: string, option: string, search?: string) {
  await admin.field(label).click();
  if (search) await admin.field(label).pressSequentially(search);
  await admin.page.getByRole('option', { name: option }).click();
}

/** Types into the Markdown body (plain Markdown mode, the admin's default). */
async function typeBody(page: Page, text: string) {
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type(text);
}

cmsTest('the admin loads in Chinese, with no console errors', async ({ admin }) => {
  const { page } = admin;
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const label of ['通知公告', '女性人才八项措施', '典型风采', '家风作品', '工作动态', '网站设置']) {
    await expect(page.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: '关于印发《长沙市望城区妇联2024年工作要点》的通知' })).toBeVisible();
  await page.getByRole('link', { name: '工作流' }).click();
  for (const column of ['草稿', '待审核', '待发布']) {
    await expect(page.getByRole('heading', { name: column })).toBeVisible();
  }
  expect(admin.errors).toEqual([]);
});

cmsTest('an editor publishes a notice with a 文号 and an attachment, and it reaches the site', async ({ admin }) => {
  // It rebuilds the whole site after publishing: minutes on a loaded 2-core machine.
  test.setTimeout(480_000);
  const { page, repo, field } = admin;
  await admin.open('collections/notices/new');
  await field('标题').fill('《关于开展“三八”妇女节系列活动的通知》解读');
  await field('网址简称').fill('sanba-jiedu');
  await field('发布日期').fill('2024-03-01');
  await field('发布日期待核实').click();
  await field('最后更新').fill('2024-03-05');
  await field('摘要').fill('用问答的方式说明今年“三八”妇女节系列活动的安排和报名方式。');
  await field('标签').fill('三八节，政策解读、报名');
  await field('示例内容').click();
  await choose(admin, '类型', '政策解读');
  await field('文号').fill('望妇发〔2024〕3号');
  await field('发布机构').fill('长沙市望城区妇女联合会办公室');
  await field('成文日期').fill('2024-02-28');
  await field('索引号').fill('431122-2024-003');
  await field('主题分类').fill('妇女儿童');
  await choose(admin, '有效性', '已修订');
  await choose(admin, '替代文件', '问答解读：一文读懂《长沙市望城区妇联2024年工作要点》', '问答');
  await choose(admin, '解读的政策', '关于印发《长沙市望城区妇联2024年工作要点》的通知', '印发');
  await page.getByRole('button', { name: '新增附件' }).click();
  await field('附件名称').fill('活动报名表');
  await page.getByRole('button', { name: '选择文件' }).click();
  const upload = path.join(test.info().outputDir, '报名表 2024.pdf');
  fs.mkdirSync(path.dirname(upload), { recursive: true });
  fs.writeFileSync(upload, '%PDF-1.4\n% 报名表\n');
  await page.locator('input[type="file"]').setInputFiles(upload);
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await typeBody(
    page,
    '## 一、活动安排\n\n各街镇妇联组织开展“三八”妇女节系列活动。\n\n## 二、报名方式\n\n填写附件中的报名表。',
  );
  await admin.save();
  await admin.publish();

  const file = path.join(repo, 'content/notices/2024-03-01-sanba-jiedu.md');
  expect(fs.readFileSync(file, 'utf8')).toBe(`---
title: 《关于开展“三八”妇女节系列活动的通知》解读
code: sanba-jiedu
date: 2024-03-01
dateUnconfirmed: true
updated: 2024-03-05
summary: 用问答的方式说明今年“三八”妇女节系列活动的安排和报名方式。
tags:
  - 三八节
  - 政策解读
  - 报名
draft: false
sample: true
kind: 政策解读
docNumber: 望妇发〔2024〕3号
issuer: 长沙市望城区妇女联合会办公室
writtenDate: 2024-02-28
indexNo: 431122-2024-003
topic: 妇女儿童
validity: 已修订
supersededBy: 2024-01-10-gongzuo-yaodian-jiedu
interprets: wangfufa-2024-1
attachments:
  - title: 活动报名表
    file: /uploads/报名表-2024.pdf
---
## 一、活动安排

各街镇妇联组织开展“三八”妇女节系列活动。

## 二、报名方式

填写附件中的报名表。
`);
  expect(fs.readFileSync(path.join(repo, 'public/uploads/报名表-2024.pdf'), 'utf8')).toContain('%PDF');
  // Every save is a commit on main, and nothing is left uncommitted or on a side branch.
  expect(git(repo, 'log', '--format=%s', 'main')).toContain('Create 通知 “2024-03-01-sanba-jiedu”');
  expect(git(repo, 'status', '--porcelain')).toBe('');
  expect(git(repo, 'branch', '--format=%(refname:short)').trim()).toBe('main');

  // Leave the admin before the (synchronous) rebuild: it blocks this process, so the admin's
  // background requests to decap-server would hang.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto('about:blank');

  const check = checkContent({
    rootDir: repo,
    contentDir: path.join(repo, 'content'),
    publicDir: path.join(repo, 'public'),
  });
  expect(check.errors.map(formatProblem)).toEqual([]);

  const outDir = path.join(TEST_DIST, 'cms-rebuild');
  const build = buildFromRepo(repo, outDir);
  expect(build.status, build.stderr).toBe(0);
  const site = await serveStatic(outDir);
  try {
    await page.goto(`${site.url}/notices/2024-03-01-sanba-jiedu/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('《关于开展“三八”妇女节系列活动的通知》解读');
    await expect(page.getByRole('row', { name: /文号/ })).toContainText('望妇发〔2024〕3号');
    const attachment = page.getByRole('link', { name: '活动报名表' });
    expect((await page.request.get(new URL((await attachment.getAttribute('href'))!, site.url).href)).status()).toBe(
      200,
    );
    // The build always writes the index (scripts/build/build.ts): search must find the new notice.
    const urls = await page.evaluate(async (url) => {
      const pagefind = (await import(/* @vite-ignore */ url)) as {
        search: (query: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
      };
      const found = await pagefind.search('三八妇女节系列活动');
      return Promise.all(found.results.slice(0, 5).map(async (result) => (await result.data()).url));
    }, '/pagefind/pagefind.js');
    expect(urls).toContain('/notices/2024-03-01-sanba-jiedu/');
  } finally {
    await site.close();
  }
});

/** Open an existing entry, change one field, save: only that field's line may change. */
const roundTrips = [
  {
    entry: 'notices/entries/wangfufa-2024-1',
    label: '主题分类',
    value: '妇女儿童工作',
    lines: ['-topic: 妇女儿童', '+topic: 妇女儿童工作'],
  },
  {
    entry: 'measures/entries/measure-1-jiaoliu-pingtai',
    label: '标题',
    value: '搭建女性人才交流合作平台',
    lines: ['-title: 搭建女性人才交流平台', '+title: 搭建女性人才交流合作平台'],
  },
  {
    entry: 'stories/entries/2024-06-01-aixin-mama',
    label: '荣誉称号',
    value: '长沙市优秀巾帼志愿者',
    lines: ['-honor: 望城区优秀巾帼志愿者', '+honor: 长沙市优秀巾帼志愿者'],
  },
  {
    entry: 'jiafeng/entries/2024-05-17-shufa-qingbai-chuanjia',
    label: '街镇',
    value: '铜官街道书堂山社区',
    lines: ['-town: 铜官街道', '+town: 铜官街道书堂山社区'],
  },
  {
    entry: 'news/entries/2024-03-04-chunfeng-zhaopinhui',
    label: '来源',
    value: '望城区妇联办公室',
    lines: ['-source: 望城区妇联', '+source: 望城区妇联办公室'],
  },
  {
    entry: 'settings/entries/site',
    label: '办公时间',
    value: '周一至周五上午八点半至下午五点半',
    lines: ['-officeHours: ""', '+officeHours: 周一至周五上午八点半至下午五点半'],
  },
];

cmsTest('saving an existing entry of each collection changes only the edited line', async ({ admin }) => {
  for (const { entry, label, value, lines } of roundTrips) {
    await test.step(`${entry}: ${label}`, async () => {
      await admin.open(`collections/${entry}`);
      await admin.field(label).fill(value);
      await admin.save();
      const branch = `cms/${entry.replace('/entries/', '/')}`;
      expect(git(admin.repo, 'diff', '--name-only', 'main', branch).trim().split('\n')).toHaveLength(1);
      expect(changedLines(admin.repo, branch)).toEqual(lines);
    });
  }
  await test.step('settings/entries/search: 同义词', async () => {
    await admin.open('collections/settings/entries/search');
    await admin.page.getByLabel('同义词', { exact: true }).last().fill('家教、家庭教育、家庭教养');
    await admin.save();
    expect(changedLines(admin.repo, 'cms/settings/search')).toEqual(['+      - 家庭教养']);
  });
});

cmsTest(
  'a notice with no title or a bad 文号 cannot be saved, and the editor sees why in Chinese',
  async ({ admin }) => {
    const { page, repo, field } = admin;
    const head = git(repo, 'rev-parse', 'HEAD');
    await admin.open('collections/notices/new');
    await field('发布日期').fill('2024-03-01');
    await field('文号').fill('望妇发[2024]3号');
    await typeBody(page, '正文<img src="x" onerror="document.title=\'xss\'">');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('“标题”是必填项')).toBeVisible();
    await expect(
      page.getByText('“文号”格式不对：文号应为“机关代字〔年份〕序号号”，例如 望妇发〔2024〕1号（括号用〔〕）'),
    ).toBeVisible();
    // The preview renders the body's HTML without its script.
    const preview = page.locator('iframe').first().contentFrame();
    await expect(preview.locator('img[src="x"]')).toHaveCount(1);
    await expect(preview.locator('img[onerror]')).toHaveCount(0);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'branch', '--format=%(refname:short)').trim()).toBe('main');
  },
);

cmsTest('a story with a photo but no alt text cannot be saved', async ({ admin }) => {
  const { page, repo, field } = admin;
  const head = git(repo, 'rev-parse', 'HEAD');
  await admin.open('collections/stories/new');
  await field('标题').fill('测试典型');
  await field('发布日期').fill('2024-03-01');
  await field('人物或家庭').fill('某某');
  await page.getByRole('button', { name: '选择图片' }).click();
  const photo = path.join(test.info().outputDir, 'Zhao Pian.JPG');
  fs.mkdirSync(path.dirname(photo), { recursive: true });
  fs.copyFileSync(path.join(repo, 'content/stories/images/aixin-mama.jpg'), photo);
  await page.locator('input[type="file"]').setInputFiles(photo);
  await page.getByRole('button', { name: '选用已选中项目' }).click();
  await typeBody(page, '正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('设置了封面图片，就必须填写封面图片替代文字')).toBeVisible();
  expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  expect(git(repo, 'branch', '--format=%(refname:short)').trim()).toBe('main');

  // With the alt text it saves.
  await field('封面图片替代文字').fill('一位志愿者和孩子一起读书');
  await admin.save();
  // The upload is renamed to lowercase without spaces and written relative to the entry.
  const branch = 'cms/stories/2024-03-01-dianxing';
  expect(git(repo, 'diff', '--name-only', 'main', branch).split('\n').sort()).toEqual([
    '',
    'content/stories/2024-03-01-dianxing.md',
    'content/stories/images/zhao-pian.jpg',
  ]);
  expect(git(repo, 'show', `${branch}:content/stories/2024-03-01-dianxing.md`)).toContain(
    'cover: ./images/zhao-pian.jpg\ncoverAlt: 一位志愿者和孩子一起读书\n',
  );
});
