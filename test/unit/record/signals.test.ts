// @vitest-environment happy-dom
import {
  PAGE_ERROR_MESSAGE,
  pathOnly,
  SIGNAL_TAG,
  signalOfEvent,
  signalOfTiming,
  watchSignals,
} from '@/lib/record/page-signals';

const page = 'https://ventura.example/support.html?session=s3cret#top';

/** As the browser marks a message that `postMessage` delivered (happy-dom has no `isTrusted`). */
function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

describe('page signals', () => {
  it('keeps URLs without query or fragment (they can carry tokens)', () => {
    expect(pathOnly(page)).toBe('https://ventura.example/support.html');
    expect(pathOnly('/slow/a.json?ms=1500', page)).toBe('https://ventura.example/slow/a.json');
    expect(pathOnly('::not a url')).toBe('');
  });

  it('flags responses slower than a second, with how long the persona waited', () => {
    const slow = signalOfTiming(
      { name: '/slow/a.json?x=1', entryType: 'resource', startTime: 100, duration: 1500 },
      page,
      1_000_000,
    );
    expect(slow).toEqual({
      at: 1_001_600,
      kind: 'slow-response',
      url: 'https://ventura.example/support.html',
      detail: 'https://ventura.example/slow/a.json',
      durationMs: 1500,
    });
    expect(signalOfTiming({ name: '/a.css', entryType: 'resource', startTime: 0, duration: 999 }, page, 0)).toBeNull();
  });

  it('judges the page itself by its time to first byte, not its rendering', () => {
    const nav = {
      name: page,
      entryType: 'navigation',
      startTime: 0,
      duration: 4000,
      requestStart: 5,
      responseStart: 300,
    };
    expect(signalOfTiming(nav, page, 0)).toBeNull();
    const slowServer = { ...nav, responseStart: 2500 };
    expect(signalOfTiming(slowServer, page, 0)?.durationMs).toBe(2500);
  });

  it('reads a signal back from its recorded custom event, field by field', () => {
    const payload = {
      at: 5,
      kind: 'js-error',
      url: 'https://ventura.example/',
      detail: 'x'.repeat(900),
      durationMs: null,
    };
    const s = signalOfEvent({ type: 5, data: { tag: SIGNAL_TAG, payload } });
    expect(s?.kind).toBe('js-error');
    expect(s?.detail.length).toBe(500);
    expect(signalOfEvent({ type: 5, data: { tag: 'other', payload } })).toBeNull();
    expect(signalOfEvent({ type: 3, data: { tag: SIGNAL_TAG, payload } })).toBeNull();
    expect(signalOfEvent({ type: 5, data: { tag: SIGNAL_TAG, payload: { ...payload, kind: 'evil' } } })).toBeNull();
    expect(signalOfEvent({ type: 5, data: { tag: SIGNAL_TAG, payload: { ...payload, at: '1' } } })).toBeNull();
  });

  it('takes forwarded page errors as bounded strings only, and stops with its signal', async () => {
    const got: string[] = [];
    const stop = new AbortController();
    watchSignals(window, (s) => got.push(`${s.kind}:${s.detail.length}`), stop.signal);
    const post = (data: unknown) =>
      window.dispatchEvent(trusted(new MessageEvent('message', { data, source: window })));
    post({ [PAGE_ERROR_MESSAGE]: 'TypeError: x' });
    // Built and dispatched by the page itself, not posted: not a message the forwarder sent.
    window.dispatchEvent(new MessageEvent('message', { data: { [PAGE_ERROR_MESSAGE]: 'synthetic' }, source: window }));
    post({ [PAGE_ERROR_MESSAGE]: 'y'.repeat(2000) });
    post({ [PAGE_ERROR_MESSAGE]: { toString: () => 'object' } });
    post({ other: 'message' });
    post('plain string');
    window.dispatchEvent(trusted(new MessageEvent('message', { data: { [PAGE_ERROR_MESSAGE]: 'from a frame' } })));
    expect(got).toEqual(['js-error:12', 'js-error:500']);
    stop.abort();
    post({ [PAGE_ERROR_MESSAGE]: 'after stop' });
    expect(got).toHaveLength(2);
  });
});
