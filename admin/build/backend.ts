/**
 * Which git host the CMS saves to, chosen at build time from environment variables, so a
 * deployment never edits code (see docs/deploy.md):
 *
 * | CMS_BACKEND | needs                                   | editorial workflow |
 * |-------------|-----------------------------------------|--------------------|
 * | (unset)     | nothing: the local decap-server          | yes (MODE=git)     |
 * | forgejo     | CMS_REPO, CMS_BASE_URL, CMS_APP_ID       | yes                |
 * | gitea       | CMS_REPO, CMS_BASE_URL, CMS_APP_ID       | no: Decap's Gitea backend rejects it |
 * | github      | CMS_REPO, CMS_BASE_URL (the OAuth proxy) | yes                |
 * | gitlab      | CMS_REPO, CMS_APP_ID (CMS_BASE_URL for a self-hosted GitLab) | yes |
 *
 * Every backend also reads CMS_BRANCH (default `main`) and CMS_API_ROOT (the API address,
 * when it is not the usual one). The local backend reads CMS_PROXY_URL (default
 * http://127.0.0.1:8081/api/v1, where `npm run cms` starts decap-server).
 *
 * This module runs at build time only (in the admin page's frontmatter and in Node scripts).
 */

export type BackendName = 'local' | 'forgejo' | 'gitea' | 'github' | 'gitlab';

/** The part of the Decap config this module decides. */
export interface BackendSettings {
  name: BackendName;
  /** Decap's `backend` object. */
  backend: Record<string, string>;
  /** Decap's `local_backend`, for the local decap-server only. */
  localBackend?: { url: string };
  /** Whether the host supports 草稿 → 待审核 → 待发布. */
  editorialWorkflow: boolean;
  /** Origins the admin page talks to, for its Content Security Policy. */
  origins: string[];
}

/** The address `npm run cms` starts decap-server on. */
export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8081/api/v1';
export const DEFAULT_BRANCH = 'main';

type Env = Readonly<Record<string, string | undefined>>;

/** A configuration mistake, reported when the site is built (in Chinese, naming the variable). */
export class BackendConfigError extends Error {
  override name = 'BackendConfigError';
}

function required(env: Env, key: string, backend: string, example: string): string {
  const value = env[key]?.trim();
  if (!value) {
    throw new BackendConfigError(
      `CMS_BACKEND=${backend} 需要设置 ${key} — 例如 ${key}=${example}；各后端的完整配置见 docs/deploy.md`,
    );
  }
  return value;
}

function url(key: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new BackendConfigError(`${key}=“${value}”不是完整网址 — 请写成 https://git.example.cn 这样的形式`);
  }
}

/** Strips a trailing slash so joined paths have exactly one. */
const trim = (value: string) => value.replace(/\/+$/, '');

/** The backend settings for the environment `env` (normally `process.env`). */
export function backendFromEnv(env: Env): BackendSettings {
  const name = (env['CMS_BACKEND']?.trim() || 'local') as BackendName;
  const branch = env['CMS_BRANCH']?.trim() || DEFAULT_BRANCH;
  switch (name) {
    case 'local': {
      const proxyUrl = env['CMS_PROXY_URL']?.trim() || DEFAULT_PROXY_URL;
      const origin = url('CMS_PROXY_URL', proxyUrl).origin;
      return {
        name,
        backend: { name: 'proxy', proxy_url: proxyUrl, branch },
        // local_backend makes Decap ask decap-server which publish modes it offers, so a
        // decap-server in MODE=fs (no commits, no workflow) still works instead of failing.
        // Decap uses it only when the admin itself is opened on localhost or 127.0.0.1.
        localBackend: { url: proxyUrl },
        editorialWorkflow: true,
        origins: [origin],
      };
    }
    case 'forgejo':
    case 'gitea': {
      const repo = required(env, 'CMS_REPO', name, 'fulian/wangcheng-site');
      const baseUrl = trim(required(env, 'CMS_BASE_URL', name, 'https://git.example.cn'));
      const appId = required(env, 'CMS_APP_ID', name, '在 Forgejo/Gitea 中创建的 OAuth2 应用的 Client ID');
      const apiRoot = trim(env['CMS_API_ROOT']?.trim() || `${baseUrl}/api/v1`);
      const origins = [...new Set([url('CMS_BASE_URL', baseUrl).origin, url('CMS_API_ROOT', apiRoot).origin])];
      return {
        name,
        backend: { name, repo, branch, api_root: apiRoot, base_url: baseUrl, app_id: appId },
        editorialWorkflow: name === 'forgejo',
        origins,
      };
    }
    case 'github': {
      const repo = required(env, 'CMS_REPO', name, 'fulian/wangcheng-site');
      const baseUrl = trim(required(env, 'CMS_BASE_URL', name, 'https://oauth.example.cn（OAuth 代理的地址）'));
      const apiRoot = trim(env['CMS_API_ROOT']?.trim() || 'https://api.github.com');
      const authEndpoint = env['CMS_AUTH_ENDPOINT']?.trim() || 'auth';
      const origins = [...new Set([url('CMS_BASE_URL', baseUrl).origin, url('CMS_API_ROOT', apiRoot).origin])];
      return {
        name,
        backend: { name, repo, branch, base_url: baseUrl, auth_endpoint: authEndpoint, api_root: apiRoot },
        editorialWorkflow: true,
        origins,
      };
    }
    case 'gitlab': {
      const repo = required(env, 'CMS_REPO', name, 'fulian/wangcheng-site');
      const appId = required(env, 'CMS_APP_ID', name, '在 GitLab 中创建的应用的 Application ID');
      const baseUrl = trim(env['CMS_BASE_URL']?.trim() || 'https://gitlab.com');
      const apiRoot = trim(env['CMS_API_ROOT']?.trim() || `${baseUrl}/api/v4`);
      const origins = [...new Set([url('CMS_BASE_URL', baseUrl).origin, url('CMS_API_ROOT', apiRoot).origin])];
      return {
        name,
        backend: {
          name,
          repo,
          branch,
          auth_type: 'pkce',
          app_id: appId,
          base_url: baseUrl,
          api_root: apiRoot,
          graphql_api_root: `${baseUrl}/api/graphql`,
        },
        editorialWorkflow: true,
        origins,
      };
    }
    default:
      throw new BackendConfigError(
        `CMS_BACKEND=“${String(name)}”不是可用的后端 — 请写 forgejo、gitea、github 或 gitlab；本地编辑不设置 CMS_BACKEND`,
      );
  }
}
