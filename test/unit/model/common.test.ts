import { Audit, FlushResult, originOf, originPattern, RecordedEvent, WebUrl } from '@/lib/model';

describe('model basics', () => {
  it('accepts only http(s) start URLs', () => {
    expect(WebUrl.safeParse('https://ventura.example/quote.html').success).toBe(true);
    expect(WebUrl.safeParse('http://localhost:4173/').success).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'chrome://extensions',
      'data:text/html,x',
      'javascript:alert(1)',
      'nope',
    ]) {
      expect(WebUrl.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('derives an origin and its match pattern, without the port', () => {
    expect(originOf('https://shop.example:8443/cart?x=1')).toBe('https://shop.example:8443');
    expect(originPattern('https://shop.example:8443')).toBe('https://shop.example/*');
  });

  it('fills an audit’s privacy defaults', () => {
    const audit = Audit.parse({
      id: 'a',
      name: ' Ventura ',
      startUrl: 'https://v.example/',
      origins: ['x'],
      createdAt: 1,
    });
    expect(audit).toMatchObject({ name: 'Ventura', company: '', privacy: { maskAllText: false, blockSelectors: [] } });
  });

  it('checks only the envelope of a recorded event and keeps the rest', () => {
    const e = { type: 3, timestamp: 5, data: { source: 2 }, delay: 4 };
    expect(RecordedEvent.parse(e)).toEqual(e);
    expect(RecordedEvent.safeParse({ type: 9, timestamp: 5, data: {} }).success).toBe(false);
    expect(RecordedEvent.safeParse({ type: 3, timestamp: -1, data: {} }).success).toBe(false);
  });

  it('has a flush result that is an ack or a known refusal', () => {
    expect(FlushResult.parse({ ok: true, storedThrough: -1 })).toEqual({ ok: true, storedThrough: -1 });
    expect(FlushResult.safeParse({ ok: false, reason: 'tired' }).success).toBe(false);
  });
});
