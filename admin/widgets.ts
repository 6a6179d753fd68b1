/**
 * Custom widgets for the rules Decap's config can't express (see WIDGETS in ./config.ts).
 *
 * Each wraps one of Decap's own controls, so it looks and saves exactly like it, and adds an
 * `isValid()` method: Decap calls it on save and shows the returned message under the field,
 * and refuses to save or publish while any field is invalid. Written with createElement:
 * the site's toolchain has no React JSX transform, and these are too small to need one.
 */
import type { CMS, CmsWidgetControlProps } from 'decap-cms-core';
import { List, type Map as ImmutableMap } from 'immutable';
import { Component, createElement as h, type ComponentType, type ChangeEvent } from 'react';
import { t } from '../src/i18n/index.ts';
import { isRealDate } from '../src/lib/dates.ts';
import { WIDGETS } from './constants.ts';

/** The props Decap passes to every control that these widgets use. */
interface ControlProps extends CmsWidgetControlProps {
  getEntry: () => ImmutableMap<string, unknown>;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

type Validity = true | { error: { type: 'CUSTOM'; message: string } };

const invalid = (message: string): Validity => ({ error: { type: 'CUSTOM', message } });

/** The current value of another field of the entry being edited. */
function sibling(props: ControlProps, name: string): unknown {
  return props.getEntry().getIn(['data', name]);
}

const isBlank = (value: unknown) =>
  typeof value === 'string' ? value.trim() === '' : value === undefined || value === null;

/** Builds a control class that renders Decap's `base` control and validates with `check`. */
function wrap(base: ComponentType<ControlProps>, check: (props: ControlProps) => Validity) {
  return class extends Component<ControlProps> {
    isValid = (): Validity => check(this.props);
    override render() {
      return h(base, this.props);
    }
  };
}

/**
 * `images/photo.jpg` → `./images/photo.jpg`. Decap joins the collection's public folder
 * (`./images`) and the file name with a path join that drops the `./`, but Astro's `image()`
 * and the model (IMAGE_PATH_PATTERN) need a path that says it is relative to the entry.
 */
export function relativeImagePath(value: unknown): unknown {
  return typeof value === 'string' && value !== '' && !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(value)
    ? `./${value}`
    : value;
}

/** Splits what an editor typed at English or Chinese commas, 、 and semicolons. */
export function splitTerms(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

/** The words of a list value, whatever shape Decap hands over. */
function termsOf(value: unknown): string[] {
  if (List.isList(value)) return value.toArray().map(String);
  if (Array.isArray(value)) return value.map(String);
  return [];
}

/**
 * A list of words on one line (tags, synonyms). Decap's own list widget splits only at the
 * English comma, so an editor typing 家庭教育，维权 with a Chinese comma got one tag.
 */
class TermsControl extends Component<ControlProps, { text: string }> {
  override state = { text: termsOf(this.props.value).join(t('admin.terms.separator')) };

  isValid = (): Validity => {
    const min = Number(this.props.field.get('min') ?? 0);
    const count = termsOf(this.props.value).length;
    if (count > 0 && count < min) {
      return invalid(t('admin.terms.min', { field: String(this.props.field.get('label')), min }));
    }
    return true;
  };

  handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    this.setState({ text });
    this.props.onChange(List(splitTerms(text)));
  };

  override render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return h('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      value: this.state.text,
      onChange: this.handleChange,
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    });
  }
}

function TermsPreview({ value }: { value: unknown }) {
  return h('p', null, termsOf(value).join(t('admin.terms.separator')));
}

/** Registers the widgets; call before `CMS.init`. */
export function registerWidgets(cms: CMS): void {
  const string = cms.getWidget('string');
  const datetime = cms.getWidget('datetime');
  const image = cms.getWidget('image');
  if (!string || !datetime || !image)
    throw new Error('Decap widgets "string", "datetime" and "image" must be registered first');

  const ImageBase = image.control as unknown as ComponentType<ControlProps>;
  class ImageControl extends Component<ControlProps> {
    // The file control re-renders when the media library hands it a file, which Decap decides
    // by asking the inner control; this wrapper always lets it render.
    override shouldComponentUpdate() {
      return true;
    }
    onChange = (value: unknown) => this.props.onChange(relativeImagePath(value));
    override render() {
      return h(ImageBase, { ...this.props, onChange: this.onChange });
    }
  }

  const AltControl = wrap(string.control as unknown as ComponentType<ControlProps>, (props) => {
    const imageField = String(props.field.get('image_field'));
    if (isBlank(sibling(props, imageField)) || !isBlank(props.value)) return true;
    return invalid(
      t('admin.alt.required', { image: String(props.field.get('image_label')), alt: String(props.field.get('label')) }),
    );
  });

  const DateControl = wrap(datetime.control as unknown as ComponentType<ControlProps>, (props) => {
    const value: unknown = props.value;
    if (isBlank(value)) return true;
    if (typeof value !== 'string' || !isRealDate(value))
      return invalid(t('admin.date.invalid', { date: String(value) }));
    const otherName = props.field.get('not_before') as string | undefined;
    const other = otherName ? sibling(props, otherName) : undefined;
    if (typeof other === 'string' && value < other) {
      return invalid(
        t('admin.date.notBefore', {
          field: String(props.field.get('label')),
          other: String(props.field.get('not_before_label')),
          date: other,
        }),
      );
    }
    return true;
  });

  cms.registerWidget(WIDGETS.image, ImageControl as never, image.preview as never);
  cms.registerWidget(WIDGETS.alt, AltControl as never, string.preview as never);
  cms.registerWidget(WIDGETS.date, DateControl as never, datetime.preview as never);
  cms.registerWidget(WIDGETS.terms, TermsControl as never, TermsPreview as never);
}
