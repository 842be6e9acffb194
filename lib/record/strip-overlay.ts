import { EventType, IncrementalSource } from '@rrweb/types';

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
    if (adds) {
      data.adds = adds.filter((a) => {
        if (hidden.has(a.parentId) || a.node.tagName === OVERLAY_TAG) {
          collect(a.node, hidden);
          return false;
        }
        prune(a.node, hidden);
        return true;
      });
    }
    for (const key of ['removes', 'attributes', 'texts'] as const) {
      const list = data[key] as { id: number }[] | undefined;
      if (list) data[key] = list.filter((m) => !hidden.has(m.id));
    }
  }
  return e;
}

function prune(node: SNode | undefined, hidden: Set<number>): void {
  if (!node?.childNodes) return;
  node.childNodes = node.childNodes.filter((c) => {
    if (c.tagName === OVERLAY_TAG) {
      collect(c, hidden);
      return false;
    }
    prune(c, hidden);
    return true;
  });
}

function collect(node: SNode, hidden: Set<number>): void {
  hidden.add(node.id);
  for (const c of node.childNodes ?? []) collect(c, hidden);
}
