import { matchesPattern, patternOf, segmentPattern } from '@/lib/touchpoints/url-pattern';

// Real-looking URLs of shops, banks, travel agencies and SaaS, with the pattern each should get.
const PATTERNS: readonly (readonly [string, string])[] = [
  // A Spanish shoe shop: product ids, SKUs, order tokens, query strings and hashes.
  ['https://www.zapatos-sol.es/', 'www.zapatos-sol.es/'],
  ['https://www.zapatos-sol.es/index.html', 'www.zapatos-sol.es/'],
  ['https://WWW.Zapatos-Sol.ES/es/productos/zapatillas-running/', 'www.zapatos-sol.es/es/productos/zapatillas-running'],
  ['https://www.zapatos-sol.es/es/producto/12345?color=rojo&talla=42', 'www.zapatos-sol.es/es/producto/:id'],
  ['https://www.zapatos-sol.es/es/producto/sku-12345#opiniones', 'www.zapatos-sol.es/es/producto/:id'],
  ['https://www.zapatos-sol.es/es/carrito', 'www.zapatos-sol.es/es/carrito'],
  ['https://www.zapatos-sol.es/es/checkout/pago?step=2', 'www.zapatos-sol.es/es/checkout/pago'],
  ['https://www.zapatos-sol.es/es/pedido/ord_8f3a9c21/confirmacion', 'www.zapatos-sol.es/es/pedido/:id/confirmacion'],
  ['https://m.zapatos-sol.es/es/carrito/', 'm.zapatos-sol.es/es/carrito'],
  ['https://tienda.example//es//carrito//', 'tienda.example/es/carrito'],
  ['https://tienda.example/es/c/moviles/', 'tienda.example/es/c/moviles'],
  ['https://tienda.example/es/p/iphone-15-pro-256gb', 'tienda.example/es/p/:id'],
  ['https://user:secret@tienda.example/mi-cuenta', 'tienda.example/mi-cuenta'],
  ['https://tienda.example./ayuda', 'tienda.example/ayuda'],
  // English shops: locales, slugs, variants, ports, case.
  ['https://shop.example.com/en-gb/products/red-shoes', 'shop.example.com/en-gb/products/red-shoes'],
  ['https://shop.example.com/en-GB/products/red-shoes', 'shop.example.com/en-GB/products/red-shoes'],
  [
    'https://shop.example.com/collections/summer/products/linen-shirt?variant=4455667788',
    'shop.example.com/collections/summer/products/linen-shirt',
  ],
  [
    'https://www.amazon.es/Zapatillas-Running-Hombre/dp/B08N5WRWNW/ref=sr_1_3?keywords=zapatillas',
    'www.amazon.es/Zapatillas-Running-Hombre/dp/:id/ref=sr_1_3',
  ],
  ['https://www.shop.example:443/cart', 'www.shop.example/cart'],
  ['http://www.shop.example:80/cart', 'www.shop.example/cart'],
  ['https://www.shop.example/Cart', 'www.shop.example/Cart'],
  ['  https://www.shop.example/cart  ', 'www.shop.example/cart'],
  ['http://localhost:4173/quote.html', 'localhost:4173/quote.html'],
  ['https://staging.shop.example:8443/checkout/', 'staging.shop.example:8443/checkout'],
  // Banks: product pages, simulators, online banking with session params, IBANs and UUIDs.
  [
    'https://www.bancosol.es/particulares/hipotecas/hipoteca-fija',
    'www.bancosol.es/particulares/hipotecas/hipoteca-fija',
  ],
  [
    'https://www.bancosol.es/particulares/hipotecas/simulador?importe=150000&plazo=30',
    'www.bancosol.es/particulares/hipotecas/simulador',
  ],
  [
    'https://bancaonline.bancosol.es/clientes/posicion-global;jsessionid=A1B2C3D4E5F6',
    'bancaonline.bancosol.es/clientes/posicion-global',
  ],
  [
    'https://bancaonline.bancosol.es/clientes/cuentas/ES7620770024003102575766/movimientos',
    'bancaonline.bancosol.es/clientes/cuentas/:id/movimientos',
  ],
  [
    'https://bancaonline.bancosol.es/clientes/transferencias/3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b/firma',
    'bancaonline.bancosol.es/clientes/transferencias/:id/firma',
  ],
  ['https://www.bank.example/personal/credit-cards/compare', 'www.bank.example/personal/credit-cards/compare'],
  ['https://www.bank.example/login/', 'www.bank.example/login'],
  ['https://www.bank.example/default.aspx', 'www.bank.example/'],
  ['https://www.aseguradora.example/covid-19', 'www.aseguradora.example/covid-19'],
  ['https://www.aseguradora.example/seguros/coche/paso-2', 'www.aseguradora.example/seguros/coche/paso-2'],
  // Travel agencies: destinations, dates both ways round, Latin American Spanish, hash routes.
  ['https://www.viajes-alba.es/destinos/japon/', 'www.viajes-alba.es/destinos/japon'],
  ['https://www.viajes-alba.es/es/reserva/2026-11-24/hotel-kioto', 'www.viajes-alba.es/es/reserva/:date/hotel-kioto'],
  ['https://www.viajes-alba.es/presupuesto/24-11-2026', 'www.viajes-alba.es/presupuesto/:date'],
  ['https://www.viajes-alba.es/es-419/paquetes/caribe', 'www.viajes-alba.es/es-419/paquetes/caribe'],
  ['https://www.viajes-alba.es/blog/2026/11/mejores-playas', 'www.viajes-alba.es/blog/:id/:id/mejores-playas'],
  ['https://www.viajes-alba.es/ofertas/#!/semana-santa', 'www.viajes-alba.es/ofertas'],
  ['https://www.viajes-alba.es/es/categor%C3%ADa/escapadas', 'www.viajes-alba.es/es/categoría/escapadas'],
  ['https://www.hotel.example/booking/confirmation/AbCdEfGhIjKlMnOpQr', 'www.hotel.example/booking/confirmation/:id'],
  ['https://www.hotel.example/booking/aGVsbG8td29ybGQtdG9rZW4', 'www.hotel.example/booking/:id'],
  // SaaS: dashboards, Mongo ids, invoice numbers, Zendesk articles, docs index files.
  ['https://app.saas.example/dashboard', 'app.saas.example/dashboard'],
  ['https://app.saas.example/projects/507f1f77bcf86cd799439011/settings', 'app.saas.example/projects/:id/settings'],
  ['https://app.saas.example/invoices/INV-2026-000123', 'app.saas.example/invoices/:id'],
  ['https://app.saas.example/settings/billing/', 'app.saas.example/settings/billing'],
  ['https://www.saas.example/pricing?plan=pro&utm_source=google', 'www.saas.example/pricing'],
  ['https://www.saas.example/signup/welcome', 'www.saas.example/signup/welcome'],
  ['https://www.saas.example/docs/getting-started/index.htm', 'www.saas.example/docs/getting-started'],
  ['https://www.saas.example/blog/announcing-v2', 'www.saas.example/blog/announcing-v2'],
  [
    'https://www.saas.example/help/articles/360012345678-How-to-reset-your-password',
    'www.saas.example/help/articles/:id',
  ],
  ['http://[::1]:8080/admin/', '[::1]:8080/admin'],
];

