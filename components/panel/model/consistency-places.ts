import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Divergence, PagePlace, Place } from '@/lib/consistency/divergence';
import type { Db } from '@/lib/db/open-db';
import type { Tag } from '@/lib/model';
import type { AuditData } from '@/lib/read/audit-data';
import { getScreenshot } from '@/lib/read/tags';
import { replayHash } from '@/lib/replay/hash';
import type { PanelEnv } from '@/components/panel/model/panel-env';

/** The replay's address for the moment a value was read on a page. */
export function placeReplayPath(p: PagePlace): string {
  return `/replay.html${replayHash({ walkId: p.walkId, at: p.at, recorderId: p.recorderId })}`;
}

/** The tag pinned on the same element of the same page load, if any (its anchor's selector). */
export function tagOnPlace(data: AuditData | null, p: Place): Tag | null {
  if (p.type !== 'page' || !p.anchor) return null;
  const tags = data?.walks.find((w) => w.walk.id === p.walkId)?.tags ?? [];
  const on = tags.filter((t) => t.recorderId === p.recorderId && t.anchor.selector === p.anchor?.selector);
  // One with a screenshot when there is one: that is what the view shows of the element.
  return on.find((t) => t.screenshotId) ?? on[0] ?? null;
}

export interface PlaceShotDeps {
  db: Db;
  env: Pick<PanelEnv, 'objectUrl' | 'revokeUrl'>;
  data: ReadonlySignal<AuditData | null>;
  /** The divergence opened, whose places' elements are shown. */
  opened: ReadonlySignal<Divergence | null>;
}

/**
 * The screenshots of the opened divergence's elements, by tag id: read when it opens, their URLs
 * revoked when it closes or another opens (a closed divergence holds no image in memory).
 */
export function createPlaceShots({ db, env, data, opened }: PlaceShotDeps) {
  const urls = signal<ReadonlyMap<string, string>>(new Map());
  let shotSeq = 0;
  async function loadShots(tags: Tag[]): Promise<void> {
    const mine = ++shotSeq;
    const next = new Map<string, string>();
    for (const tag of tags) {
      const shot = tag.screenshotId ? await getScreenshot(db, tag.screenshotId).catch(() => undefined) : undefined;
      if (shot) next.set(tag.id, env.objectUrl(shot.blob));
    }
    if (mine !== shotSeq) {
      for (const u of next.values()) env.revokeUrl(u);
      return;
    }
    for (const u of urls.peek().values()) env.revokeUrl(u);
    urls.value = next;
  }
  const shotTags = computed(() => {
    const d = opened.value;
    if (!d) return [];
    const seen = new Map<string, Tag>();
    for (const v of d.values)
      for (const p of v.places) {
        const tag = tagOnPlace(data.value, p);
        if (tag?.screenshotId) seen.set(tag.id, tag);
      }
    return [...seen.values()];
  });
  const shotIds = computed(() => shotTags.value.map((t) => t.id).join(','));
  const stopShots = effect(() => {
    shotIds.value;
    void loadShots(shotTags.peek());
  });

  return {
    urls,
    dispose(): void {
      stopShots();
      shotSeq++;
      for (const u of urls.peek().values()) env.revokeUrl(u);
      urls.value = new Map();
    },
  };
}
