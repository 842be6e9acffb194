import { present, t } from '@/lib/i18n';
import type { Category, Tag } from '@/lib/model';
import type { JourneyModel } from '@/components/panel/model/journey-model';

/** A tag in the journey: its screenshot, what it says, a link to the replay, edit and delete. */
export function TagItem({
  tag,
  n,
  journey,
  categories,
}: {
  tag: Tag;
  n: number;
  journey: JourneyModel;
  categories: Category[];
}) {
  const shot = journey.shots.value.get(tag.id);
  const category = categories.find((c) => c.id === tag.categoryId);
  const name = category ? present.category(category) : tag.categoryId;
  return (
    <li class={`jtag jsev${tag.severity}`}>
      {shot && <img class="jtag-shot" src={shot} alt={t('tagScreenshotAlt', present.target(tag.target) || name)} />}
      <div class="jtag-main">
        <p>
          <strong>{name}</strong> · {t(`severity${tag.severity}` as 'severity0')}
        </p>
        {tag.target && <p class="small muted">{present.target(tag.target)}</p>}
        {tag.note && <p class="small">{tag.note}</p>}
        <div class="row">
          <button type="button" class="link" onClick={() => journey.openTag(tag)}>
            {t('tagOpenReplay')}
          </button>
          <select
            aria-label={t('tagEdit', String(n))}
            value={String(tag.severity)}
            onChange={(e) => void journey.updateTag(tag.id, { ...tag, severity: Number(e.currentTarget.value) })}
          >
            {[0, 1, 2, 3, 4].map((s) => (
              <option key={s} value={String(s)}>
                {t(`severity${s}` as 'severity0')}
              </option>
            ))}
          </select>
          <button type="button" class="danger" onClick={() => void journey.deleteTag(tag.id)}>
            {t('deleteTag')}
          </button>
        </div>
      </div>
    </li>
  );
}
