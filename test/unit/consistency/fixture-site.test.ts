import { compare } from '@/lib/consistency/compare';
import type { Divergence, Place } from '@/lib/consistency/divergence';
import type { PageFacts } from '@/lib/model/fact';
import type { PageFactsOut } from '@/lib/model/facts-output';
import type { OffsiteEvent } from '@/lib/model/offsite';
import { type FixtureServer, startFixtureServer } from '@/scripts/drive/fixture-server';
import { PLANTS, type PlantEvent, plantEvents, SITE_PAGES } from '@/scripts/drive/site-plants';
import { extractPages } from '@/scripts/facts/extract';

// The whole pipeline on the fixture site (issue 12, "Shown by"): every page a customer reaches,
// extracted in headless Chromium (so computed styles are real), the two off-site events added,
// compared. The planted site gives exactly its 8 planted divergences, the consistent copy none.

const T0 = Date.UTC(2026, 10, 20, 10);

function pageFacts(out: PageFactsOut[], origin: string): PageFacts[] {
  return out.map((p, i) => {
    expect(p.error, p.input).toBeNull();
    expect(p.failed, p.input).toEqual([]);
    return {
      id: `walk-1:rec-${i}`,
      auditId: 'audit-1',
      walkId: 'walk-1',
      recorderId: `rec-${i}`,
      tabId: 1,
      touchpointId: null,
      url: p.url.replace(origin, 'https://ventura.example'),
      title: p.title,
      at: T0 + i * 1000,
      version: 1,
      facts: p.facts.map(({ selector: _, ...f }) => ({ ...f, anchor: null })),
      failed: [],
      unreadable: [],
      extractedAt: T0,
    };
  });
}

function offsite(events: PlantEvent[]): OffsiteEvent[] {
  return events.map((e, i) => ({
    id: `event-${e.channel}`,
    auditId: 'audit-1',
    walkId: 'walk-1',
    touchpointId: `tp-${e.channel}`,
    channel: e.channel,
    touchpointName: e.name,
    summary: e.summary,
    requestedAt: T0 + i * 60_000,
    answeredAt: T0 + i * 60_000 + 30_000,
    reschedules: 0,
    transfers: 0,
    repeatedInfo: [],
    outcome: 'resolved',
    ces: null,
    csat: null,
    tone: { formality: e.formality, warmth: null },
    facts: e.facts,
    note: '',
    createdAt: T0,
    updatedAt: T0,
  }));
}

/** A place as the assertions name it: the page's path and query, or the event's channel. */
const where = (p: Place): string => (p.type === 'page' ? p.url.replace('https://ventura.example', '') : p.channel);

async function run(consistent: boolean) {
  let site: FixtureServer | undefined;
  try {
    site = await startFixtureServer({ consistent });
    const out = await extractPages(
      SITE_PAGES.map((p) => site?.url(p) ?? p),
      { country: 'ES' },
    );
    // The page's JSON-LD is read (a recording drops scripts: the e2e walk sees its microdata twin).
    const support = out.find((p) => p.input.endsWith('/support.html'));
    const structured = support?.facts.filter((f) => f.kind === 'opening-hours' && f.source !== 'text');
    expect(structured?.map((f) => f.source).sort()).toEqual(['json-ld', 'json-ld', 'microdata']);
    return compare({
      pages: pageFacts(out, site.origin),
      offsite: offsite(plantEvents(!consistent)),
      touchpoints: [],
      country: 'ES',
    });
  } finally {
    await site?.close();
  }
}

// One Chromium extraction per copy, shared by the tests that read it.
const runs = new Map<boolean, ReturnType<typeof run>>();
const once = (consistent: boolean) => {
  const r = runs.get(consistent) ?? run(consistent);
  runs.set(consistent, r);
  return r;
};

const summary = (d: Divergence) =>
  `${d.kind} [${d.subject}] ${d.reason}: ${d.values.map((v) => `${v.value} @ ${v.places.map(where).join(', ')}`).join(' | ')}`;

