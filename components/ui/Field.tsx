import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';

/** An error as data (a locale key, as the panel's models give it) or as text already worded. */
export type FieldError = { key: MessageKey; subs?: string[] } | string | null | undefined;

/** A field's value: a signal the field writes to (the panel's models), or a value and a callback. */
type Value<T> = { value: Signal<T>; onValue?: (v: T) => void } | { value: T; onValue: (v: T) => void };

interface Common {
  label: string;
  /** Shown under the field and read with it (aria-describedby). */
  hint?: string | undefined;
  error?: FieldError;
  /** A fixed id for the control; one is made otherwise. */
  id?: string;
}

/** What a control needs to be tied to its label, hint and error. */
export interface ControlAttrs {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

const read = <T,>(v: Signal<T> | T): T =>
  v !== null && typeof v === 'object' && 'peek' in (v as object) ? (v as Signal<T>).value : (v as T);

function write<T>(props: Value<T>, next: T): void {
  const v = props.value as Signal<T> | T;
  if (v !== null && typeof v === 'object' && 'peek' in (v as object)) (v as Signal<T>).value = next;
  props.onValue?.(next);
}

/**
 * The one way to build a labelled field, in the panel and in the tag and score forms: a label, the
 * control, a hint and an error, tied by ids so a screen reader reads them with the control.
 */
export function Field(
  props: Common & { check?: boolean; class?: string; children: (attrs: ControlAttrs) => ComponentChildren },
) {
  const made = useId();
  const id = props.id ?? made;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const attrs: ControlAttrs = {
    id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': props.error ? true : undefined,
  };
  const label = <label for={id}>{props.label}</label>;
  const error = props.error;
  return (
    <div class={`ui-field${props.check ? ' ui-check' : ''}${props.class ? ` ${props.class}` : ''}`}>
      {!props.check && label}
      {/* The hint before the control: a statement to agree with is read before the choices. */}
      {props.hint && !props.check && (
        <span id={hintId} class="ui-hint">
          {props.hint}
        </span>
      )}
      {props.children(attrs)}
      {props.check && label}
      {props.hint && props.check && (
        <span id={hintId} class="ui-hint">
          {props.hint}
        </span>
      )}
      {error && (
        <span id={errorId} class="ui-error">
          {typeof error === 'string' ? error : t(error.key, error.subs)}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: Common &
    Value<string> & {
      type?: 'text' | 'url' | 'datetime-local';
      inputMode?: 'text' | 'numeric' | 'decimal';
      placeholder?: string;
      maxLength?: number;
      autoComplete?: string;
      list?: string;
    },
) {
  return (
    <Field {...props}>
      {(a) => (
        <input
          {...a}
          // Preact types each input type apart; the kinds here take the same attributes.
          type={(props.type ?? 'text') as 'text'}
          inputMode={props.inputMode}
          value={read(props.value)}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          list={props.list}
          autoComplete={props.autoComplete ?? 'off'}
          onInput={(e) => write(props, e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: Common & Value<string> & { rows?: number; maxLength?: number; mono?: boolean }) {
  return (
    <Field {...props}>
      {(a) => (
        <textarea
          {...a}
          rows={props.rows ?? 2}
          value={read(props.value)}
          maxLength={props.maxLength}
          class={props.mono ? 'ui-mono' : undefined}
          spellcheck={props.mono ? false : undefined}
          onInput={(e) => write(props, e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    /** The choices; or <option> children. */
    options?: readonly Option[];
    children?: ComponentChildren;
    disabled?: boolean;
  },
) {
  return (
    <Field {...props}>
      {(a) => (
        <select
          {...a}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          {props.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {props.children}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField(
  props: Common &
    (
      | { checked: Signal<boolean>; onValue?: (v: boolean) => void }
      | { checked: boolean; onValue: (v: boolean) => void }
    ),
) {
  const value = { value: props.checked, onValue: props.onValue } as Value<boolean>;
  return (
    <Field {...props} check>
      {(a) => (
        <input
          {...a}
          type="checkbox"
          checked={read(props.checked)}
          onChange={(e) => write(value, e.currentTarget.checked)}
        />
      )}
    </Field>
  );
}

/** The options of a numeric scale (severity 0-4, CES 1-7…), each worded by `label`. */
export function scale(values: readonly number[], label: (v: number) => string): Option[] {
  return values.map((v) => ({ value: String(v), label: label(v) }));
}
