import { cleanParamNames, MAX_URL, redactUrl, typedParamsIn, type UrlPolicy } from '@/lib/privacy/url-policy';

const KEEP: UrlPolicy = { keep: ['page', 'sort', 'lang', 'q'] };

// [what, url, policy, expected]
const TABLE: [string, string, UrlPolicy, string][] = [
  // Site search: a GET form puts what the persona typed in the query.
  ['site search', 'https://shop.example/search?q=red+shoes', {}, 'https://shop.example/search?q=*'],
  [
    'site search with pagination, page kept',
    'https://shop.example/search?q=red%20shoes&page=2',
    { keep: ['page'] },
    'https://shop.example/search?q=*&page=2',
  ],
  [
    'a typed field named like a kept parameter stays redacted',
    'https://shop.example/search?q=red+shoes&page=2',
    { keep: ['q', 'page'], typed: ['q'] },
    'https://shop.example/search?q=*&page=2',
  ],
  [
    'a typed value is never kept, whatever the keep-list (same document)',
    'https://shop.example/search?page=hunter22&sort=price',
    { keep: ['page', 'sort'], typedValues: ['hunter22'] },
    'https://shop.example/search?page=*&sort=price',
  ],
  [
    'a short typed value equal to a kept value',
    'https://shop.example/list?page=7',
    { keep: ['page'], typedValues: ['7'] },
    'https://shop.example/list?page=*',
  ],
  [
    'a typed value in a pushState path',
    'https://spa.example/search/hunter22/results',
    { typedValues: ['hunter22'] },
    'https://spa.example/search/*/results',
  ],
  // Sign-in links.
  [
    'implicit-grant token in the fragment',
    'https://app.example/callback#access_token=ya29.a0AfH6SMBx&token_type=Bearer&state=xyz&expires_in=3599',
    {},
    'https://app.example/callback#access_token=*&token_type=*&state=*&expires_in=*',
  ],
  [
    'authorisation code in the query',
    'https://app.example/oauth/callback?code=4%2F0AX4XfWh&state=af0ifjsldkj&scope=email',
    {},
    'https://app.example/oauth/callback?code=*&state=*&scope=*',
  ],
  [
    'magic link token',
    'https://app.example/login?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    KEEP,
    'https://app.example/login?token=*',
  ],
  ['credentials in the URL', 'https://bob:s3cret@app.example/home', {}, 'https://app.example/home'],
  [
    'session id as a path parameter',
    'https://shop.example/cart;jsessionid=A1B2C3D4',
    {},
    'https://shop.example/cart;jsessionid=*',
  ],
  // Tracking.
  [
    'utm and click ids',
    'https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=spring&gclid=Cj0KCQjw&fbclid=IwAR2x',
    {},
    'https://shop.example/?utm_source=*&utm_medium=*&utm_campaign=*&gclid=*&fbclid=*',
  ],
  // Pagination and sorting.
  ['pagination, default policy', 'https://shop.example/list?page=2', {}, 'https://shop.example/list?page=*'],
  [
    'pagination kept',
    'https://shop.example/list?page=2&sort=price-asc&lang=es',
    KEEP,
    'https://shop.example/list?page=2&sort=price-asc&lang=es',
  ],
  [
    'an empty value hides nothing',
    'https://shop.example/list?filter=&page=3',
    KEEP,
    'https://shop.example/list?filter=&page=3',
  ],
  [
    'a bare part may be a value',
    'https://shop.example/list?eyJhbGciOi&page=3',
    KEEP,
    'https://shop.example/list?*&page=3',
  ],
  [
    'a kept value too long to be a page number',
    `https://s.example/?page=${'9'.repeat(101)}`,
    KEEP,
    'https://s.example/?page=*',
  ],
  ['a generated key', 'https://s.example/?a8f3kLm2Qz9xPw4Rt7Yv=1', {}, 'https://s.example/?*=*'],
  // Hash routes and anchors.
  ['hash route', 'https://spa.example/#/checkout/2', {}, 'https://spa.example/#/checkout/2'],
  [
    'hashbang route with query',
    'https://spa.example/#!/search?q=shoes&page=2',
    KEEP,
    'https://spa.example/#!/search?q=shoes&page=2',
  ],
  ['hash route query, default', 'https://spa.example/#/search?q=shoes', {}, 'https://spa.example/#/search?q=*'],
  ['token in a hash route', 'https://spa.example/#/reset/eyJhbGciOiJIUzI1NiJ9abc', {}, 'https://spa.example/#/reset/*'],
  ['in-page anchor', 'https://shop.example/terms#section-2', {}, 'https://shop.example/terms#section-2'],
  ['bare token fragment', 'https://app.example/#eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', {}, 'https://app.example/#*'],
  ['encoded state fragment', 'https://app.example/#%7B%22cart%22%3A%5B1%5D%7D', {}, 'https://app.example/#*'],
  [
    'typed value as an anchor',
    'https://app.example/#hunter22',
    { typedValues: ['hunter22'] },
    'https://app.example/#*',
  ],
  // Already redacted, and junk.
  [
    'already redacted',
    'https://shop.example/search?q=*&page=2#access_token=*',
    KEEP,
    'https://shop.example/search?q=*&page=2#access_token=*',
  ],
  ['empty query and fragment', 'https://shop.example/a?#', {}, 'https://shop.example/a'],
  ['not a URL', 'search for red shoes?q=1', {}, ''],
  ['empty', '', {}, ''],
  ['data URL', 'data:text/html,<p>secret</p>', {}, 'data:*'],
  ['javascript URL', 'javascript:alert("secret")', {}, 'javascript:*'],
  ['about:blank', 'about:blank', {}, 'about:blank'],
];

