import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import type { TaggerController } from '@/components/tagger/model/tagger';
import { Markers } from '@/components/tagger/Markers';
import { PickLayer } from '@/components/tagger/PickLayer';
import { ScoreForm } from '@/components/tagger/ScoreForm';
import { TagForm } from '@/components/tagger/TagForm';

export interface TaggerAppProps {
  model: TaggerModel;
  ctl: TaggerController;
  categories: Category[];
}

/** Everything the tagging tools draw over the page: markers, pick mode, and the open form. */
export function TaggerApp({ model, ctl, categories }: TaggerAppProps) {
  const view = model.view.value;
  const panel = useRef<HTMLDivElement>(null);
  // Focus moves into a form when it opens, so the keyboard is where the work is.
  useEffect(() => {
    if (view === 'tag' || view === 'score') panel.current?.querySelector<HTMLElement>('select,input,textarea')?.focus();
  }, [view, model.editing.value === null]);
  // A save refused by a check: focus goes to the first field in error, whose message is beside it.
  const invalid = Object.keys(model.errors.value).length + Object.keys(model.scoreErrors.value).length;
  useEffect(() => {
    if (invalid > 0) panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid]);
  return (
    <div class={`tg-root${model.hidden.value ? ' tg-hidden' : ''}`}>
      {model.masks.value.map((b, i) => (
        <div
          key={i}
          class="tg-mask"
          style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.width}px`, height: `${b.height}px` }}
        />
      ))}
      <Markers model={model} ctl={ctl} categories={categories} />
      {view === 'picking' && <PickLayer model={model} ctl={ctl} />}
      {(view === 'tag' || view === 'score') && (
        <div
          ref={panel}
          class="tg-panel"
          role="dialog"
          aria-label={view === 'tag' ? t('tagFriction') : t('scoreTouchpoint')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              ctl.close();
            }
          }}
        >
          {view === 'tag' ? (
            <TagForm model={model} ctl={ctl} categories={categories} />
          ) : (
            <ScoreForm model={model} ctl={ctl} />
          )}
        </div>
      )}
    </div>
  );
}
