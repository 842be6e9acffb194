import { useId } from 'preact/hooks';

export interface Option {
  value: string;
  label: string;
}

/** A labelled <select>, with its error read with it. */
export function Select(props: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (v: string) => void;
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class="tg-field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} class="tg-hint">
          {props.hint}
        </span>
      )}
      <select
        id={id}
        value={props.value}
        aria-describedby={described || undefined}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={`${id}-error`} class="tg-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** Options numbered from the message keys `prefix0…`, e.g. severity0 … severity4. */
export function scale(values: readonly (string | number)[], label: (v: string) => string): Option[] {
  return values.map((v) => ({ value: String(v), label: label(String(v)) }));
}
