import { computed } from '@preact/signals';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { PanelModel } from '@/components/panel/model/panel-model';
import { createViews, localViewStore, type ViewStore } from '@/components/panel/model/views';
import { ActiveWalk } from '@/components/panel/ActiveWalk';
import { AuditForm } from '@/components/panel/AuditForm';
import { AuditPicker } from '@/components/panel/AuditPicker';
import { CategoryEditor } from '@/components/panel/CategoryEditor';
import { DeleteDialog } from '@/components/panel/DeleteDialog';
import { ImportAudit, ImportNotes, panelDropHandlers } from '@/components/panel/ImportAudit';
import { Consistency } from '@/components/panel/consistency/Consistency';
import { ReportView } from '@/components/panel/report/ReportView';
import { Channels } from '@/components/panel/journey/Channels';
import { Journey } from '@/components/panel/journey/Journey';
import { OutcomeAsk } from '@/components/panel/journey/OutcomeAsk';
import { PastWalks } from '@/components/panel/PastWalks';
import { PersonaSection } from '@/components/panel/PersonaSection';
import { StartWalk } from '@/components/panel/StartWalk';
import { StorageNotes, StorageUsage } from '@/components/panel/StorageNotes';
import { ViewPanel, ViewTabs } from '@/components/panel/ViewTabs';
import { WalkBar } from '@/components/panel/WalkBar';

/** Focus for what a button switched to, once the new view is drawn (the button itself is gone). */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export interface PanelAppProps {
  model: PanelModel;
  /** The UI language, for numbers and dates that match the translated text. */
  locale: string;
  /** Where the chosen view outlives a reload; the page's localStorage unless a test gives one. */
  viewStore?: ViewStore | null;
}

/**
 * The side panel, as views of what the auditor is doing: Walk (start one, or the one under way),
 * Journey (its touchpoints and outcome), Channels (its off-site events), Consistency (what its
 * pages and channels say, compared), Report (the audit's report and its exports), Audit (the audit, its personas and past walks). The walk
 * under way and the view switcher stay in sight above them.
 */
export function PanelApp({ model, locale, viewStore }: PanelAppProps) {
  const [views] = useState(() =>
    createViews(
      computed(() => model.audit.value !== null),
      viewStore === undefined ? localViewStore() : viewStore,
    ),
  );
  const audit = model.audit.value;
  const status = model.status.value;
  // A file dropped anywhere on the panel is imported; the Audit view shows how it went.
  const drop = panelDropHandlers(model.imports, () => views.select('audit'));
  return (
    <main class="panel" onPointerDownCapture={views.hold} onKeyDownCapture={views.hold} {...drop}>
      <header class="panel-head">
        <h1>{t('panelTitle')}</h1>
        <a href="replay.html" target="_blank" rel="noopener">
          {t('panelOpenReplays')}
        </a>
      </header>
      <StorageNotes
        model={model}
        onFreeSpace={() => {
          views.select('audit');
          focusSoon(model.pastWalks.value.length > 0 ? '#walks-heading' : '#view-audit');
        }}
      />
      {model.loadError.value && (
        <p class="ui-notice ui-alert" role="alert">
          {t(model.loadError.value.key, model.loadError.value.subs)}
        </p>
      )}
      <div class="panel-top">
        <WalkBar walk={model.walk} />
        <ViewTabs views={views} />
      </div>
      {/* Always in the page: a live region only announces changes to one that already exists. */}
      <p class="panel-status" role="status">
        {status ? t(status.key, status.subs) : ''}
      </p>
      <ViewPanel view="walk" views={views}>
        <section class="card" aria-labelledby="walk-heading">
          <h2 id="walk-heading">{t('panelWalkHeading')}</h2>
          {model.walk.isActive.value ? (
            <ActiveWalk walk={model.walk} locale={locale} />
          ) : (
            <>
              <OutcomeAsk
                journey={model.journey}
                onAnswer={() => {
                  views.select('journey');
                  focusSoon('#view-journey form[aria-labelledby="outcome-heading"] input');
                }}
              />
              <StartWalk walk={model.walk} personas={model.personas.value} />
            </>
          )}
        </section>
      </ViewPanel>
      <ViewPanel view="journey" views={views}>
        <Journey
          journey={model.journey}
          categories={audit?.categories ?? []}
          onEditOffsite={(e) => {
            model.journey.offsiteForm.edit(e);
            views.select('channels');
            // The Edit button went with the Journey view: focus goes to the form it filled.
            focusSoon('#view-channels form :is(select, input)');
          }}
        />
      </ViewPanel>
      <ViewPanel view="channels" views={views}>
        <Channels journey={model.journey} />
      </ViewPanel>
      <ViewPanel view="consistency" views={views}>
        {audit ? <Consistency model={model.consistency} /> : <p class="card muted small">{t('panelNoWalks')}</p>}
      </ViewPanel>
      <ViewPanel view="report" views={views}>
        {audit ? <ReportView model={model.report} /> : <p class="card muted small">{t('panelNoWalks')}</p>}
      </ViewPanel>
      <ViewPanel view="audit" views={views}>
        <AuditPicker model={model}>{audit && <CategoryEditor model={model} />}</AuditPicker>
        {audit && <PersonaSection model={model.personaModel} personas={model.personas.value} />}
        {audit && (
          <PastWalks
            walks={model.pastWalks.value}
            personas={model.personas.value}
            onJourney={(id) => {
              views.select('journey');
              focusSoon('#view-tab-journey');
              void model.showJourney(id);
            }}
            onDelete={(id) => void model.deletes.askWalk(id)}
            error={model.deletes.error.value?.of === 'walk' ? model.deletes.error.value.message : null}
          />
        )}
        <ImportNotes imports={model.imports} />
        <div class="card audit-start">
          <AuditForm model={model} open={model.audits.value.length === 0} />
          <ImportAudit imports={model.imports} />
        </div>
        <StorageUsage model={model} />
      </ViewPanel>
      <DeleteDialog model={model.deletes} personas={model.personas.value} />
    </main>
  );
}
