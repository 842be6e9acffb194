import { compare, divergenceKey } from '@/lib/consistency/compare';
import type { Divergence } from '@/lib/consistency/divergence';
import type { PageFact, PageFacts } from '@/lib/model/fact';
import type { OffsiteEvent } from '@/lib/model/offsite';
import { fact, HOURS, HOURS_LONG, HOURS_SAT, offsite, P1, P2, page, READERS, touchpoint } from './compare-samples';

const run = (pages: PageFacts[], events: OffsiteEvent[] = [], touchpoints = [touchpoint('tp-contact', 'support')]) =>
  compare({ pages, offsite: events, touchpoints, country: 'ES', readers: READERS });
const summary = (ds: Divergence[]) => ds.map((d) => `${d.kind}/${d.subject}/${d.reason}`).sort();

/**
 * The fixture site of issue 12 in facts: a home, a listing, a product, a contact page, an e-mail
 * and a call. `planted` turns on the 8 inconsistencies of the "Shown by", by number.
 */
function site(planted: ReadonlySet<number> = new Set()) {
  const on = (n: number) => planted.has(n);
  const common = (over: { formality?: string; colour?: string; cta?: string } = {}): PageFact[] => [
    fact('phone', P1, { footer: true, raw: '91 000 00 01' }),
    fact('opening-hours', HOURS, { footer: true, raw: 'L-V 9:00-14:00' }),
    fact('colour', over.colour ?? '#0d6efd', { label: 'primary-button' }),
    fact('formality', over.formality ?? 'usted'),
    fact('cta', over.cta ?? 'reservar ahora', { label: 'book' }),
    fact('navigation', 'inicio | viajes | contacto'),
    fact('language', 'es', { raw: 'es-ES' }),
    fact('readability', 'normal', { raw: 'INFLESZ 60.1' }),
    fact('sentence-length', '16'),
    fact('exclamation', '0'),
  ];
  const lisboa = { label: 'Escapada a Lisboa', context: 'IVA incluido' };
  const pages = [
    page('/', common()),
    page('/viajes', [
      ...common({ formality: on(3) ? 'tu' : 'usted' }),
      fact('price', 'EUR 519.00', { ...lisboa, raw: '519 €' }),
    ]),
    page('/viajes/lisboa', [
      ...common({ colour: on(4) ? '#dc3545' : '#0d6efd' }),
      fact('price', on(2) ? 'EUR 549.00' : 'EUR 519.00', { ...lisboa, source: 'json-ld' }),
      fact('price', on(2) ? 'EUR 549.00' : 'EUR 519.00', lisboa),
      fact('promise', 'delivery 2-3 wd', { raw: 'en 2-3 días laborables' }),
    ]),
    page(
      '/contacto',
      [
        ...common({ cta: on(5) ? 'reserva ya' : 'reservar ahora' }),
        fact('phone', on(1) ? P2 : P1, { label: 'Atención al cliente', source: 'link' }),
        fact('opening-hours', on(6) ? HOURS_LONG : HOURS, { source: 'json-ld' }),
        fact('email', 'info@ventura.example', { source: 'link' }),
      ],
      { touchpointId: 'tp-contact' },
    ),
  ];
  const events = [
    offsite('mail-1', 'email', [{ kind: 'hours', subject: '', value: on(7) ? 'L-S de 10 a 20 h' : 'L-V de 9 a 14' }]),
    offsite(
      'call-1',
      'phone',
      [
        { kind: 'phone', subject: '', value: '91 000 00 01' },
        { kind: 'delivery-time', subject: '', value: on(8) ? 'de 5 a 7 días laborables' : 'en 2 o 3 días laborables' },
      ],
      'formal',
    ),
  ];
  return { pages, events };
}