const GARBAGE: readonly unknown[] = [
  '',
  '   ',
  'nope',
  '/product/123',
  'shop.example/cart',
  'ftp://shop.example/x',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'chrome://extensions',
  'data:text/html,x',
  'about:blank',
  'mailto:help@shop.example',
  'https://',
  'http://[::1',
  `https://shop.example/${'a'.repeat(5000)}`,
  undefined,
  null,
  42,
  {},
];

describe('patternOf', () => {
  it(`gives each of ${PATTERNS.length} real-looking URLs its touchpoint pattern`, () => {
    expect(PATTERNS.length).toBeGreaterThanOrEqual(40);
    for (const [url, pattern] of PATTERNS) expect(patternOf(url), url).toBe(pattern);
  });

  it('is idempotent on its own output read back as a URL', () => {
    for (const [, pattern] of PATTERNS) expect(patternOf(`https://${pattern}`), pattern).toBe(pattern);
  });

  it('never throws: anything but an absolute http(s) URL gives the empty pattern', () => {
    for (const bad of GARBAGE) expect(patternOf(bad as string), String(bad)).toBe('');
  });

  it('keeps a literal `*` segment from reading as a wildcard', () => {
    expect(patternOf('https://shop.example/search/*')).toBe('shop.example/search/%2A');
  });
});

