/**
 * Every built page of both test builds passes html-validate (config: .htmlvalidate.mjs) with
 * zero errors: valid nesting, one h1 and no skipped heading level, labelled controls, alt
 * text, unique ids, no inline style or script the CSP would block.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIST, SITE_DIST } from '../support/paths.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const format = formatterFactory('text');

function htmlFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(root, file));
}

describe.each([
  ['real content', SITE_DIST],
  ['fixture', FIXTURE_DIST],
])('html-validate: %s', (_name, root) => {
  test('every page is valid HTML with a sound heading outline', async () => {
    const files = htmlFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const report = await validator.validateMultipleFiles(files);
    expect(report.valid, format(report.results)).toBe(true);
  });
});

test('the rules catch a skipped heading level and a second h1', async () => {
  const report = await validator.validateString(
    '<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body><main><h1>一</h1><h3>三</h3><h1>二</h1></main></body></html>',
    'broken.html',
  );
  expect(report.results[0]?.messages.map((message) => message.ruleId)).toEqual(['heading-level', 'heading-level']);
});