test('the planted site and the two contradicting events give exactly the 8 planted divergences', async () => {
  const result = await once(false);
  const found = result.divergences;
  // On failure, the message lists what was found.
  expect(found.map(summary), found.map(summary).join('\n')).toHaveLength(PLANTS.length);
  for (const plant of PLANTS) {
    const d = found.find((x) => x.kind === plant.kind && x.subject === plant.subject);
    expect(d, `${plant.kind} [${plant.subject}] in ${found.map(summary).join('\n')}`).toBeDefined();
    if (!d) continue;
    expect(d.reason).toBe(plant.reason);
    expect(d.values.map((v) => v.value).sort()).toEqual([plant.site, plant.planted].sort());
    const planted = d.values.find((v) => v.value === plant.planted);
    expect(planted?.places.map(where).sort()).toEqual([...plant.at].sort());
    if (plant.reason === 'across-places') {
      // The site's value is the baseline: more places hold it than the planted one.
      expect(d.baseline).toBe(plant.site);
      expect(d.values[0]?.places.length).toBeGreaterThan(1);
    } else {
      // A page contradicting itself: its structured data holds one value, its text the other.
      const source = (value: string) =>
        d.values.find((v) => v.value === value)?.places.map((p) => p.type === 'page' && p.source);
      expect(source(plant.site)).toEqual(['text']);
      expect(['json-ld', 'microdata']).toContain(source(plant.planted)?.[0]);
    }
  }
}, 120_000);

test('the planted values reach the right elements and events', async () => {
  const result = await once(false);
  const byKind = (kind: string, subject: string) =>
    result.divergences.find((d) => d.kind === kind && d.subject === subject)?.values ?? [];
  const placeOf = (kind: string, subject: string, value: string) =>
    byKind(kind, subject).find((v) => v.value === value)?.places[0];
  // The footer's number is on every page; the contact page's own number is read from its link.
  const phone = placeOf('phone', 'support', '+34910000111');
  expect(phone?.type === 'page' && phone.label).toBe('Customer service');
  expect(byKind('phone', 'support')[0]?.places.length).toBe(SITE_PAGES.length);
  // The detail page's price belongs to Lisbon, as on the list and the home page.
  const price = placeOf('price', 'lisbon', 'EUR 519.00');
  expect(price?.type === 'page' && price.raw).toBe('519 €');
  // The off-site values are traced to their events, as the auditor wrote them.
  const email = placeOf('opening-hours', 'support', PLANTS[6]?.planted ?? '');
  expect(email?.type === 'offsite' && [email.eventId, email.raw]).toEqual([
    'event-email',
    'Monday to Friday, 9:00–18:00',
  ]);
  const call = placeOf('promise', 'delivery', 'delivery 0-5 wd');
  expect(call?.type === 'offsite' && call.eventId).toBe('event-phone');
  // The site is bilingual: the Spanish page that switches to tú is read as Spanish, by its words.
  expect(result.languages).toEqual(['en', 'es']);
  const tu = placeOf('formality', '', 'informal');
  expect(tu?.type === 'page' && [tu.label, tu.raw]).toEqual(['es', 'preparar tu próximo']);
  // The bookings line is a second line the page names as such: tolerated, not a third phone value.
  expect(result.divergences.filter((d) => d.kind === 'phone').map((d) => d.subject)).toEqual(['support']);
  expect(byKind('phone', 'support').map((v) => v.value)).not.toContain('+34910000333');
}, 120_000);

test('the consistent copy and agreeing events give no divergence', async () => {
  const result = await once(true);
  expect(result.divergences.map(summary)).toEqual([]);
  expect(result.offsiteSkipped).toEqual({ unreadable: 0, otherKinds: 0 });
  // The events did join the comparison: they agree with the site.
  expect(result.byChannel.email).toEqual({ agreeing: 2, total: 2 });
  expect(result.byChannel.phone).toEqual({ agreeing: 2, total: 2 });
}, 120_000);