describe('redactUrl', () => {
  it.each(TABLE)('%s', (_what, url, policy, expected) => {
    expect(redactUrl(url, policy)).toBe(expected);
  });

  it.each(TABLE)('is idempotent: %s', (_what, url, policy) => {
    const once = redactUrl(url, policy);
    expect(redactUrl(once, policy)).toBe(once);
  });

  it('never throws and returns a string on junk', () => {
    for (const junk of [
      null,
      undefined,
      42,
      {},
      [],
      'http://',
      'https://[::1',
      '%%%',
      '\u0000',
      'https://a.example/%E0%A4%A',
    ]) {
      expect(typeof redactUrl(junk as unknown, { keep: 'page' as unknown as string[] })).toBe('string');
    }
  });

  it('keeps the result within MAX_URL, dropping whole parameters', () => {
    const long = `https://s.example/p?${Array.from({ length: 2000 }, (_, i) => `k${i}=value${i}`).join('&')}#a=1`;
    const out = redactUrl(long);
    expect(out.length).toBeLessThanOrEqual(MAX_URL);
    expect(out).toMatch(/^https:\/\/s\.example\/p\?k0=\*&k1=\*/);
    expect(out).toMatch(/&k\d+=\*$/);
    expect(redactUrl(out)).toBe(out);
    const longPath = `https://s.example/${'a'.repeat(10_000)}?q=1`;
    expect(redactUrl(longPath).length).toBe(MAX_URL);
    expect(redactUrl(redactUrl(longPath))).toBe(redactUrl(longPath));
  });

  it('drops every value of a query whatever it holds (no secret survives)', () => {
    const secret = 'S3cr3t-Typed-Value';
    const url = `https://s.example/?a=${secret}&b=${encodeURIComponent(secret)}#c=${secret}&d=${secret}`;
    expect(redactUrl(url, KEEP)).not.toContain('S3cr3t');
  });
});

describe('typedParamsIn', () => {
  it('names the parameters that carry typed values, in query and fragment', () => {
    const url = 'https://spa.example/search?q=red+shoes&page=2&sort=new#s=red%20shoes';
    expect(typedParamsIn(url, ['red shoes']).sort()).toEqual(['q', 's']);
    expect(typedParamsIn(url, [])).toEqual([]);
    expect(typedParamsIn('not a url', ['x'])).toEqual([]);
  });
});

describe('cleanParamNames', () => {
  it('keeps bounded, trimmed, distinct strings', () => {
    expect(cleanParamNames([' page', 'page', '', 7, 'x'.repeat(65), 'sort'])).toEqual(['page', 'sort']);
    expect(cleanParamNames('page')).toEqual([]);
  });
});
