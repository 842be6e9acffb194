import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Message } from '@/components/panel/model/panel-env';

interface Common {
  label: string;
  /** Shown under the field and read with it (aria-describedby). */
  hint?: string | undefined;
  error?: Message | null | undefined;
}

/** The ids and attributes that tie a field to its hint and error, so a screen reader reads them. */
function useDescribed(hint: string | undefined, error: Message | null | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const below = (
    <>
      {hint && (
        <span id={hintId} class="ui-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} class="ui-error">
          {t(error.key, error.subs)}
        </span>
      )}
    </>
  );
  return { id, describedBy, invalid: error ? true : undefined, below };
}

export function TextField(
  props: Common & {
    value: Signal<string>;
    type?: 'text' | 'url';
    placeholder?: string;
    maxLength?: number;
    autoComplete?: string;
  },
) {
  const d = useDescribed(props.hint, props.error);
  return (
    <div class="ui-field">
      <label for={d.id}>{props.label}</label>
      <input
        id={d.id}
        // Preact types each input type apart; both kinds here take the same attributes.
        type={(props.type ?? 'text') as 'text'}
        value={props.value.value}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={d.invalid}
        aria-describedby={d.describedBy}
        onInput={(e) => {
          props.value.value = e.currentTarget.value;
        }}
      />
      {d.below}
    </div>
  );
}

export function TextArea(props: Common & { value: Signal<string>; rows?: number; maxLength?: number; mono?: boolean }) {
  const d = useDescribed(props.hint, props.error);
  return (
    <div class="ui-field">
      <label for={d.id}>{props.label}</label>
      <textarea
        id={d.id}
        rows={props.rows ?? 2}
        value={props.value.value}
        maxLength={props.maxLength}
        class={props.mono ? 'ui-mono' : undefined}
        spellcheck={props.mono ? false : undefined}
        aria-invalid={d.invalid}
        aria-describedby={d.describedBy}
        onInput={(e) => {
          props.value.value = e.currentTarget.value;
        }}
      />
      {d.below}
    </div>
  );
}

export function SelectField(
  props: Common & { value: string; onChange: (value: string) => void; children: ComponentChildren; disabled?: boolean },
) {
  const d = useDescribed(props.hint, props.error);
  return (
    <div class="ui-field">
      <label for={d.id}>{props.label}</label>
      <select
        id={d.id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={d.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.children}
      </select>
      {d.below}
    </div>
  );
}

export function CheckboxField(props: Common & { checked: Signal<boolean> }) {
  const d = useDescribed(props.hint, props.error);
  return (
    <div class="ui-field ui-check">
      <input
        id={d.id}
        type="checkbox"
        checked={props.checked.value}
        aria-describedby={d.describedBy}
        onChange={(e) => {
          props.checked.value = e.currentTarget.checked;
        }}
      />
      <label for={d.id}>{props.label}</label>
      {d.below}
    </div>
  );
}
