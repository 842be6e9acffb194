// The two ends of the form frame's link, wired as in a walk tab: the content script's
// (components/tagger/model/form-link.ts) and the frame's (components/tagger/frame/frame-link.ts).
// The walk tab's window is stood in for by an EventTarget the "page" can post to as well.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATEGORIES } from '@/lib/model';
import { acceptLink } from '@/components/tagger/frame/frame-link';
import { type FormLink, linkFormFrame } from '@/components/tagger/model/form-link';
import { createTaggerModel, draftOf } from '@/components/tagger/model/tagger-model';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** The frame's window: its URL carries the nonce; messages posted to it go to its listeners. */
function frameWindow(src: string) {
  const target = new EventTarget() as EventTarget & { location: { hash: string } };
  target.location = { hash: new URL(src).hash };
  const post = (data: unknown, origin: string, ports: MessagePort[] = []) => {
    if (origin !== ORIGIN && origin !== '*') return; // delivered only to the origin asked for
    target.dispatchEvent(new MessageEvent('message', { data, ports }));
  };
  return { win: target as unknown as Window, post };
}

function setup() {
  const cs = createTaggerModel();
  const frame = createTaggerModel();
  const actions = {
    saveTag: vi.fn(async () => true),
    deleteTag: vi.fn(async () => true),
    saveScore: vi.fn(async () => true),
    close: vi.fn(),
  };
  const heights: number[] = [];
  const link: FormLink = linkFormFrame({
    model: cs,
    actions,
    categories: DEFAULT_CATEGORIES,
    style: () => ({ getPropertyValue: (p: string) => (p === '--tp-bg' ? ' #fff' : '') }) as CSSStyleDeclaration,
    getURL: (path) => `chrome-extension://dynamic-id${path}`,
    originOf: () => ORIGIN,
    onHeight: (h) => heights.push(h),
  });
  const { win, post } = frameWindow(link.src);
  const inits: unknown[] = [];
  let focusAsks = 0;
  const end = acceptLink({
    win,
    model: frame,
    onInit: (i) => inits.push(i),
    onFocus: () => {
      focusAsks += 1;
    },
  });
  const element = { contentWindow: { postMessage: post } } as unknown as HTMLIFrameElement;
  return { cs, frame, actions, link, element, post, end, inits, heights, focusAsks: () => focusAsks };
}

let open: FormLink[] = [];
afterEach(() => {
  for (const l of open) l.close();
  open = [];
});

describe('the form frame’s link', () => {
  it('mirrors the tagger’s model into the frame once linked, with the palette and categories', async () => {
    const s = setup();
    open.push(s.link);
    expect(s.link.src).toMatch(/^chrome-extension:\/\/dynamic-id\/tag-form\.html#[0-9a-f]{32}$/);
    s.cs.view.value = 'tag';
    expect(s.link.loaded(s.element)).toBe(true);
    s.cs.editing.value = { id: null, target: { kind: 'button', name: 'Save' }, draft: draftOf(DEFAULT_CATEGORIES) };
    s.cs.busy.value = true;
    await vi.waitFor(() => expect(s.frame.busy.value).toBe(true));
    expect(s.frame.view.value).toBe('tag');
    expect(s.frame.editing.value?.draft.categoryId).toBe(DEFAULT_CATEGORIES[0]?.id);
    expect(s.inits).toEqual([
      expect.objectContaining({
        categories: DEFAULT_CATEGORIES,
        palette: expect.objectContaining({ '--tp-bg': '#fff' }),
      }),
    ]);
    s.link.focus();
    await vi.waitFor(() => expect(s.focusAsks()).toBe(1));
  });

  it('takes the frame’s drafts without sending them back, and turns its buttons into the tagger’s actions', async () => {
    const s = setup();
    open.push(s.link);
    s.cs.view.value = 'tag';
    s.cs.editing.value = { id: 't1', target: null, draft: draftOf(DEFAULT_CATEGORIES) };
    s.link.loaded(s.element);
    await vi.waitFor(() => expect(s.frame.editing.value?.id).toBe('t1'));
    const setsBefore = s.frame.editing.value;
    // The auditor types in the frame; the tagger gets the draft, the frame keeps what it has.
    const draft = { ...draftOf(DEFAULT_CATEGORIES), note: 'typed in the frame' };
    s.end.post({ type: 'tag-draft', draft });
    s.end.post({ type: 'save' });
    s.end.post({ type: 'delete' });
    s.end.post({ type: 'size', height: 321.4 });
    s.end.post({ type: 'cancel' });
    await vi.waitFor(() => expect(s.actions.close).toHaveBeenCalledTimes(1));
    expect(s.cs.editing.value?.draft.note).toBe('typed in the frame');
    expect(s.actions.saveTag).toHaveBeenCalledTimes(1);
    expect(s.actions.deleteTag).toHaveBeenCalledTimes(1);
    expect(s.actions.saveScore).not.toHaveBeenCalled();
    expect(s.heights).toEqual([322]);
    expect(s.frame.editing.value).toBe(setsBefore); // no echo came back
  });

  it('hands the port over only with the nonce of the frame’s URL, and refuses a second load', async () => {
    const s = setup();
    open.push(s.link);
    // The page posts first, guessing: nothing is accepted, and the real handshake still works.
    const rogue = new MessageChannel();
    s.post({ touchpointForm: '0'.repeat(32) }, ORIGIN, [rogue.port2]);
    rogue.port1.postMessage({ type: 'set', set: { key: 'busy', value: true } });
    expect(s.link.loaded(s.element)).toBe(true);
    s.cs.problem.value = 'real';
    await vi.waitFor(() => expect(s.frame.problem.value).toBe('real'));
    expect(s.frame.busy.value).toBe(false);
    // Once linked, a page's handshake with the right nonce is not listened to either.
    const late = new MessageChannel();
    s.post({ touchpointForm: new URL(s.link.src).hash.slice(1) }, ORIGIN, [late.port2]);
    late.port1.postMessage({ type: 'set', set: { key: 'problem', value: 'forged' } });
    s.cs.busy.value = true;
    await vi.waitFor(() => expect(s.frame.busy.value).toBe(true));
    expect(s.frame.problem.value).toBe('real');
    rogue.port1.close();
    late.port1.close();
    // The page navigated the frame: its next load gets nothing.
    expect(s.link.loaded(s.element)).toBe(false);
  });

  it('drops a message to the frame that does not parse', async () => {
    const s = setup();
    open.push(s.link);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const channel = new MessageChannel();
    const nonce = new URL(s.link.src).hash.slice(1);
    s.post({ touchpointForm: nonce }, ORIGIN, [channel.port2]);
    channel.port1.postMessage({ type: 'set', set: { key: 'view', value: 'everything' } });
    channel.port1.postMessage({ type: 'set', set: { key: 'touchpointName', value: 'x'.repeat(5000) } });
    channel.port1.postMessage({ type: 'set', set: { key: 'hidden', value: true } });
    channel.port1.postMessage({ type: 'set', set: { key: 'touchpointName', value: 'Checkout' } });
    await vi.waitFor(() => expect(s.frame.touchpointName.value).toBe('Checkout'));
    expect(s.frame.view.value).toBe('none');
    expect(warn).toHaveBeenCalledTimes(3);
    channel.port1.close();
    warn.mockRestore();
  });
});
