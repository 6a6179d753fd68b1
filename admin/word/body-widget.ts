/**
 * The body field's widget (WIDGETS.body): Decap's own Markdown editor, unchanged, with three
 * additions for editors who write in Word:
 *
 * 1. 从 Word 导入 (notices and news, new entries): pick a .docx; the converter (src/lib/word,
 *    shared with `npm run import:docx`) runs in this browser, and a new entry opens with its
 *    fields, body and images filled. The editor reviews and saves as usual.
 * 2. Clean paste: HTML pasted from Word, WPS or a web page into the Markdown editor becomes
 *    clean Markdown by the same rules (headings, lists, tables, bold, links kept; styles
 *    dropped). Plain text stays plain. In Decap's rich-text mode its own paste handling is
 *    left as it is (it keeps headings, lists, bold and links) and a table gets a message
 *    pointing to Markdown mode, since that editor has no tables.
 * 3. The preview shows the paragraphs as they will be saved (src/lib/paragraphs.ts).
 *
 * The converter (mammoth, turndown) loads only on the first import or rich paste, as lazy
 * chunks: the admin's first load does not grow with it.
 *
 * Why this route. Decap supports two ways to fill an entry from outside, and neither does the
 * whole job alone:
 * - prefilling a new entry through its URL (`#/collections/notices/new?title=…`: each value
 *   becomes that field's default) can't carry images, and Decap HTML-escapes every value
 *   (`escapeHtml` in createEmptyDraft), so a body's `<`, `&` and quotes would be saved as
 *   entities;
 * - a widget can set only its own field, but it can add files to the entry being edited with
 *   `onPersistMedia`, which commits them with the entry, exactly like an upload.
 * So the short fields (标题, 文号, 发布机构, the dates) go through the URL, and the body and the
 * images through this widget once the new entry opens: the editor sees a normal new entry,
 * validated and saved by Decap's own code. A short value that escaping would change is left
 * out and named in the import report, for the editor to type.
 */
import type { CMS, CmsWidgetControlProps, CmsWidgetPreviewProps } from 'decap-cms-core';
import type { List, Map as ImmutableMap } from 'immutable';
import { Component, createElement as h, type ComponentType, type ClipboardEvent } from 'react';
import { t } from '../../src/i18n/index.ts';
import { WIDGETS } from '../constants.ts';
import { previewParagraphs } from '../editing/paragraphs-on-save.ts';
import type { ImportReport, ImportResult } from './import.ts';
import { markdownMode, pasteTarget, richHtml } from './paste.ts';

interface BodyProps extends CmsWidgetControlProps {
  entry: ImmutableMap<string, unknown>;
  collection: ImmutableMap<string, unknown>;
  onPersistMedia: (file: File) => Promise<unknown>;
}

interface BodyState {
  /** What is being done right now (reading a file, converting a paste). */
  busy?: string | undefined;
  /** A message for the editor: an import that failed, images a paste could not bring. */
  message?: string | undefined;
  report?: ImportReport | undefined;
  /** The body an import is setting: the editor is shown once the entry holds it. */
  awaiting?: string | undefined;
  /** Bumped to remount Decap's editor, which reads its value only when it mounts. */
  generation: number;
}

/** An import waiting for the new entry's form to open (see `reopenWith`). */
let pending: (ImportResult & { collection: string }) | undefined;
/** How many body widgets are on the page: 0 once the old form has closed. */
let mounted = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a new entry of `collection` with `prefill` as its field defaults. Through the
 * collection's list first: Decap creates the new entry's draft only when its form mounts, so
 * changing the address of an open form would change nothing.
 */
async function reopenWith(collection: string, prefill: Record<string, string>): Promise<boolean> {
  window.location.hash = `#/collections/${collection}`;
  for (let waited = 0; mounted > 0; waited += 50) {
    // The editor chose to stay (Decap asks before leaving unsaved changes).
    if (waited > 10_000) return false;
    await sleep(50);
  }
  window.location.hash = `#/collections/${collection}/new?${new URLSearchParams(prefill).toString()}`;
  return true;
}

