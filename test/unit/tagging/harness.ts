// The tagging tools with everything outside the page scripted: the worker's answers (`send`) and
// the recorder's side of the bridge. Records what was sent and what the overlay was told.
import { vi } from 'vitest';
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { DEFAULT_CATEGORIES, type Score, type Tag, type TagFields } from '@/lib/model';
import type { MessageName, RequestOf, ResponseOf } from '@/lib/messaging/types';
import { createTaggerModel } from '@/components/tagger/model/tagger-model';
import type { RecorderBridge } from '@/components/tagger/bridge';
import { createTagger } from '@/components/tagger/model/tagger';

export type Sent = { name: MessageName; payload: unknown };

export const FIELDS: TagFields = {
  categoryId: 'error',
  severity: 3,
  effort: 2,
  emotion: -1,
  momentOfTruth: 'unexpected',
  aspect: 'interaction',
  resolution: { status: 'workaround', minutes: 5 },
  note: 'Saving a favourite leaves no trace',
};

/** A stored tag on `el` of the current page, as the worker would answer it. */
export function storedTag(el: Element, id: string, fields: Partial<TagFields> = {}): Tag {
  return {
    ...FIELDS,
    ...fields,
    id,
    auditId: 'audit-1',
    walkId: 'walk-1',
    touchpointId: 'tp-1',
    tabId: 7,
    recorderId: 'rec-1',
    url: location.href,
    pageTitle: document.title,
    at: 1_000,
    anchor: buildAnchor(el, document),
    target: `button "${el.textContent}"`,
    screenshotId: null,
    createdAt: 1_000,
    updatedAt: 1_000,
  };
}

export function harness(
  opts: {
    capture?: ResponseOf<'tag/capture'>;
    tags?: () => Tag[];
    score?: Score | null;
    privacy?: RecorderBridge['privacy'];
  } = {},
) {
  const sent: Sent[] = [];
  const events: { hidden: boolean; at: string }[] = [];
  const model = createTaggerModel();
  const modes: string[] = [];
  const notices: (string | null)[] = [];
  const bridge: RecorderBridge = {
    walkId: 'walk-1',
    recorderId: 'rec-1',
    categories: [...DEFAULT_CATEGORIES],
    privacy: opts.privacy ?? { maskAllText: false, blockSelectors: [] },
    shadowRootOf: (el) => el.shadowRoot,
    hideOverlay: vi.fn((hidden: boolean) => events.push({ hidden, at: 'overlay' })),
    addCustomEvent: vi.fn(),
    setMode: (m) => modes.push(m),
    notice: (s) => notices.push(s),
    focusOverlay: vi.fn(),
  };
  const replies: { [K in MessageName]?: (p: RequestOf<K>) => ResponseOf<K> } = {
    'tag/capture': () => {
      // What matters is what the screen shows when the worker captures it.
      events.push({ hidden: model.hidden.value, at: 'capture' });
      return opts.capture ?? { screenshotId: 'shot-1', problem: null };
    },
    'tag/save': (d) => ({ ...storedTag(document.body, 'tag-new'), ...d.fields, target: d.target }),
    'tag/update': ({ id, fields }) => ({ ...storedTag(document.body, id), ...fields }),
    'tag/delete': () => null,
    'tag/discard-capture': () => null,
    'tag/list-page': () => opts.tags?.() ?? [],
    'touchpoint/resolve': () => ({
      id: 'tp-1',
      auditId: 'audit-1',
      name: 'Destination page',
      channel: 'web',
      stage: 'consideration',
      stageGuessed: true,
      patterns: ['/destination.html'],
      createdAt: 1,
    }),
    'score/get': () => opts.score ?? null,
    'score/save': (p) => ({ ...p.fields, id: 's', auditId: 'a', walkId: 'w', touchpointId: 'tp-1', url: p.url, at: 1 }),
  };
  let fail: string | null = null;
  const send = async <K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    sent.push({ name, payload });
    if (fail) throw new Error(fail);
    const reply = replies[name] as ((p: RequestOf<K>) => ResponseOf<K>) | undefined;
    if (!reply) throw new Error(`unexpected message ${name}`);
    return reply(payload);
  };
  const ctl = createTagger({ win: window, model, bridge, send });
  return {
    ctl,
    model,
    bridge,
    sent,
    events,
    modes,
    notices,
    /** The worker fails every message from now on. */
    failWith: (e: string | null) => {
      fail = e;
    },
    payloads: <K extends MessageName>(name: K) =>
      sent.filter((s) => s.name === name).map((s) => s.payload as RequestOf<K>),
  };
}
