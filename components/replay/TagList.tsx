import { type MessageKey, present, t } from '@/lib/i18n';
import type { ReplayWalk } from '@/lib/replay/load';
import type { ReplayModel } from '@/components/replay/model/replay-model';

/** The walk's friction tags; clicking one plays its page from the moment it was pinned. */
export function TagList({ model, walk }: { model: ReplayModel; walk: ReplayWalk }) {
  if (walk.tags.length === 0) return null;
  const selected = model.selectedTagId.value;
  return (
    <section class="rp-steps rp-tags" aria-labelledby="rp-tags-title">
      <h3 id="rp-tags-title">{t('replayTags')}</h3>
      <ol>
        {walk.tags.map((tag) => {
          const category = walk.categories.find((c) => c.id === tag.categoryId);
          const offset = present.clock(tag.at - walk.walk.startedAt);
          return (
            <li key={tag.id}>
              <button
                type="button"
                class="rp-step"
                aria-current={tag.id === selected ? 'true' : undefined}
                onClick={() => void model.selectTag(tag.id)}
              >
                <span class={`rp-kind rp-sev${tag.severity}`}>{t(`severity${tag.severity}` as MessageKey)}</span>
                <time class="rp-at">{offset}</time>
                <span class="rp-target">{category ? present.category(category) : tag.categoryId}</span>
                <span class="rp-page-title">{tag.note || present.target(tag.target) || tag.url}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
