import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Category } from '@/lib/model';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import { ScoreForm } from '@/components/tagger/ScoreForm';
import { type FormActions, TagForm } from '@/components/tagger/TagForm';

/**
 * The form frame's page: the open tag or score form, as the tagger's model (mirrored here) says.
 * Focus goes to the first field when the tagger asks (the form opened, or its fields appeared),
 * and to the first field in error when a save is refused, whose message is beside it.
 */
export function FormApp({
  model,
  actions,
  categories,
  focusAsk,
}: {
  model: TaggerModel;
  actions: FormActions;
  categories: Signal<Category[]>;
  focusAsk: Signal<number>;
}) {
  const root = useRef<HTMLDivElement>(null);
  const view = model.view.value;
  const asked = focusAsk.value;
  const waiting = model.editing.value === null;
  useEffect(() => {
    if (asked > 0) root.current?.querySelector<HTMLElement>('select,input,textarea')?.focus();
  }, [asked, view, waiting]);
  const invalid = Object.keys(model.errors.value).length + Object.keys(model.scoreErrors.value).length;
  useEffect(() => {
    if (invalid > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid]);
  return (
    <div ref={root} class="tg-frame-root">
      {view === 'tag' && <TagForm model={model} ctl={actions} categories={categories.value} />}
      {view === 'score' && <ScoreForm model={model} ctl={actions} />}
    </div>
  );
}