/** Paste events this widget dispatched itself, with the cleaned text: let them through. */
const ownPastes = new WeakSet<Event>();

const boxStyle = {
  margin: '0 0 12px',
  padding: '10px 14px',
  border: '1px solid #c7d2de',
  borderRadius: '5px',
  background: '#f5f8fb',
  fontSize: '14px',
  lineHeight: 1.6,
  // A long file:/// path in a warning must not widen the editor on a narrow screen.
  overflowWrap: 'anywhere',
} as const;

export function createBodyControl(markdown: ComponentType<BodyProps>) {
  return class BodyControl extends Component<BodyProps, BodyState> {
    private job: typeof pending;

    constructor(props: BodyProps) {
      super(props);
      const name = String(props.collection.get('name'));
      this.state = { generation: 0 };
      if (pending?.collection === name && props.entry.get('newRecord') === true) {
        this.job = pending;
        pending = undefined;
        this.state = { generation: 0, awaiting: this.job.markdown, report: this.job.report };
      }
    }

    override componentDidMount() {
      mounted += 1;
      const job = this.job;
      if (!job) return;
      this.job = undefined;
      this.props.onChange(job.markdown);
      void this.addImages(job.images);
    }

    /** Adds the imported images to the entry, one at a time, as if the editor uploaded them. */
    private async addImages(images: File[]) {
      for (const image of images) await this.props.onPersistMedia(image);
    }

    override componentDidUpdate() {
      if (this.state.awaiting !== undefined && this.props.value === this.state.awaiting) {
        this.setState((state) => ({ awaiting: undefined, generation: state.generation + 1 }));
      }
    }

    override componentWillUnmount() {
      mounted -= 1;
    }

    private fields(): { name: string; label: string }[] {
      const fields = this.props.collection.get('fields') as List<ImmutableMap<string, unknown>>;
      return fields.toArray().map((field) => ({ name: String(field.get('name')), label: String(field.get('label')) }));
    }

    /**
     * The file picker's <input> lives outside React's tree, on <body>: inside Decap's field it
     * swallowed every key typed on the keyboard into the body editor (only input-method text
     * got through).
     */
    openPicker = () => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      input.hidden = true;
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.remove();
        if (file) void this.handleFile(file);
      });
      document.body.append(input);
      input.click();
    };

    handleFile = async (file: File) => {
      const collection = String(this.props.collection.get('name'));
      this.setState({ busy: t('admin.word.reading', { file: file.name }), message: undefined, report: undefined });
      try {
        const { importWord } = await import('./import.ts');
        const result = await importWord(file, {
          collection: collection as 'notices' | 'news',
          slugFallback: String(this.props.field.get('slug_fallback') ?? collection),
          fields: this.fields(),
        });
        pending = { ...result, collection };
        if (!(await reopenWith(collection, result.prefill))) {
          pending = undefined;
          this.setState({ busy: undefined });
        }
      } catch (error) {
        pending = undefined;
        const message = error instanceof Error ? error.message : String(error);
        this.setState({ busy: undefined, message: t('admin.word.failed', { file: file.name, message }) });
      }
    };

    handlePaste = (event: ClipboardEvent<HTMLDivElement>) => {
      if (ownPastes.has(event.nativeEvent)) return;
      const data = event.clipboardData;
      // A copy from this editor itself (Slate's own format) or plain text: Decap handles it.
      if (data.types.includes('application/x-slate-fragment')) return;
      const html = data.getData('text/html');
      if (!richHtml(html)) return;
      if (markdownMode() === 'rich_text') {
        // Decap's rich-text editor keeps headings, lists, bold and links of pasted HTML itself,
        // but it has no tables: say where they survive.
        if (/<table\b/i.test(html)) this.setState({ message: t('admin.paste.richMode') });
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      const target = event.target as HTMLElement;
      void this.pasteClean(target, html, data.getData('text/plain'));
    };

    private async pasteClean(target: HTMLElement, html: string, plain: string) {
      this.setState({ busy: t('admin.paste.converting'), message: undefined });
      let text = plain;
      const messages: string[] = [];
      try {
        const { cleanPaste } = await import('./paste-convert.ts');
        const result = cleanPaste(html);
        text = result.markdown;
        messages.push(...result.messages);
      } catch (error) {
        messages.push(t('admin.paste.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
      this.setState({ busy: undefined, message: messages.length > 0 ? messages.join('\n') : undefined });
      // Hand the text to Decap's editor as a plain-text paste, where the cursor is.
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      const paste = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      ownPastes.add(paste);
      pasteTarget(target).dispatchEvent(paste);
    }

    private renderImport() {
      if (this.props.field.get('word_import') !== true || this.props.entry.get('newRecord') !== true) return null;
      return h(
        'div',
        { style: { ...boxStyle, display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center' } },
        h(
          'button',
          {
            type: 'button',
            className: 'fl-word-import',
            disabled: this.state.busy !== undefined,
            onClick: this.openPicker,
            style: {
              padding: '6px 14px',
              border: '1px solid #2e5c8a',
              borderRadius: '4px',
              background: '#fff',
              color: '#1d4370',
              fontSize: '15px',
              fontWeight: 600,
              cursor: 'pointer',
            },
          },
          t('admin.word.import'),
        ),
        h('span', { style: { flex: '1 1 240px', color: '#4a5562' } }, t('admin.word.importHint')),
      );
    }

    private renderReport() {
      const { report, message, busy } = this.state;
      const parts = [];
      if (busy) parts.push(h('p', { key: 'busy', role: 'status', style: { margin: 0 } }, busy));
      if (message)
        parts.push(
          h(
            'p',
            { key: 'message', role: 'alert', style: { margin: 0, whiteSpace: 'pre-line', color: '#8c1d18' } },
            message,
          ),
        );
      if (report) {
        parts.push(
          h(
            'p',
            { key: 'done', role: 'status', style: { margin: 0 } },
            t('admin.word.done', { file: report.file, filled: report.filled.join('、') }),
          ),
          report.warnings.length > 0
            ? h(
                'div',
                { key: 'warnings' },
                h('p', { style: { margin: '4px 0 0', fontWeight: 600 } }, t('admin.word.warnings')),
                h(
                  'ul',
                  { style: { margin: 0, paddingLeft: '1.4em' } },
                  ...report.warnings.map((line, i) => h('li', { key: i }, line)),
                ),
              )
            : null,
          h(
            'button',
            {
              key: 'dismiss',
              type: 'button',
              onClick: () => this.setState({ report: undefined }),
              style: { marginTop: '6px' },
            },
            t('admin.word.dismiss'),
          ),
        );
      }
      if (parts.length === 0) return null;
      return h('div', { className: 'fl-word-report', style: boxStyle }, ...parts);
    }

    override render() {
      return h(
        'div',
        { onPasteCapture: this.handlePaste },
        this.renderImport(),
        this.renderReport(),
        this.state.awaiting === undefined
          ? h(markdown, { ...this.props, key: this.state.generation })
          : h('p', { role: 'status' }, t('admin.word.reading', { file: this.state.report?.file ?? '' })),
      );
    }
  };
}

/** The preview: Decap's Markdown preview of the body as it will be saved. */
export function createBodyPreview(preview: ComponentType<CmsWidgetPreviewProps>) {
  return function BodyPreview(props: CmsWidgetPreviewProps) {
    const value: unknown = props.value;
    return h(preview, { ...props, value: typeof value === 'string' ? previewParagraphs(value) : value });
  };
}

/** Registers the body widget; call before `CMS.init`, after Decap's own widgets exist. */
export function registerBodyWidget(cms: CMS): void {
  const markdown = cms.getWidget('markdown');
  if (!markdown) throw new Error('Decap widget "markdown" must be registered first');
  cms.registerWidget(
    WIDGETS.body,
    createBodyControl(markdown.control as unknown as ComponentType<BodyProps>) as never,
    createBodyPreview(markdown.preview as unknown as ComponentType<CmsWidgetPreviewProps>) as never,
  );
}
