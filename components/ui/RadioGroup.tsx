import type { Option } from '@/components/ui/Field';

/** One choice of a few, each visible: a fieldset whose legend names the question. */
export function RadioGroup(props: {
  legend: string;
  name: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  return (
    <fieldset class="ui-radios">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="ui-check">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
