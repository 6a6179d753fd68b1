/**
 * `npm run gen:server-config`: writes deploy/nginx/wangcheng-fulian.conf and public/_headers
 * from src/lib/csp.ts, so every place the policies appear says the same. Run it after
 * changing a policy and commit the result (a unit test compares them).
 *
 * CMS_BACKEND_ORIGINS (space-separated, e.g. `https://git.example.cn`) adds the git host the
 * CMS talks to to the /admin/ policy; set it when generating the files for a deployment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { headersFile, nginxConfig } from '../src/lib/server-config.ts';

export const NGINX_CONF = 'deploy/nginx/wangcheng-fulian.conf';
export const HEADERS_FILE = 'public/_headers';

const backendOrigins = (process.env['CMS_BACKEND_ORIGINS'] ?? '').split(/\s+/).filter(Boolean);
const files = {
  [NGINX_CONF]: nginxConfig({ backendOrigins }),
  [HEADERS_FILE]: headersFile({ backendOrigins }),
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`写入 ${file}`);
}
