import { options } from 'preact';

/** The component types (and element tags) Preact rendered while `work` ran: what a change redrew. */
export async function rendersDuring(work: () => Promise<void>): Promise<unknown[]> {
  const drawn: unknown[] = [];
  const previous = options.diffed;
  options.diffed = (vnode) => {
    drawn.push(vnode.type);
    previous?.(vnode);
  };
  try {
    await work();
  } finally {
    options.diffed = previous;
  }
  return drawn;
}
