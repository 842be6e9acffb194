/** A value as the list shows it; a colour with its swatch, so the difference is seen as well as read. */
export function ValueText({ value }: { value: string }) {
  const colour = /^#[0-9a-f]{6}$/.test(value);
  return (
    <span class="cons-value">
      {colour && <span class="cons-swatch" style={{ background: value }} aria-hidden="true" />}
      {value}
    </span>
  );
}
