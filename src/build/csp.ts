/**
 * Content Security Policies, in one place: the strict one for every public page and the
 * looser one the CMS at /admin/ needs. The nginx config, the `_headers` file and the
 * `<meta>` fallback are all generated from these, so they can't drift apart.
 */

import { createHash } from 'node:crypto';
import { ELDER_MODE_INIT } from '../components/elder-mode/elder-mode-init.ts';
import { SEARCH_BOOT } from '../components/search/search-boot.ts';

export type Policy = Readonly<Record<string, readonly string[]>>;

/**
 * The only inline scripts the public pages may run, each allowed by its hash: the 无障碍
 * settings every page applies before its first paint, and the search page's start of
 * Pagefind. Both are inline to save a blocking request (see their files).
 */
export const INLINE_SCRIPTS: readonly string[] = [ELDER_MODE_INIT, SEARCH_BOOT];

/** A CSP hash source for an inline script: the SHA-256 of its exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * Public pages: scripts only from the site itself. Pagefind 1.6 searches in a Web Worker
 * with WebAssembly, hence `'wasm-unsafe-eval'` and `worker-src 'self'`. No inline style, and
 * no inline script but the listed ones, by hash: Astro is configured to emit external files.
 */
export const PUBLIC_CSP: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(scriptHash)],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  // The federation embeds no video host or other page, so no frame at all.
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * /admin/ only: Decap CMS compiles its config validators at run time (ajv → `'unsafe-eval'`),
 * the preview's typography suggestions run AutoCorrect as WebAssembly (`'wasm-unsafe-eval'`,
 * admin/typography.ts), and Decap styles itself with emotion (inline styles); it shows uploads as blob: and data: URLs,
 * reads them back with fetch() to keep a local backup of unsaved drafts (hence blob: and data:
 * in connect-src) and talks to the git host's API, whose origin is added at build time.
 */
export function adminCsp(backendOrigins: readonly string[] = []): Policy {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...backendOrigins],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...backendOrigins, 'blob:', 'data:'],
    'frame-src': ["'self'", 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...backendOrigins],
    'frame-ancestors': ["'self'"],
  };
}

/** Directives a `<meta http-equiv>` policy ignores (browsers only honour them as headers). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a header value, or for a `<meta>` tag without the header-only directives. */
export function serializeCsp(policy: Policy, options: { forMeta?: boolean } = {}): string {
  return Object.entries(policy)
    .filter(([directive]) => !(options.forMeta && HEADER_ONLY.has(directive)))
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Security headers every response carries, besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
