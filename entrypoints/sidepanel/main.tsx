import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { listenForChanges, openPageDb } from '@/lib/read/listen';
import { t } from '@/lib/i18n';
import { createPanelBrowserEnv, isSidePanel, uiLanguage } from '@/components/panel/model/browser-env';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { localTextStore } from '@/components/panel/model/auditor-name';
import { createOffThreadCompare } from '@/components/panel/model/compare-offthread';
import type { ExtractPageLoad } from '@/components/panel/model/facts-runner';
import type { Db } from '@/lib/db/open-db';
import '@/entrypoints/sidepanel/panel.css';
import '@/entrypoints/sidepanel/journey.css';
import '@/entrypoints/sidepanel/consistency.css';
import '@/entrypoints/sidepanel/report.css';

/**
 * Reads recorded page loads' facts in this page (lib/facts): the engine (rrweb's replayer and the
 * extractors) is loaded on the first page load to read, not with the panel.
 */
function factsExtractor(db: Db, life: AbortSignal): ExtractPageLoad {
  let engine: Promise<ReturnType<typeof import('@/lib/facts/extract-load').createPageLoadExtractor>> | null = null;
  life.addEventListener('abort', () => void engine?.then((e) => e.destroy()), { once: true });
  return async (load, data) => {
    engine ??= import('@/lib/facts/extract-load').then((m) => m.createPageLoadExtractor(db, document));
    return (await engine).extract(load, data);
  };
}

/** Storage fills while nothing else changes: look again this often. */
const STORAGE_POLL_MS = 10_000;

async function main(root: HTMLElement): Promise<void> {
  const locale = uiLanguage();
  document.documentElement.lang = locale;
  document.title = t('panelTitle');
  // One read-only connection for the page's lifetime, opened once the worker (the only writer)
  // has upgraded the database; every model shares it.
  const db = await openPageDb();
  // The panel's life: its models stop (timers, the facts runner's host frame) when it goes.
  const life = new AbortController();
  addEventListener('pagehide', () => life.abort(), { once: true });
  const model = createPanelModel(db, createPanelBrowserEnv(), {
    life: life.signal,
    extractFacts: factsExtractor(db, life.signal),
    auditorStore: localTextStore(),
    // The comparison of every page runs in a worker of its own (entrypoints/compare-worker.ts).
    compareAsync: createOffThreadCompare(() => new Worker('/compare-worker.js')),
  });
  if (import.meta.env.TOUCHPOINT_TEST_HOOKS) Object.assign(globalThis, { __touchpointFacts: model.facts });
  // Listen before loading, so a change during the load is not missed (the read model applies it).
  listenForChanges(model);
  render(<PanelApp model={model} locale={locale} />, root);
  model.walk.canRecordCurrentTab.value = await isSidePanel();
  await model.load();
  setInterval(() => void model.poll(), STORAGE_POLL_MS);
  setInterval(() => model.walk.tick(), 1000);
}

const root = document.getElementById('app') as HTMLElement;
main(root).catch((e: unknown) => {
  // Nothing rendered works without the database: say so instead of showing an empty panel.
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = t('panelErrorLoad', e instanceof Error ? e.message : String(e));
  root.replaceChildren(p);
});
