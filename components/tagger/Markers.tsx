import { useEffect, useRef } from 'preact/hooks';
import { present, t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import type { TaggerController } from '@/components/tagger/model/tagger';

/** Outlines and numbered badges on the tagged elements of this page; a badge opens its tag. */
export function Markers({
  model,
  ctl,
  categories,
}: {
  model: TaggerModel;
  ctl: TaggerController;
  categories: Category[];
}) {
  const root = useRef<HTMLDivElement>(null);
  // A marker's form closed: focus goes back to its badge (keyboard users keep their place).
  const focusId = model.focusMarker.value;
  useEffect(() => {
    if (!focusId) return;
    for (const b of root.current?.querySelectorAll<HTMLElement>('[data-tag-id]') ?? []) {
      if (b.dataset.tagId === focusId) b.querySelector('button')?.focus();
    }
    model.focusMarker.value = null;
  }, [focusId]);
  if (!model.markersOn.value || model.view.value === 'picking') return null;
  const label = (id: string) => {
    const c = categories.find((x) => x.id === id);
    return c ? present.category(c) : id;
  };
  return (
    <div class="tg-markers" ref={root}>
      {model.markers.value.map(({ tag, n, box }) =>
        box ? (
          <div
            key={tag.id}
            class={`tg-marker tg-sev${tag.severity}`}
            data-tag-id={tag.id}
            style={{ left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` }}
          >
            <button
              type="button"
              class="tg-badge"
              aria-label={t('markerLabel', [present.count(n), label(tag.categoryId), present.count(tag.severity)])}
              title={tag.note || label(tag.categoryId)}
              onClick={() => ctl.edit(tag)}
            >
              {n}
            </button>
          </div>
        ) : null,
      )}
    </div>
  );
}
