import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A section of the report, folded under its heading (the HTML report's headings), open or not. A
 * folded section is drawn when first opened: drawing every table and screenshot of a long audit at
 * once held the panel's main thread for about 50 ms.
 */
export function Part({
  id,
  title,
  open,
  children,
}: {
  id: string;
  title: string;
  open?: boolean;
  children: ComponentChildren;
}) {
  const [drawn, setDrawn] = useState(open === true);
  return (
    <details
      class="rep-part"
      open={open}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setDrawn(true);
      }}
    >
      <summary>
        <h3 id={`rep-${id}`}>{title}</h3>
      </summary>
      {drawn && <section aria-labelledby={`rep-${id}`}>{children}</section>}
    </details>
  );
}

/** A label and its value in a `dl.rep-facts`: grouped, so the pair wraps as one on a narrow panel. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
