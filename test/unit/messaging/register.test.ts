import { protocol, sentBy, validateRequest } from '@/lib/messaging/protocol';
import { dispatch, type Handlers, type Sender } from '@/lib/messaging/register';
import { fromWorkerOnly, type Self, senderContext } from '@/lib/messaging/sender';
import type { MessageName } from '@/lib/messaging/types';
import { WORKER_MESSAGES } from '@/lib/worker/handlers';

const self: Self = { id: 'ours', root: 'chrome-extension://ours/', workerUrl: 'chrome-extension://ours/background.js' };
/** Senders as Chromium names them (checked in Chromium 156). */
const worker: Sender = { id: 'ours', url: 'chrome-extension://ours/background.js' };
const panel: Sender = { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' };
const panelInTab: Sender = {
  id: 'ours',
  url: 'chrome-extension://ours/sidepanel.html',
  tab: { id: 3 } as Sender['tab'],
};
const walkTab: Sender = { id: 'ours', url: 'https://shop.example/cart', tab: { id: 7 } as Sender['tab'] };
const stranger: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

const workerOptions = { validate: validateRequest, senders: sentBy, answerUnknown: true, self };
const pageOptions = { validate: validateRequest, senders: sentBy, self };
const msg = (type: string, payload: unknown = {}) => ({ type, payload });

describe('message dispatch (the trust boundary)', () => {
  const handlers: Handlers = {
    'db/ready': async () => null,
    'persona/delete': async ({ id }) => {
      if (id === 'boom') throw new Error('That persona is walking.');
      return null;
    },
    'tag/list-page': async () => [],
  };

  it('answers a known message from a context that may send it', async () => {
    expect(await dispatch(handlers, workerOptions, msg('db/ready'), panel)).toEqual({ ok: true, value: null });
    expect(
      await dispatch(handlers, workerOptions, msg('tag/list-page', { url: 'https://shop.example/' }), walkTab),
    ).toEqual({
      ok: true,
      value: [],
    });
  });

  it('the worker refuses an unknown message with a clear error; a page leaves it to others', async () => {
    expect(await dispatch(handlers, workerOptions, msg('journey/changed'), panel)).toEqual({
      ok: false,
      error: 'Unknown message: journey/changed.',
    });
    expect(await dispatch(handlers, workerOptions, 'not an envelope', panel)).toMatchObject({ ok: false });
    expect(await dispatch(handlers, workerOptions, null, panel)).toMatchObject({ ok: false });
    // In Chrome the first context to answer wins: a page must stay silent.
    expect(dispatch(handlers, pageOptions, msg('walk/start'), panel)).toBeUndefined();
    expect(dispatch(handlers, pageOptions, undefined, panel)).toBeUndefined();
  });

  it('refuses a malformed payload, naming the message and the field, before any handler runs', async () => {
    const seen: unknown[] = [];
    const spy: Handlers = {
      'persona/delete': async (p) => {
        seen.push(p);
        return null;
      },
    };
    const reply = await dispatch(spy, workerOptions, msg('persona/delete', { id: 42 }), panel);
    expect(reply).toEqual({
      ok: false,
      error: 'Bad persona/delete: id: Invalid input: expected string, received number',
    });
    expect(await dispatch(spy, workerOptions, { type: 'persona/delete' }, panel)).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it('refuses a message from a context that may not send it', async () => {
    // A content script (next to a hostile page) may not send a page's command.
    expect(await dispatch(handlers, workerOptions, msg('persona/delete', { id: 'p1' }), walkTab)).toEqual({
      ok: false,
      error: 'persona/delete may not come from tab.',
    });
    // Starting a walk is the panel's alone: a walk tab (a page's content script) may not.
    const start = { auditId: 'a1', personaId: 'p1', auditorName: '' };
    expect(
      await dispatch(
        { 'walk/start': async () => null } as unknown as Handlers,
        workerOptions,
        msg('walk/start', start),
        walkTab,
      ),
    ).toEqual({
      ok: false,
      error: 'walk/start may not come from tab.',
    });
    expect(sentBy('walk/start')).toEqual(['page']);
    // Nor may a page pose as a walk tab, or another extension as anyone.
    expect(await dispatch(handlers, workerOptions, msg('tag/list-page', { url: 'https://x.example/' }), panel)).toEqual(
      {
        ok: false,
        error: 'tag/list-page may not come from page.',
      },
    );
    expect(await dispatch(handlers, workerOptions, msg('db/ready'), stranger)).toEqual({
      ok: false,
      error: 'db/ready may not come from outside Touchpoint.',
    });
    // A page hears the worker's broadcasts, and only from the worker.
    const views: Handlers = { 'data/changed': async () => null };
    const change = msg('data/changed', { auditId: 'a1', changes: [] });
    expect(await dispatch(views, pageOptions, change, worker)).toEqual({ ok: true, value: null });
    expect(await dispatch(views, pageOptions, change, walkTab)).toMatchObject({ ok: false });
    expect(await dispatch(views, pageOptions, change, panel)).toMatchObject({ ok: false });
  });

  it('a content script hears the worker only, without parsing (no zod in its bundle)', async () => {
    const recorder: Handlers = { 'recorder/drain': async () => null };
    const options = { senders: fromWorkerOnly, self };
    expect(await dispatch(recorder, options, msg('recorder/drain'), worker)).toEqual({ ok: true, value: null });
    expect(await dispatch(recorder, options, msg('recorder/drain'), panel)).toMatchObject({ ok: false });
    expect(dispatch(recorder, options, msg('walk/changed'), worker)).toBeUndefined();
  });

  it('a handler that throws answers its error as a message, thrown at once or later', async () => {
    expect(await dispatch(handlers, workerOptions, msg('persona/delete', { id: 'boom' }), panel)).toEqual({
      ok: false,
      error: 'That persona is walking.',
    });
    const sync: Handlers = {
      'db/ready': () => {
        throw new Error('Not yet.');
      },
    };
    expect(await dispatch(sync, workerOptions, msg('db/ready'), panel)).toEqual({ ok: false, error: 'Not yet.' });
  });
});

describe('who may send what', () => {
  it('tells the worker, a page (in the side panel or a tab) and a walk tab apart', () => {
    expect(senderContext(worker, self)).toBe('worker');
    expect(senderContext(panel, self)).toBe('page');
    expect(senderContext(panelInTab, self)).toBe('page');
    expect(senderContext(walkTab, self)).toBe('tab');
    // Firefox's closing tab: its content script's last message carries no tab, and is still one.
    expect(senderContext({ id: 'ours', url: 'https://shop.example/cart' }, self)).toBe('tab');
    expect(senderContext(stranger, self)).toBeNull();
    expect(senderContext({ id: 'ours' }, self)).toBeNull();
    expect(senderContext({ id: 'ours', url: 'file:///x.html', tab: { id: 1 } }, self)).toBeNull();
  });

  it('every message names its senders, and the worker answers every message but its own broadcasts', () => {
    const names = Object.keys(protocol) as MessageName[];
    for (const name of names) expect(sentBy(name).length, name).toBeGreaterThan(0);
    expect([...WORKER_MESSAGES].sort()).toEqual(names.filter((n) => !sentBy(n).includes('worker')).sort());
    expect(names.filter((n) => sentBy(n).includes('worker')).sort()).toEqual([
      'data/changed',
      'import/progress',
      'overlay/command',
      'recorder/drain',
      'walk/changed',
    ]);
    // The pages' commands come from pages only: a content script cannot edit an audit.
    for (const name of [
      'audit/create',
      'persona/delete',
      'tag/edit',
      'tag/remove',
      'walk/outcome',
      'import/commit',
    ] as const) {
      expect(sentBy(name)).toEqual(['page']);
    }
  });
});
