import 'rrweb-player/dist/style.css';
import '@/entrypoints/replay/style.css';
import { effect } from '@preact/signals';
import { render } from 'preact';
import { ReplayApp } from '@/components/replay/ReplayApp';
import type { Db } from '@/lib/db/open-db';
import { listenForChanges, openPageDb } from '@/lib/read/listen';
import { t, uiLanguage } from '@/lib/i18n';
import { gunzip } from '@/lib/codec/gzip';
import { createReplayModel } from '@/components/replay/model/replay-model';

document.title = t('replayPageTitle');
document.documentElement.lang = uiLanguage();

let db: Promise<Db> | null = null;
// Read-only: the worker writes, and tells every open page what it changed.
const model = createReplayModel({ db: () => (db ??= openPageDb()), gunzip });
listenForChanges(model);

// The address drives the page: the side panel links to #walk=<id>(&step=<id>), and Back works.
void model.start(location.hash);
window.addEventListener('hashchange', () => void model.applyHash(location.hash));

// And the page's state goes back into the address (the chosen audit, the clicked step), so a
// reload or a copied link shows the same thing. Not while loading: the state is half-made then.
effect(() => {
  const hash = model.hash.value;
  if (model.audits.value === null || model.loadingWalk.value || hash === location.hash) return;
  history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
});

render(<ReplayApp model={model} />, document.getElementById('app') as HTMLElement);
