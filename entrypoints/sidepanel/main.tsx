import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { listenForChanges, openPageDb } from '@/lib/read/listen';
import { t } from '@/lib/i18n';
import { createPanelBrowserEnv, isSidePanel, uiLanguage } from '@/components/panel/model/browser-env';
import { createPanelModel } from '@/components/panel/model/panel-model';
import '@/entrypoints/sidepanel/panel.css';
import '@/entrypoints/sidepanel/journey.css';

/** Storage fills while nothing else changes: look again this often. */
const STORAGE_POLL_MS = 10_000;

async function main(root: HTMLElement): Promise<void> {
  const locale = uiLanguage();
  document.documentElement.lang = locale;
  document.title = t('panelTitle');
  // One read-only connection for the page's lifetime, opened once the worker (the only writer)
  // has upgraded the database; every model shares it.
  const db = await openPageDb();
  const model = createPanelModel(db, createPanelBrowserEnv());
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
