// @vitest-environment happy-dom
import { EventType, type eventWithTime, IncrementalSource } from '@rrweb/types';
import { redactEventUrls, TYPED_PARAMS_TAG, typedParamsOfEvents } from '@/lib/privacy/event-urls';
import { StepDeriver } from '@/lib/record/steps';
import { createUrlGuard } from '@/lib/record/url-guard';

const SECRET = 'Zq7-hunter-secret';

/** An input event as the browser makes it when someone types: trusted (happy-dom's are not). */
function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  const e = new Event('input', { bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

function page(html: string) {
  document.body.innerHTML = html;
  const controller = new AbortController();
  const learned: string[][] = [];
  const guard = createUrlGuard(document, { keepParams: ['page', 'q'], typedParams: [] }, controller.signal, (n) =>
    learned.push(n),
  );
  return { guard, learned, stop: () => controller.abort() };
}

describe('the recorder’s URL guard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('redacts a value typed on this page even in a kept parameter, and learns its name', () => {
    const { guard, learned, stop } = page('<input id="s" name="page">');
    type(document.querySelector('#s') as HTMLInputElement, SECRET);
    const url = `https://spa.example/search?page=${SECRET}&q=shoes&sort=new`;
    expect(guard.redact(url)).toBe('https://spa.example/search?page=*&q=shoes&sort=*');
    guard.visited(url);
    expect(learned).toEqual([['page']]);
    // Learned names stay redacted whatever the value (the next search types something else).
    expect(guard.redact('https://spa.example/search?page=3')).toBe('https://spa.example/search?page=*');
    stop();
  });

  it('ignores synthetic input events: a page cannot make it remember values', () => {
    const { guard, stop } = page('<input id="s" name="q">');
    const el = document.querySelector('#s') as HTMLInputElement;
    el.value = 'shoes';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    expect(guard.redact('https://s.example/?q=shoes')).toBe('https://s.example/?q=shoes');
    stop();
  });

  it('learns the names of a GET form’s typed fields on submit, not a POST form’s, not untouched fields', () => {
    const { guard, learned, stop } = page(
      '<form id="get" method="get"><input name="q" id="q"><input name="page" value="1"></form>' +
        '<form id="post" method="post"><input name="email" id="email"></form>',
    );
    type(document.querySelector('#q') as HTMLInputElement, SECRET);
    type(document.querySelector('#email') as HTMLInputElement, 'ana@example.com');
    guard.submitted(document.querySelector('#post'), null);
    expect(learned).toEqual([]);
    guard.submitted(document.querySelector('#get'), null);
    expect(learned).toEqual([['q']]);
    guard.submitted(document.querySelector('#get'), null);
    expect(learned).toEqual([['q']]);
    stop();
  });

  it('gives steps redacted URLs while telling visits apart by the URL itself', () => {
    const { guard, stop } = page('');
    const deriver = new StepDeriver();
    const meta = (href: string, t: number): eventWithTime => ({
      type: EventType.Meta,
      timestamp: t,
      data: { href, width: 1, height: 1 },
    });
    const scroll: eventWithTime = {
      type: EventType.IncrementalSnapshot,
      timestamp: 3,
      data: { source: IncrementalSource.Scroll, id: 1, x: 0, y: 5 },
    };
    const ctx = (url: string) => ({ url, title: 'T', describe: () => null, redact: guard.redact });
    const first = deriver.next(meta(`https://s.example/r?token=${SECRET}`, 1), ctx(''));
    const second = deriver.next(scroll, ctx(`https://s.example/r?token=other#access_token=${SECRET}`));
    expect(first).toMatchObject({ kind: 'visit', url: 'https://s.example/r?token=*' });
    expect(second).toMatchObject({ kind: 'visit', url: 'https://s.example/r?token=*#access_token=*' });
    stop();
  });
});

describe('redactEventUrls', () => {
  const policy = { keep: ['page'] };

  it('redacts a Meta event’s href in place', () => {
    const e = { type: EventType.Meta, timestamp: 1, data: { href: `https://s.example/?q=${SECRET}&page=2`, width: 1 } };
    expect(redactEventUrls(e, policy)).toBe(true);
    expect(e.data.href).toBe('https://s.example/?q=*&page=2');
    expect(redactEventUrls(e, policy)).toBe(false);
  });

  it('redacts links, forms and frames in snapshots and mutations; leaves stylesheets and images', () => {
    const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({
      type: 2,
      tagName,
      attributes,
      childNodes,
      id: 1,
    });
    const u = `https://s.example/r?q=${SECRET}`;
    const snapshot = {
      type: EventType.FullSnapshot,
      timestamp: 1,
      data: {
        node: {
          type: 0,
          childNodes: [
            el('html', {}, [
              el('link', { rel: 'stylesheet', href: `${u}&v=1` }),
              el('link', { rel: 'canonical', href: u }),
              el('a', { href: `${u}#main` }),
              el('form', { action: `?q=${SECRET}` }),
              el('iframe', { src: u }),
              el('img', { src: 'https://cdn.example/a.png?w=300' }),
            ]),
          ],
        },
      },
    };
    expect(redactEventUrls(snapshot, policy)).toBe(true);
    const text = JSON.stringify(snapshot);
    expect(text.match(new RegExp(SECRET, 'g'))?.length).toBe(1); // the stylesheet's
    expect(text).toContain('https://s.example/r?q=*#main');
    expect(text).toContain('"action":"?q=*"');
    expect(text).toContain('https://cdn.example/a.png?w=300');

    const mutation = {
      type: EventType.IncrementalSnapshot,
      timestamp: 2,
      data: {
        source: 0,
        texts: [],
        removes: [],
        adds: [{ parentId: 1, nextId: null, node: el('a', { href: u }) }],
        attributes: [
          { id: 5, attributes: { href: u } },
          { id: 6, attributes: { src: u } },
        ],
      },
    };
    expect(redactEventUrls(mutation, policy, (id) => (id === 6 ? 'iframe' : 'a'))).toBe(true);
    expect(JSON.stringify(mutation)).not.toContain(SECRET);
  });

  it('never throws on events that are not rrweb’s', () => {
    for (const junk of [
      null,
      1,
      'x',
      {},
      { type: 4 },
      { type: 2, data: { node: [] } },
      { type: 3, data: { source: 0 } },
    ]) {
      expect(redactEventUrls(junk, policy)).toBe(false);
    }
  });

  it('reads the typed parameter names the recorder declared, bounded', () => {
    const declared = (names: unknown) => ({
      type: EventType.Custom,
      timestamp: 1,
      data: { tag: TYPED_PARAMS_TAG, payload: { names } },
    });
    expect(typedParamsOfEvents([declared(['q', 'q', 7, 'x'.repeat(65)]), declared('q'), { type: 5 }])).toEqual(['q']);
  });
});

describe('the recorder’s signals', () => {
  it('lose typed text from their paths once something was typed, and are untouched before', () => {
    document.body.innerHTML = '<input id="s">';
    const controller = new AbortController();
    const guard = createUrlGuard(document, { keepParams: [], typedParams: [] }, controller.signal, () => undefined);
    const slow = {
      at: 1,
      kind: 'slow-response' as const,
      url: 'https://spa.example/search',
      detail: `https://spa.example/api/search/${SECRET}`,
      durationMs: 1500,
    };
    expect(guard.signal(slow)).toBe(slow);
    type(document.querySelector('#s') as HTMLInputElement, SECRET);
    expect(guard.signal(slow)).toEqual({ ...slow, detail: 'https://spa.example/api/search/*' });
    controller.abort();
  });
});
