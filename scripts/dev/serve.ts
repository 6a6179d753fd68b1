/** Serves a built folder for a quick look: `node scripts/dev/serve.ts dist 4321`. */
import path from 'node:path';
import { serveStatic } from '../../tests/support/static-server.ts';

const root = path.resolve(process.argv[2] ?? 'dist');
const server = await serveStatic(root, Number(process.argv[3] ?? 4321));
console.log(`Serving ${root} at ${server.url}`);
