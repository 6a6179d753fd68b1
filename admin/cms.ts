/**
 * The admin at /admin/: Decap CMS, bundled by the site's own build (never from a CDN) and
 * loaded by `src/pages/admin/index.astro` only. The page embeds the config it generated at
 * build time (./config.ts, from the content model and the CMS_* environment variables).
 */
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { CONFIG_ELEMENT_ID } from './constants.ts';
import siteCss from '../src/styles/index.css?inline';
import { zhHans } from './locale.ts';
import { registerPreviews } from './previews/index.ts';
import { registerWidgets } from './widgets.ts';
import { watchRefusedSaves } from './editing/missing-field.ts';
import { registerParagraphsOnSave } from './editing/paragraphs-on-save.ts';
import { withTodayDefaults } from './editing/today.ts';
import { registerBodyWidget } from './word/body-widget.ts';
import { registerWordingGuard } from './wording.ts';

const element = document.getElementById(CONFIG_ELEMENT_ID);
if (!element?.textContent) throw new Error(`#${CONFIG_ELEMENT_ID} is missing from the admin page`);
const config = withTodayDefaults(JSON.parse(element.textContent) as CmsConfig);

// Decap remembers each editor's last Markdown mode (default: rich text). Rich text rewrites the
// whole body on any edit (lists, blank lines), so a one-character typo fix shows as dozens of
// changed lines in the history. Start in plain Markdown beside the live preview, as GOV.UK's
// publishing tools do; the toggle to rich text stays, and Decap remembers the choice.
const MARKDOWN_MODE_KEY = 'cms.md-mode';
if (localStorage.getItem(MARKDOWN_MODE_KEY) === null) localStorage.setItem(MARKDOWN_MODE_KEY, 'raw');

CMS.registerLocale('zh_Hans', zhHans);
registerWidgets(CMS);
registerBodyWidget(CMS);
registerParagraphsOnSave(CMS);
registerPreviews(CMS, siteCss);
watchRefusedSaves();
registerWordingGuard(CMS);
CMS.init({ config });
