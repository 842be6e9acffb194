import messages from '../../../public/_locales/en/messages.json';
import type { MessageKey } from '@/lib/i18n';
import type { PanelEnv } from '@/components/panel/model/panel-env';
import type { Walk } from '@/lib/model';
import { ManualClock } from '../support/clock';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** `browser.i18n.getMessage` as Chrome does it, over the English file: names as the tests see them. */
export function english(key: MessageKey, subs?: string | string[]): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return key;
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const p = entry.placeholders?.[name.toLowerCase()];
    return p ? fill(p.content) : whole;
  });
}

export type Sent = { name: string; payload: unknown };

/** A PanelEnv whose browser is scripted by the test; `sent` records every message to the background. */
export function fakeEnv(opts: { granted?: boolean; estimate?: { usage: number; quota: number } | null } = {}) {
  const clock = new ManualClock();
  clock.now = 1_000_000;
  const sent: Sent[] = [];
  const downloads: { fileName: string; text: string }[] = [];
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
    download: (fileName, text) => {
      downloads.push({ fileName, text });
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
