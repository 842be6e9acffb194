import { Notice } from '@/components/ui/Notice';
import { t } from '@/lib/i18n';
import type { Persona } from '@/lib/model';
import type { PersonasModel } from '@/components/panel/model/personas-model';
import { PersonaForm } from '@/components/panel/PersonaForm';

/** The current audit's personas: each with its goal, edit, and a delete that asks first. */
export function PersonaSection({ model, personas }: { model: PersonasModel; personas: Persona[] }) {
  const confirming = model.confirmingId.value;
  const error = model.error.value;
  return (
    <section class="card" aria-labelledby="personas-heading">
      <h2 id="personas-heading">{t('panelPersonasHeading')}</h2>
      {personas.length === 0 ? (
        <p class="muted small">{t('panelNoPersonas')}</p>
      ) : (
        <ul class="items" aria-label={t('panelPersonasList')}>
          {personas.map((p) => (
            <li key={p.id} class={model.editingId.value === p.id ? 'item editing' : 'item'}>
              <div class="item-main">
                <strong>{p.name}</strong>
                {p.segment && <span class="muted small"> · {p.segment}</span>}
                {p.goal && <p class="small">{t('panelGoalLine', p.goal)}</p>}
              </div>
              {confirming === p.id ? (
                <div class="confirm">
                  <p class="small">{t('panelDeleteQuestion', p.name)}</p>
                  <div class="row">
                    <button
                      type="button"
                      class="danger"
                      aria-label={t('panelConfirmDeleteLabel', p.name)}
                      onClick={() => void model.confirmDelete(p)}
                    >
                      {t('panelConfirmDelete')}
                    </button>
                    <button type="button" aria-label={t('panelKeepLabel', p.name)} onClick={() => model.keep()}>
                      {t('panelKeep')}
                    </button>
                  </div>
                </div>
              ) : (
                <div class="row item-actions">
                  <button
                    type="button"
                    class="quiet"
                    aria-label={t('panelEditLabel', p.name)}
                    onClick={() => model.edit(p)}
                  >
                    {t('panelEdit')}
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    aria-label={t('panelDeleteLabel', p.name)}
                    onClick={() => model.askDelete(p)}
                  >
                    {t('panelDelete')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && error.key !== 'panelErrorPersonaName' && <Notice message={error} kind="alert" />}
      <details class="subform" open={personas.length === 0 || model.editingId.value !== null}>
        <summary>
          <h3>{model.editingId.value !== null ? t('panelEditPersonaHeading') : t('panelNewPersonaHeading')}</h3>
        </summary>
        <PersonaForm model={model} />
      </details>
    </section>
  );
}