describe('compare: the issue’s planted inconsistencies', () => {
  it('finds nothing on the consistent site, and every score is 1', () => {
    const { pages, events } = site();
    const c = run(pages, events);
    expect(c.divergences).toEqual([]);
    for (const s of [...Object.values(c.byKind), ...Object.values(c.byChannel), ...Object.values(c.byGroup)])
      expect(s.agreeing).toBe(s.total);
    expect(c.byChannel.web?.total).toBeGreaterThan(0);
    expect(c.byChannel.email).toEqual({ agreeing: 1, total: 1 });
    expect(c.byChannel.phone).toEqual({ agreeing: 3, total: 3 });
  });

  it.each([
    [1, 'phone//across-places', [P1, P2]],
    [2, 'price/escapada a lisboa/across-places', ['EUR 519.00', 'EUR 549.00']],
    [3, 'formality//across-places', ['formal', 'informal']],
    [4, 'colour/primary-button/across-places', ['#0d6efd', '#dc3545']],
    [5, 'cta/book/across-places', ['reservar ahora', 'reserva ya']],
    [6, 'opening-hours//structured-vs-text', [HOURS, HOURS_LONG]],
    [7, 'opening-hours//across-places', [HOURS, HOURS_SAT]],
    [8, 'promise/delivery/across-places', ['delivery 2-3 wd', 'delivery 5-7 wd']],
  ])('finds planted inconsistency %i once, as %s, the common value first', (n, found, values) => {
    const { pages, events } = site(new Set([n]));
    const c = run(pages, events);
    expect(summary(c.divergences)).toEqual([found]);
    expect(c.divergences[0]?.values.map((v) => v.value)).toEqual(values);
    expect(c.divergences[0]?.baseline).toBe(values[0]);
  });

  it('finds all 8 together, each once', () => {
    const { pages, events } = site(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    const c = run(pages, events);
    expect(c.divergences).toHaveLength(8);
    expect(new Set(c.divergences.map((d) => d.key)).size).toBe(8);
    expect(c.byKind.phone).toEqual({ agreeing: 5, total: 6 });
  });

  it('finds the same with the extractors’ own readers of off-site notes (the registry)', () => {
    for (const planted of [new Set<number>(), new Set([1, 2, 3, 4, 5, 6, 7, 8])]) {
      const { pages, events } = site(planted);
      const c = compare({ pages, offsite: events, touchpoints: [], country: 'ES' });
      expect(c.divergences).toHaveLength(planted.size);
      expect(c.offsiteSkipped).toEqual({ unreadable: 0, otherKinds: 0 });
    }
  });

  it('traces each place to its page (anchor, source) or its event (channel)', () => {
    const { pages, events } = site(new Set([1, 8]));
    const [phone, promise] = ['phone', 'promise'].map((k) => run(pages, events).divergences.find((d) => d.kind === k));
    const odd = phone?.values[1]?.places[0];
    expect(odd).toMatchObject({ type: 'page', url: 'https://ventura.example/contacto', source: 'link' });
    expect(odd?.type === 'page' && odd.anchor?.selector).toBe('#phone');
    expect(promise?.values[1]?.places).toEqual([
      expect.objectContaining({
        type: 'offsite',
        eventId: 'call-1',
        channel: 'phone',
        raw: 'de 5 a 7 días laborables',
      }),
    ]);
  });

  it('suggests severity: a phone on the contact page 4, a brand colour 1, in a footer 0', () => {
    const { pages, events } = site(new Set([1, 4]));
    const ds = run(pages, events).divergences;
    expect(ds.map((d) => [d.kind, d.severity])).toEqual([
      ['phone', 4],
      ['colour', 1],
    ]);
    const footer = run([
      page('/a', [fact('colour', '#111111', { label: 'link', footer: true })]),
      page('/b', [fact('colour', '#222288', { label: 'link' })]),
      page('/c', [fact('colour', '#222288', { label: 'link' })]),
    ]).divergences;
    expect(footer.map((d) => d.severity)).toEqual([0]);
  });
});

describe('compare: keys', () => {
  it('keeps a divergence’s key when recomputed, in another order and with more agreeing pages', () => {
    const { pages, events } = site(new Set([1, 2, 6]));
    const first = run(pages, events)
      .divergences.map((d) => d.key)
      .sort();
    const more = [...pages].reverse().concat(page('/otra', [fact('phone', P1, { footer: true })]));
    expect(
      run(more, [...events].reverse())
        .divergences.map((d) => d.key)
        .sort(),
    ).toEqual(first);
    expect(first).toContain(`phone: : ${P1} | ${P2}`);
    expect(first).toContain(`opening-hours: : ${HOURS} | ${HOURS_LONG} (structured-vs-text)`);
  });

  it('changes the key when the values change, and bounds a long one', () => {
    expect(divergenceKey('phone', '', ['b', 'a', 'b'])).toBe('phone: : a | b');
    expect(divergenceKey('phone', '', ['a', 'c'])).not.toBe(divergenceKey('phone', '', ['a', 'b']));
    const long = divergenceKey('navigation', '', ['x'.repeat(600), 'y'.repeat(600)]);
    expect(long.length).toBeLessThanOrEqual(1000);
    expect(long).toBe(divergenceKey('navigation', '', ['y'.repeat(600), 'x'.repeat(600)]));
  });
});

describe('compare: what is not a divergence', () => {
  const kinds = (pages: PageFacts[], events: OffsiteEvent[] = []) => summary(run(pages, events).divergences);

  it('the same number written two ways (values are normalised; raw text differs)', () => {
    const pages = [
      page('/a', [fact('phone', P1, { raw: '91 000 00 01' })]),
      page('/b', [fact('phone', P1, { raw: '+34 910 000 001' })]),
    ];
    expect(kinds(pages, [offsite('c', 'phone', [{ kind: 'phone', subject: '', value: '91 000 00 01' }])])).toEqual([]);
  });

  it('a price with and without tax where the page says so; not where it does not', () => {
    const plan = (value: string, context: string) => fact('price', value, { label: 'Plan Pro', context });
    expect(
      kinds([page('/a', [plan('EUR 121.00', 'IVA incluido')]), page('/b', [plan('EUR 100.00', '100 € sin IVA')])]),
    ).toEqual([]);
    expect(kinds([page('/a', [plan('EUR 121.00', '')]), page('/b', [plan('EUR 100.00', '100 € + VAT')])])).toEqual([]);
    expect(
      kinds([page('/a', [plan('EUR 121.00', 'IVA incluido')]), page('/b', [plan('EUR 100.00', 'al mes')])]),
    ).toEqual(['price/plan pro/across-places']);
  });

  it('two different products’ prices, and prices with no product named', () => {
    const pages = [
      page('/a', [fact('price', 'EUR 519.00', { label: 'Lisboa' }), fact('price', 'EUR 99.00')]),
      page('/b', [fact('price', 'EUR 389.00', { label: 'Oporto' }), fact('price', 'EUR 12.00')]),
    ];
    expect(kinds(pages)).toEqual([]);
  });

  it('a support line and a sales line named as such; an unnamed line joins the one it matches', () => {
    const pages = [
      page('/contacto', [fact('phone', P1, { label: 'Atención al cliente' }), fact('phone', P2, { label: 'Ventas' })]),
      page('/', [fact('phone', P1, { footer: true })]),
      page('/b', [fact('phone', P2, { footer: true })]),
    ];
    expect(kinds(pages)).toEqual([]);
    // With one line named, an unnamed other number is the same line written wrong.
    const one = [
      page('/contacto', [fact('phone', P1, { label: 'Atención al cliente' })]),
      page('/', [fact('phone', P2)]),
    ];
    expect(kinds(one)).toEqual(['phone//across-places']);
    // Two named lines and an unnamed third number: the site's main line, alone, so far consistent…
    const third = [...pages, page('/c', [fact('phone', '+34910000003')])];
    expect(kinds(third)).toEqual([]);
    // …until another unnamed page gives the main line another number.
    expect(kinds([...third, page('/d', [fact('phone', '+34910000004')])])).toEqual(['phone//across-places']);
  });

  it('mailboxes named by their address (ventas@, privacidad@) are lines of their own', () => {
    const pages = [
      page('/a', [fact('email', 'info@ventura.example'), fact('email', 'privacidad@ventura.example')]),
      page('/b', [fact('email', 'ventas@ventura.example'), fact('email', 'info@ventura.example')]),
    ];
    expect(kinds(pages)).toEqual([]);
  });

  it('colours within the perceptual tolerance; not a different hue', () => {
    const c = (v: string) => fact('colour', v, { label: 'heading' });
    expect(kinds([page('/a', [c('#d9d9d9')]), page('/b', [c('#dadada')]), page('/c', [c('#d9d9d9')])])).toEqual([]);
    const two = run([page('/a', [c('#0a58ca')]), page('/b', [c('#dc3545')]), page('/c', [c('#0a58cb')])]);
    expect(two.divergences.map((d) => d.values.map((v) => [v.value, v.places.length]))).toEqual([
      [
        ['#0a58ca', 2],
        ['#dc3545', 1],
      ],
    ]);
  });

  it('a page revisited is one witness per value, not one per load', () => {
    const pages = [
      page('/a', [fact('phone', P1)]),
      page('/a', [fact('phone', P1)]),
      page('/a#top', [fact('phone', P1)]),
      page('/b', [fact('phone', P2)]),
      page('/c', [fact('phone', P2)]),
    ];
    const [d] = run(pages).divergences;
    expect(d?.baseline).toBe(P2);
    expect(d?.values.map((v) => v.places.length)).toEqual([2, 1]);
  });

  it('readability one band away, sentence length under 1.5× the median, a little exclaiming', () => {
    const voice = (band: string, words: string, excl: string) => [
      fact('readability', band),
      fact('sentence-length', words),
      fact('exclamation', excl),
    ];
    const calm = [
      page('/a', voice('normal', '15', '0')),
      page('/b', voice('fairly-difficult', '16', '5')),
      page('/c', voice('normal', '14', '0')),
      page('/d', voice('fairly-easy', '22', '8')),
    ];
    expect(kinds(calm)).toEqual([]);
    const loud = [...calm, page('/e', voice('very-difficult', '31', '40'))];
    expect(kinds(loud)).toEqual([
      'exclamation//across-places',
      'readability//across-places',
      'sentence-length//across-places',
    ]);
    const sl = run(loud).divergences.find((d) => d.kind === 'sentence-length');
    expect(sl?.values.map((v) => v.value)).toEqual(['16', '31']);
    expect(sl?.key).toBe('sentence-length: : 31 | ~');
    // Two pages are too few to say which one is odd.
    expect(kinds([page('/a', voice('very-easy', '5', '0')), page('/b', voice('very-difficult', '40', '90'))])).toEqual(
      [],
    );
  });

  it('readability is compared on each index’s own bands: one INFLESZ step is not a divergence, two are', () => {
    const es = (band: string) => [fact('readability', band, { label: 'INFLESZ' })];
    const near = [
      page('/a', es('normal')),
      page('/b', es('normal')),
      page('/c', es('fairly-easy')),
      page('/d', es('very-easy')),
    ];
    // very-easy is two Flesch steps from fairly-easy but the next INFLESZ band: an ordinary spread.
    expect(kinds([page('/a', es('fairly-easy')), page('/b', es('fairly-easy')), page('/c', es('very-easy'))])).toEqual(
      [],
    );
    expect(kinds([...near, page('/e', es('normal'))])).toEqual(['readability//across-places']);
    // English pages (Flesch) in a Spanish site are not measured against INFLESZ's bands.
    const mixed = [...near.slice(0, 3), page('/en', [fact('readability', 'very-difficult', { label: 'Flesch' })])];
    expect(kinds(mixed)).toEqual([]);
  });

  it('formality: tú and vosotros are one register; usted against tú is not', () => {
    const f = (v: string) => [fact('formality', v)];
    expect(kinds([page('/a', f('tu')), page('/b', f('vosotros'))], [offsite('x', 'chat', [], 'informal')])).toEqual([]);
    const c = run([page('/a', f('usted')), page('/b', f('usted')), page('/c', f('tu'))]);
    expect(summary(c.divergences)).toEqual(['formality//across-places']);
    expect(c.divergences[0]?.values[1]?.places[0]).toMatchObject({ type: 'page', raw: 'tu' });
  });

  it('language: pages in two languages are fine; a page whose text is not its declared lang is not', () => {
    const lang = (v: string, raw: string) => [fact('language', v, { raw })];
    expect(
      kinds([page('/es', lang('es', 'es-ES')), page('/en', lang('en', 'en')), page('/x', lang('es', ''))]),
    ).toEqual([]);
    const c = run([page('/es', lang('es', 'es')), page('/en/about', lang('es', 'en-GB'))]);
    expect(summary(c.divergences)).toEqual(['language/https://ventura.example/en/about/structured-vs-text']);
    expect(c.divergences[0]?.values.map((v) => v.value)).toEqual(['en', 'es']);
    expect(c.byKind.language).toEqual({ agreeing: 2, total: 3 });
  });

  it('navigation and footer links: the page whose list differs', () => {
    const nav = (v: string) => [fact('navigation', v), fact('footer-links', 'aviso legal | privacidad')];
    const pages = [
      page('/a', nav('inicio | viajes')),
      page('/b', nav('inicio | viajes')),
      page('/c', nav('viajes | inicio')),
    ];
    const c = run(pages);
    expect(summary(c.divergences)).toEqual(['navigation//across-places']);
    expect(c.divergences[0]?.values[1]?.places.map((p) => p.type === 'page' && p.url)).toEqual([
      'https://ventura.example/c',
    ]);
  });

  it('a bilingual site: words compared within each language, numbers and register across both', () => {
    const es = (o: { cta?: string; formality?: string } = {}) => [
      fact('language', 'es', { raw: 'es' }),
      fact('cta', o.cta ?? 'solicitar presupuesto', { label: 'quote' }),
      fact('navigation', 'inicio | destinos | contacto'),
      fact('sentence-length', '24'),
      fact('formality', o.formality ?? 'usted'),
      fact('phone', P1, { footer: true }),
    ];
    const en = (o: { formality?: string } = {}) => [
      fact('language', 'en', { raw: 'en' }),
      fact('cta', 'request a quote', { label: 'quote' }),
      fact('navigation', 'home | destinations | contact'),
      fact('sentence-length', '12'),
      fact('formality', o.formality ?? 'formal'),
      fact('phone', P1, { footer: true }),
    ];
    // A page too short to tell its language (no language fact) reads as the site's main one.
    const short = page('/en/thanks', [fact('cta', 'request a quote', { label: 'quote' })]);
    const agreeing = [
      page('/es', es()),
      page('/es/contacto', es()),
      page('/es/nosotros', es()),
      page('/en', en()),
      page('/en/contact', en()),
      page('/en/about', en()),
      page('/en/faq', en()),
      short,
    ];
    const c = run(agreeing);
    expect(summary(c.divergences)).toEqual([]);
    expect(c.languages).toEqual(['en', 'es']);
    // Within Spanish, an English label and a tú page still stand out; the phone is one across both.
    const mixed = run([
      ...agreeing.slice(0, 2),
      page('/es/nosotros', es({ cta: 'get a quote', formality: 'tu' })),
      ...agreeing.slice(3),
    ]);
    expect(summary(mixed.divergences)).toEqual(['cta/quote/across-places', 'formality//across-places']);
    const cta = mixed.divergences.find((d) => d.kind === 'cta');
    expect(cta?.lang).toBe('es');
    expect(cta?.values.map((v) => v.value)).toEqual(['solicitar presupuesto', 'get a quote']);
    expect(cta?.key).toBe('cta [es]: quote: get a quote | solicitar presupuesto');
    expect(mixed.divergences.find((d) => d.kind === 'formality')?.lang).toBe('');
  });
  it('structured data that agrees with the page’s text; and one that does not is one finding', () => {
    const ld = (v: string) => fact('opening-hours', v, { source: 'json-ld' });
    expect(kinds([page('/a', [ld(HOURS), fact('opening-hours', HOURS)]), page('/b', [ld(HOURS)])])).toEqual([]);
    const c = run([
      page('/a', [ld(HOURS_LONG), fact('opening-hours', HOURS)]),
      page('/b', [fact('opening-hours', HOURS)]),
    ]);
    expect(summary(c.divergences)).toEqual(['opening-hours//structured-vs-text']);
    // Scores count the page by what its reader sees.
    expect(c.byKind['opening-hours']).toEqual({ agreeing: 2, total: 2 });
  });

  it('counts masked pages per kind, and off-site facts it could not read or has no kind for', () => {
    const pages = [
      page('/a', [], { unreadable: ['phone', 'email'] }),
      page('/a', [], { unreadable: ['phone'] }),
      page('/b', [], { unreadable: ['phone'] }),
    ];
    const events = [
      offsite('e', 'email', [
        { kind: 'phone', subject: '', value: 'llamen a Marta' },
        { kind: 'policy', subject: 'returns', value: '30 days' },
      ]),
    ];
    const c = run(pages, events);
    expect(c.unreadable).toEqual([
      { kind: 'phone', pages: 2 },
      { kind: 'email', pages: 1 },
    ]);
    expect(c.offsiteSkipped).toEqual({ unreadable: 1, otherKinds: 1 });
  });
});
