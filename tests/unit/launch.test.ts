/** `npm run check:launch` refuses to pass while sample content remains. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

function launchCheck(contentDir: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/build/check-launch.ts')], {
    cwd: ROOT,
    env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_URL: 'https://example.gov.cn' },
    encoding: 'utf8',
  });
}

describe('check:launch', () => {
  it('fails on the real content while it holds samples, naming each sample file', () => {
    const result = launchCheck(path.join(ROOT, 'content'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/content\/measures\/measure-1-[a-z-]+\.md:\d+ sample（示例内容） — 这是示例内容/);
    expect(result.stdout).not.toMatch(/wangfufa-2024-1\.md:\d+ sample/);
  });

  it('passes once only real content is left', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fl-launch-'));
    fs.cpSync(path.join(ROOT, 'content/settings'), path.join(dir, 'settings'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'content/pages'), path.join(dir, 'pages'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'notices'));
    fs.copyFileSync(
      path.join(ROOT, 'content/notices/wangfufa-2024-1.md'),
      path.join(dir, 'notices/wangfufa-2024-1.md'),
    );
    const result = launchCheck(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.stdout).toContain('上线检查：0 个错误');
    expect(result.status).toBe(0);
  });
});
