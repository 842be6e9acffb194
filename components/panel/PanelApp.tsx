import { t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';
import { ActiveWalk } from '@/components/panel/ActiveWalk';
import { AuditForm } from '@/components/panel/AuditForm';
import { AuditPicker } from '@/components/panel/AuditPicker';
import { CategoryEditor } from '@/components/panel/CategoryEditor';
import { Journey } from '@/components/panel/journey/Journey';
import { PastWalks } from '@/components/panel/PastWalks';
import { PersonaSection } from '@/components/panel/PersonaSection';
import { StartWalk } from '@/components/panel/StartWalk';
import { StorageNotes, StorageUsage } from '@/components/panel/StorageNotes';

export interface PanelAppProps {
  model: PanelModel;
  /** The UI language, for numbers and dates that match the translated text. */
  locale: string;
}

/** The side panel: the current audit, its walk (or the form to start one), personas, past walks. */
export function PanelApp({ model, locale }: PanelAppProps) {
  const hasAudit = model.audit.value !== null;
  const status = model.status.value;
  return (
    <main class="panel">
      <header class="panel-head">
        <h1>{t('panelTitle')}</h1>
        <a href="replay.html" target="_blank" rel="noopener">
          {t('panelOpenReplays')}
        </a>
      </header>
      <StorageNotes model={model} />
      {model.loadError.value && (
        <p class="ui-notice ui-alert" role="alert">
          {t(model.loadError.value.key, model.loadError.value.subs)}
        </p>
      )}
      <AuditPicker model={model} />
      <section class="card" aria-labelledby="walk-heading">
        <h2 id="walk-heading">{t('panelWalkHeading')}</h2>
        {model.walk.isActive.value ? (
          <ActiveWalk walk={model.walk} locale={locale} />
        ) : (
          <StartWalk walk={model.walk} personas={model.personas.value} />
        )}
      </section>
      {model.audit.value && <Journey journey={model.journey} categories={model.audit.value.categories} />}
      {hasAudit && <CategoryEditor model={model} />}
      {hasAudit && <PersonaSection model={model.personaModel} personas={model.personas.value} />}
      {hasAudit && (
        <PastWalks
          walks={model.pastWalks.value}
          personas={model.personas.value}
          locale={locale}
          onJourney={(id) => void model.showJourney(id)}
        />
      )}
      <AuditForm model={model} />
      <StorageUsage model={model} locale={locale} />
      {/* Always in the page: a live region only announces changes to one that already exists. */}
      <p class="panel-status" role="status">
        {status ? t(status.key, status.subs) : ''}
      </p>
    </main>
  );
}
