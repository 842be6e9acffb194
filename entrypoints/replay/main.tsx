import 'rrweb-player/dist/style.css';
import '@/entrypoints/replay/style.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReplayApp } from '@/components/replay/ReplayApp';
import { type Db, openTouchpointDb } from '@/lib/db/open-db';
import { t } from '@/lib/i18n';
import { gunzip } from '@/lib/codec/gzip';
import { createReplayModel } from '@/components/replay/model/replay-model';

document.title = t('replayPageTitle');
document.documentElement.lang = browser.i18n.getUILanguage();

let db: Promise<Db> | null = null;
const model = createReplayModel({ db: () => (db ??= openTouchpointDb()), gunzip });

// The address drives the page: the side panel links to #walk=<id>(&step=<id>), and Back works.
void model.start(location.hash);
window.addEventListener('hashchange', () => void model.applyHash(location.hash));
// Walks recorded while this tab was in the background show up when it is looked at again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void model.refresh();
});

// And the page's state goes back into the address (the chosen audit, the clicked step), so a
// reload or a copied link shows the same thing. Not while loading: the state is half-made then.
effect(() => {
  const hash = model.hash.value;
  if (model.audits.value === null || model.loadingWalk.value || hash === location.hash) return;
  history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
});

render(<ReplayApp model={model} />, document.getElementById('app') as HTMLElement);
