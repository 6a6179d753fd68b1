// ESLint: typed rules for TypeScript, the Astro plugin for components. Zero warnings allowed.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
  ...astro.configs.recommended,
  {
    // `astro check` type-checks components; plain JS files carry no types to check.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
