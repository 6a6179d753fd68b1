/**
 * Where the admin page loads the CMS bundle (`admin/cms.ts`: Decap, React, the site's
 * widgets and previews) from. The bundle is not built by Astro: src/build/admin-bundle.ts
 * builds it with Vite while `astro build` runs, and scripts/build/build.ts copies it into
 * `<outDir>/admin/`. `astro dev` (npm run cms) serves the source itself.
 */

/** In a build: the bundle, with its chunks beside it under /admin/assets/. */
export const ADMIN_SCRIPT = '/admin/cms.js';
/** Under `astro dev`: Vite serves and transforms the source. */
export const ADMIN_DEV_SCRIPT = '/admin/cms.ts';
