import { useEffect, useState } from 'preact/hooks';
import { TextArea } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { present, t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';
import { linesOf } from '@/components/panel/model/categories';
import { signal } from '@preact/signals';

/** The current audit's friction categories, one per line: what the tag form offers. */
export function CategoryEditor({ model }: { model: PanelModel }) {
  const audit = model.audit.value;
  const [text] = useState(() => signal(''));
  useEffect(() => {
    text.value = audit ? linesOf(audit.categories, present.category) : '';
  }, [audit?.id, audit?.categories]);
  if (!audit) return null;
  return (
    <details class="subform">
      <summary>{t('categoriesHeading')}</summary>
      <form
        class="subform"
        onSubmit={(e) => {
          e.preventDefault();
          void model.saveCategories(text.value, present.category);
        }}
      >
        <TextArea label={t('categoriesLabel')} hint={t('categoriesHint')} value={text} rows={10} />
        <Notice message={model.categoriesError.value} kind="alert" />
        <div class="row">
          <button type="submit">{t('categoriesSave')}</button>
          <button type="button" onClick={() => void model.resetCategories()}>
            {t('categoriesReset')}
          </button>
        </div>
      </form>
    </details>
  );
}
