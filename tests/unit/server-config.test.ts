/**
 * The shipped server configuration is what src/build/csp.ts says: the committed nginx config and
 * _headers file equal the generator's output, and carry the page's own policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELDER_MODE_INIT } from '../../src/components/elder-mode/elder-mode-init.ts';
import { SEARCH_BOOT } from '../../src/components/search/search-boot.ts';
import { PUBLIC_CSP, adminCsp, scriptHash, serializeCsp } from '../../src/build/csp.ts';
import { headersFile, nginxConfig } from '../../src/build/server-config.ts';
import { ROOT } from '../support/paths.ts';

const committed = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the shipped server configuration', () => {
  it('is exactly what `npm run gen:server-config` writes (regenerate after changing a policy)', () => {
    expect(committed('deploy/nginx/wangcheng-fulian.conf')).toBe(nginxConfig());
    expect(committed('public/_headers')).toBe(headersFile());
  });

  it('sends the strict public policy on every nginx location but /admin/, which gets the CMS policy', () => {
    const conf = nginxConfig();
    const locations = [...conf.matchAll(/location ([^{]+)\{([\s\S]*?)\n {4}\}/g)];
    expect(locations.map((m) => m[1]!.trim())).toEqual(['/', '/_astro/', '/pagefind/', '/admin/', '= /_headers']);
    for (const [, name, body] of locations) {
      if (name!.trim() === '= /_headers') continue;
      const csp = name!.trim() === '/admin/' ? adminCsp() : PUBLIC_CSP;
      expect(body, name).toContain(`add_header Content-Security-Policy "${serializeCsp(csp)}" always;`);
      expect(body, name).toContain('add_header X-Content-Type-Options "nosniff" always;');
    }
  });

  it('puts the git host of the CMS into the admin policy only', () => {
    const conf = nginxConfig({ backendOrigins: ['https://git.example.cn'] });
    const admin = conf.slice(conf.indexOf('location /admin/'));
    expect(admin).toContain("connect-src 'self' https://git.example.cn");
    expect(conf.slice(0, conf.indexOf('location /admin/'))).not.toContain('git.example.cn');
    expect(headersFile({ backendOrigins: ['https://git.example.cn'] })).toContain(
      "connect-src 'self' https://git.example.cn",
    );
  });

  it('keeps the public policy strict: no inline script but the two it lists by hash, no eval, no other hosts, no framing', () => {
    expect(PUBLIC_CSP['script-src']).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      scriptHash(ELDER_MODE_INIT),
      scriptHash(SEARCH_BOOT),
    ]);
    // The hash of the exact text, so a changed script is blocked until the policy follows it.
    expect(scriptHash(ELDER_MODE_INIT)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(scriptHash(`${ELDER_MODE_INIT} `)).not.toBe(scriptHash(ELDER_MODE_INIT));
    expect(PUBLIC_CSP['worker-src']).toEqual(["'self'"]);
    expect(serializeCsp(PUBLIC_CSP)).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:|data:/);
    expect(serializeCsp(PUBLIC_CSP)).toContain("frame-ancestors 'none'");
    expect(serializeCsp(PUBLIC_CSP, { forMeta: true })).not.toContain('frame-ancestors');
  });
});
