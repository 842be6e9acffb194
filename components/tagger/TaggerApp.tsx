import { t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import type { TaggerController } from '@/components/tagger/model/tagger';
import { Markers } from '@/components/tagger/Markers';
import { PickLayer } from '@/components/tagger/PickLayer';
import { FormFrame } from '@/components/tagger/FormFrame';

export interface TaggerAppProps {
  model: TaggerModel;
  ctl: TaggerController;
  categories: Category[];
}

/**
 * Everything the tagging tools draw over the page: markers, pick mode, and the open form (in a
 * frame of its own, see FormFrame: focus, Esc and the first invalid field are handled there).
 */
export function TaggerApp({ model, ctl, categories }: TaggerAppProps) {
  const view = model.view.value;
  return (
    <div class={`tg-root${model.hidden.value ? ' tg-hidden' : ''}`}>
      <Markers model={model} ctl={ctl} categories={categories} />
      {view === 'picking' && <PickLayer model={model} ctl={ctl} />}
      {(view === 'tag' || view === 'score') && (
        <div class="tg-panel" role="dialog" aria-label={view === 'tag' ? t('tagFriction') : t('scoreTouchpoint')}>
          <FormFrame model={model} ctl={ctl} categories={categories} />
        </div>
      )}
    </div>
  );
}
