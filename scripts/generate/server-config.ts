/**
 * `npm run gen:server-config`: writes deploy/nginx/wangcheng-fulian.conf and public/_headers
 * from src/build/csp.ts, so every place the policies appear says the same. Run it after
 * changing a policy and commit the result (a unit test compares them).
 *
 * The /admin/ policy must allow the git host the CMS talks to. With the same CMS_* variables
 * as the build (admin/build/backend.ts, docs/deploy.md), its origins are added automatically;
 * CMS_BACKEND_ORIGINS (space-separated, e.g. `https://git.example.cn`) overrides them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backendFromEnv } from '../../admin/build/backend.ts';
import { headersFile, nginxConfig } from '../../src/build/server-config.ts';

export const NGINX_CONF = 'deploy/nginx/wangcheng-fulian.conf';
export const HEADERS_FILE = 'public/_headers';

const explicit = (process.env['CMS_BACKEND_ORIGINS'] ?? '').split(/\s+/).filter(Boolean);
// Without CMS_BACKEND the admin talks to a local decap-server, which a server config never needs.
const backendOrigins =
  explicit.length > 0 || !process.env['CMS_BACKEND'] ? explicit : backendFromEnv(process.env).origins;
const files = {
  [NGINX_CONF]: nginxConfig({ backendOrigins }),
  [HEADERS_FILE]: headersFile({ backendOrigins }),
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`写入 ${file}`);
}
