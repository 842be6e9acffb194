import { EventType, IncrementalSource } from '@/lib/record/rrweb-codes';

import { OVERLAY_TAG } from '@/lib/overlay-tag';

interface SNode {
  id: number;
  tagName?: string;
  childNodes?: SNode[];
}

/**
 * Removes the overlay's host from recorded events so that nothing of Touchpoint reaches the
 * recording (its closed shadow root is already invisible to rrweb; this drops the empty host).
 * Mutates and returns the event; `hidden` collects the ids it removed, across events.
 */
export function stripOverlay<E extends { type: number; data?: unknown }>(e: E, hidden: Set<number>): E {
  const data = e.data as Record<string, unknown> | undefined;
  if (!data) return e;
  if (e.type === EventType.FullSnapshot) {
    prune(data.node as SNode, hidden);
  } else if (e.type === EventType.IncrementalSnapshot && data.source === IncrementalSource.Mutation) {
    const adds = data.adds as { parentId: number; node: SNode }[] | undefined;
    // In order, as a filter would (an add can hide the parent of a later one), but the array is
    // copied only once something goes: the page's own mutations, almost all, pass without a copy.
    let kept: typeof adds | null = null;
    for (let i = 0; adds && i < adds.length; i++) {
      const a = adds[i] as (typeof adds)[number];
      if (hidden.has(a.parentId) || a.node.tagName === OVERLAY_TAG) {
        collect(a.node, hidden);
        kept ??= adds.slice(0, i);
      } else {
        prune(a.node, hidden);
        kept?.push(a);
      }
    }
    if (kept) data.adds = kept;
    if (hidden.size === 0) return e;
    for (const key of ['removes', 'attributes', 'texts'] as const) {
      const list = data[key] as { id: number }[] | undefined;
      if (list?.some((m) => hidden.has(m.id))) data[key] = list.filter((m) => !hidden.has(m.id));
    }
  }
  return e;
}

/** Drops the overlay's hosts under `root`, walking without recursion or copies. */
function prune(root: SNode | undefined, hidden: Set<number>): void {
  const stack: SNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop();
    const kids = node?.childNodes;
    if (!node || !kids) continue;
    let next = kids;
    let found = false;
    for (let i = 0; i < kids.length && !found; i++) found = kids[i]?.tagName === OVERLAY_TAG;
    if (found) {
      for (const c of kids) if (c.tagName === OVERLAY_TAG) collect(c, hidden);
      next = kids.filter((c) => c.tagName !== OVERLAY_TAG);
      node.childNodes = next;
    }
    for (const c of next) stack.push(c);
  }
}

function collect(node: SNode, hidden: Set<number>): void {
  hidden.add(node.id);
  for (const c of node.childNodes ?? []) collect(c, hidden);
}