describe('segmentPattern', () => {
  it('keeps words, slugs and locales', () => {
    for (const word of ['red-shoes', 'zapatillas-running', 'en-gb', 'es_ES', 'es-419', 'mp3', 'windows-10', 'v2'])
      expect(segmentPattern(word), word).toBe(word);
    for (const word of ['AccountSettingsPage', 'internationalization', 'deadbeef', 'cafe', ':id'])
      expect(segmentPattern(word), word).toBe(word);
  });

  it('collapses ids and tokens to :id and real dates to :date', () => {
    for (const id of ['7', '2026', '8f3a9c21', 'sku-12345', 'A1B2C3', 'abcdefabcde1', 'x1yzabcdefghijklmn'])
      expect(segmentPattern(id), id).toBe(':id');
    for (const date of ['2026-11-24', '24-11-2026', '2026_01_31', '31.12.2025'])
      expect(segmentPattern(date)).toBe(':date');
    expect(segmentPattern('2026-13-45')).toBe(':id');
  });
});

describe('matchesPattern', () => {
  it('matches every URL of a template, whatever its query, hash or scheme', () => {
    const pattern = 'shop.example/product/:id';
    for (const url of [
      'https://shop.example/product/123',
      'https://shop.example/product/456?ref=x',
      'http://shop.example/product/sku-98765/#reviews',
      'https://SHOP.example:443/product/3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b',
    ])
      expect(matchesPattern(url, pattern), url).toBe(true);
  });

  it('does not match other hosts, paths, depths, locales or slugs', () => {
    const pattern = 'shop.example/es/product/:id';
    for (const url of [
      'https://m.shop.example/es/product/123',
      'https://shop.example:8443/es/product/123',
      'https://shop.example/en/product/123',
      'https://shop.example/es/product/123/reviews',
      'https://shop.example/es/product',
      'https://shop.example/es/product/red-shoes',
    ])
      expect(matchesPattern(url, pattern), url).toBe(false);
  });

  it('lets a `*` segment stand for any one segment, slugs included', () => {
    const pattern = 'shop.example/product/*';
    expect(matchesPattern('https://shop.example/product/red-shoes', pattern)).toBe(true);
    expect(matchesPattern('https://shop.example/product/123', pattern)).toBe(true);
    expect(matchesPattern('https://shop.example/product/red-shoes/reviews', pattern)).toBe(false);
    expect(matchesPattern('https://shop.example/product', pattern)).toBe(false);
    expect(matchesPattern('https://other.example/product/red-shoes', pattern)).toBe(false);
  });

  it('matches the root pattern by the home page and its index file only', () => {
    expect(matchesPattern('https://shop.example', 'shop.example/')).toBe(true);
    expect(matchesPattern('https://shop.example/index.php?lang=es', 'shop.example/')).toBe(true);
    expect(matchesPattern('https://shop.example/cart', 'shop.example/')).toBe(false);
  });

  it('is false, never a throw, for garbage on either side', () => {
    for (const bad of GARBAGE) {
      expect(matchesPattern(bad as string, 'shop.example/'), String(bad)).toBe(false);
      expect(matchesPattern('https://shop.example/', bad as string), String(bad)).toBe(false);
    }
  });
});
