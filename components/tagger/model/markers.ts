import { findAnchor } from '@/lib/anchors/find-anchor';
import type { Tag } from '@/lib/model';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import { type Box, boxOf } from '@/components/tagger/model/pick';

export interface MarkerDeps {
  doc: Document;
  model: TaggerModel;
  /** This page's tags (`tag/list-page`). */
  list: () => Promise<Tag[]>;
  /** How many of them could not be placed (0 clears the notice). */
  missing: (n: number) => void;
}

function sameBox(a: Box | null, b: Box | null): boolean {
  return a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
}

/**
 * Markers of this page's tags: each tag's anchor is resolved once per refresh (a find is costly
 * on large pages), and only the boxes of the found elements are read again as the page moves.
 */
export function createMarkers({ doc, model, list, missing }: MarkerDeps) {
  const elements = new Map<string, Element | null>();
  /** Refreshes overlap when a save lands during a load: only the newest may write. */
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    if (!model.markersOn.value) {
      model.markers.value = [];
      return;
    }
    const tags = await list();
    if (mine !== generation) return;
    elements.clear();
    model.markers.value = tags.map((tag, i) => {
      const el = findAnchor(tag.anchor, doc)?.element ?? null;
      elements.set(tag.id, el);
      return { tag, n: i + 1, box: el ? boxOf(el) : null };
    });
    missing(model.markers.value.filter((m) => !m.box).length);
  }

  /** Markers follow their elements as the page scrolls, resizes or changes. */
  function relayout(): void {
    const now = model.markers.value;
    if (now.length === 0) return;
    const next = now.map((m) => {
      const el = elements.get(m.tag.id);
      return { ...m, box: el?.isConnected ? boxOf(el) : null };
    });
    // Pages that change all the time (a ticking clock) must not re-render the markers each frame.
    if (next.some((m, i) => !sameBox(m.box, now[i]?.box ?? null))) model.markers.value = next;
  }

  return { refresh, relayout };
}
