// @vitest-environment happy-dom
import { extractPage, type PageLoadInfo } from '@/lib/facts/extract-page';
import { PageFacts } from '@/lib/model/fact';

const info = (maskAllText: boolean, structuredData?: string[]): PageLoadInfo => ({
  auditId: 'a1',
  walkId: 'w1',
  recorderId: 'r1',
  tabId: 7,
  touchpointId: null,
  url: 'https://ventura.example/support',
  at: 5_000,
  country: 'ES',
  privacy: { maskAllText, blockSelectors: [] },
  ...(structuredData ? { structuredData } : {}),
});

/** A rebuilt page as a recording gives it: no script text, the favicon link kept. */
function rebuilt(): Document {
  const doc = document.implementation.createHTMLDocument('Support');
  doc.head.insertAdjacentHTML('beforeend', '<link rel="icon" href="https://ventura.example/favicon.svg">');
  doc.body.innerHTML = '<p>New bookings hours: Monday to Saturday, 10:00–14:00</p>';
  return doc;
}

const hours = JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'TravelAgency',
  contactPoint: {
    '@type': 'ContactPoint',
    contactType: 'bookings',
    hoursAvailable: {
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      opens: '10:00',
      closes: '13:00',
    },
  },
});

describe('extractPage with the page load’s stored JSON-LD', () => {
  it('reads the stored blocks as the live page’s JSON-LD; their facts name no element of the recording', () => {
    const doc = rebuilt();
    const r = PageFacts.parse(extractPage(doc, null, info(false, [hours]), 9_000));
    const fromLd = r.facts.filter((f) => f.source === 'json-ld');
    expect(fromLd.map((f) => f.kind)).toContain('opening-hours');
    for (const f of fromLd) expect(f.anchor).toBeNull();
    expect(r.facts.some((f) => f.kind === 'opening-hours' && f.source === 'text')).toBe(true);
    expect(r.facts.find((f) => f.kind === 'favicon')?.value).toBe('https://ventura.example/favicon.svg');
    // Put back inert, where the live page had them.
    expect(doc.head.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
  });

  it('without stored blocks (an old mark) reads no JSON-LD, and under Mask all page text adds none', () => {
    expect(extractPage(rebuilt(), null, info(false), 9_000).facts.some((f) => f.source === 'json-ld')).toBe(false);
    const doc = rebuilt();
    const masked = extractPage(doc, null, info(true, [hours]), 9_000);
    expect(masked.facts.some((f) => f.source === 'json-ld')).toBe(false);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });
});
