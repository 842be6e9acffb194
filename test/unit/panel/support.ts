import messages from '../../../public/_locales/en/messages.json';
import { translatorOf } from '@/lib/present';
import type { PanelEnv } from '@/components/panel/model/panel-env';
import type { Db } from '@/lib/db/open-db';
import type { DataChanged, Walk } from '@/lib/model';
import { validateRequest } from '@/lib/messaging/protocol';
import type { MessageName } from '@/lib/messaging/types';
import type { Announce } from '@/lib/worker/announce';
import { createAuditCommands } from '@/lib/worker/audit-commands';
import { createJourneyCommands } from '@/lib/worker/journey-commands';
import { createDeleteCommands } from '@/lib/worker/delete-commands';
import { ManualClock } from '../support/clock';

/** `browser.i18n.getMessage` over the English file: names as the tests see them (a missing key as itself). */
export const english = translatorOf(messages, (key) => key);

export type Sent = { name: string; payload: unknown };

/** A PanelEnv whose browser is scripted by the test; `sent` records every message to the background. */
export function fakeEnv(opts: { granted?: boolean; estimate?: { usage: number; quota: number } | null } = {}) {
  const clock = new ManualClock();
  clock.now = 1_000_000;
  const sent: Sent[] = [];
  /** Files saved: `text` read back from a Blob with `readDownload`. */
  const downloads: { fileName: string; text: string; blob: Blob | null }[] = [];
  const requested: string[][] = [];
  const urls: Blob[] = [];
  const revoked: string[] = [];
  const opened: string[] = [];
  let reply: (name: string, payload: unknown) => Promise<unknown> = async () => null;
  const state = { granted: opts.granted ?? true, estimate: opts.estimate ?? { usage: 10, quota: 100 } };
  const env: PanelEnv = {
    send: (async (name: string, payload: unknown) => {
      sent.push({ name, payload });
      return reply(name, payload);
    }) as PanelEnv['send'],
    requestOrigins: (patterns) => {
      requested.push(patterns);
      return Promise.resolve(state.granted);
    },
    activeTabId: async () => 42,
    download: (fileName, content) => {
      downloads.push(
        typeof content === 'string' ? { fileName, text: content, blob: null } : { fileName, text: '', blob: content },
      );
    },
    persistStorage: async () => false,
    estimateStorage: async () => state.estimate,
    objectUrl: (blob) => {
      urls.push(blob);
      return `blob:test/${urls.length}`;
    },
    revokeUrl: (url) => {
      revoked.push(url);
    },
    openTab: (path) => {
      opened.push(path);
    },
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  };
  return {
    env,
    clock,
    sent,
    urls,
    revoked,
    opened,
    downloads,
    requested,
    state,
    onSend(fn: (name: string, payload: unknown) => Promise<unknown>) {
      reply = fn;
    },
  };
}

export function walkRecord(w: Partial<Walk> & Pick<Walk, 'auditId' | 'personaId'>): Walk {
  return {
    id: crypto.randomUUID(),
    auditorName: '',
    startUrl: 'https://ventura.example/',
    startedAt: 1_000_000,
    endedAt: null,
    status: 'recording',
    endReason: null,
    tabIds: [7],
    openTabIds: [7],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
    ...w,
  };
}

/**
 * The worker's page commands (lib/worker) over `db`, behind a fake env's `send`: each command is
 * parsed as the worker parses it, answered, and its notice delivered afterwards to `hear`, as the
 * worker's broadcast reaches every open page.
 */
export function connectWorker(db: Db, fake: ReturnType<typeof fakeEnv>) {
  const notices: DataChanged[] = [];
  let hear: (n: DataChanged) => void = () => undefined;
  const announce: Announce = (auditId, changes) => {
    const notice = { auditId, changes: [...changes] };
    notices.push(notice);
    setImmediate(() => hear(notice));
  };
  const deps = { db, now: () => fake.clock.now, announce };
  const handlers = {
    ...createAuditCommands(deps),
    ...createJourneyCommands(deps),
    ...createDeleteCommands(deps),
  } as unknown as Record<string, ((payload: unknown, sender: object) => Promise<unknown>) | undefined>;
  fake.onSend(async (name, payload) => {
    const handler = handlers[name];
    if (!handler) throw new Error(`The fake worker does not answer ${name}.`);
    const parsed = validateRequest(name as MessageName, payload);
    if (!parsed.ok) throw new Error(parsed.error);
    return handler(parsed.value, {});
  });
  return {
    notices,
    /** Where the worker's notices go (the model's `dataChanged`), once the model exists. */
    to(listener: (n: DataChanged) => void) {
      hear = listener;
    },
  };
}
