// ESLint: typed rules for TypeScript, the Astro plugin for components. Zero warnings allowed.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Where code runs, kept true by import rules (CONTRIBUTING.md, "Layout"):
 * - `src/lib/`: pure functions shared by the build and the browser;
 * - browser code: the scripts beside their components (`src/components/**`) and the CMS bundle
 *   (`admin/`, except `admin/build/`, which generates its config at build time);
 * - build-only code: everything else under `src/` and `admin/build/`, and `scripts/`.
 * Type-only imports are erased, so browser code may name the model's types.
 */
const BUILD_ONLY = [
  { group: ['node:*'], message: 'Node modules run only at build time.' },
  { group: ['astro:*'], message: 'astro:content and friends exist only at build time.' },
  {
    group: ['**/content/model.ts', '**/content/schema.ts', '**/content/check/**', '**/content/paths.ts'],
    allowTypeImports: true,
    message: 'Browser code and src/lib get the model through virtual:fl/* (src/integrations/model-modules.ts).',
  },
  { group: ['**/src/build/**', '../build/**', '../../build/**'], message: 'src/build/ is build-only code.' },
  {
    group: ['**/integrations/**', '**/admin/build/**', './build/**'],
    message: 'Build-time code, not for the browser.',
  },
];

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.test-dist/', 'node_modules/', 'public/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      // Playwright fixtures declare "no dependencies" as an empty pattern: async ({}, use) => …
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BUILD_ONLY,
            { group: ['**/components/**', '**/admin/**'], message: 'src/lib is shared: it imports no browser code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,js}', 'src/components/**/*.astro/*.ts', 'admin/**/*.ts'],
    ignores: ['admin/build/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: BUILD_ONLY }] },
  },
  ...astro.configs.recommended,
  {
    // `astro check` type-checks components; plain JS files carry no types to check.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
