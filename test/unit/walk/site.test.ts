import { hostAccessToRelease, onAuditedSite, siteOf } from '@/lib/walk/site';

describe('the audited site', () => {
  it('names a page by its origin only: never its path, query or fragment', () => {
    expect(siteOf('https://other.example/account/42?token=abc#access_token=x')).toBe('https://other.example');
    expect(siteOf('http://127.0.0.1:4174/page.html')).toBe('http://127.0.0.1:4174');
    expect(siteOf('file:///home/ana/secret.html')).toBe('file:');
    expect(siteOf('')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('is the audit origins, port included', () => {
    const origins = ['https://ventura.example', 'http://127.0.0.1:4173'];
    expect(onAuditedSite(origins, 'https://ventura.example/trip/1?x=1')).toBe(true);
    expect(onAuditedSite(origins, 'http://127.0.0.1:4173/')).toBe(true);
    expect(onAuditedSite(origins, 'http://127.0.0.1:4174/')).toBe(false);
    expect(onAuditedSite(origins, 'https://ventura.example:8443/')).toBe(false);
    expect(onAuditedSite(origins, 'http://ventura.example/')).toBe(false);
    expect(onAuditedSite(origins, 'https://shop.ventura.example/')).toBe(false);
    expect(onAuditedSite(origins, '')).toBe(false);
  });
});

describe('host access given back when a walk ends', () => {
  it('releases the ended audit match patterns, once each (ports share a pattern)', () => {
    expect(hostAccessToRelease(['https://ventura.example', 'https://ventura.example:8443'], [], [])).toEqual([
      'https://ventura.example/*',
    ]);
  });

  it('keeps what an active walk still needs', () => {
    expect(
      hostAccessToRelease(['https://ventura.example', 'https://pay.example'], ['https://pay.example:444'], []),
    ).toEqual(['https://ventura.example/*']);
  });

  it('never the install-time host permission of test builds (the browser refuses to remove it)', () => {
    expect(hostAccessToRelease(['http://127.0.0.1:4173'], [], ['http://127.0.0.1/*'])).toEqual([]);
  });
});
