import type { FactKind } from '@/lib/model/fact';

/**
 * The fixture site's planted consistency divergences (issue 12), shared by the pipeline test
 * (test/unit/consistency/fixture-site.test.ts) and the end-to-end test
 * (test/e2e/consistency.spec.ts). Six are on the site's pages (test/fixtures/site, each marked
 * with a `planted (issue 12, consistency)` comment), two come from off-site events that contradict
 * the site. `startFixtureServer({ consistent: true })` serves the copy without them
 * (test/fixtures/site-consistent), and the consistent events repeat what the site says.
 */

/**
 * The pages a customer reaches from the site's navigation (the test-harness pages are left out):
 * the English site and its Spanish pages (/es/), compared within each language where the kind is
 * worded in it (calls to action, navigation…), across both where it is not (phones, register).
 */
export const SITE_PAGES = [
  '/index.html',
  '/destinations.html',
  '/destination.html?id=lisbon',
  '/destination.html?id=kyoto',
  '/offers.html',
  '/quote.html',
  '/quote-sent.html',
  '/support.html',
  '/about.html',
  '/insurance.html',
  '/terms.html',
  '/es/index.html',
  '/es/contacto.html',
  '/es/sobre-nosotros.html',
] as const;

/** An off-site event as the panel's "Other channels" form takes it (scripts/drive/journey.ts). */
export interface PlantEvent {
  channel: 'email' | 'phone';
  name: string;
  summary: string;
  formality: 'formal';
  facts: { kind: 'hours' | 'delivery-time'; subject: string; value: string }[];
}

/** The email and the call: `planted` contradicts the site's hours and delivery time, `consistent` repeats them. */
export function plantEvents(planted: boolean): [PlantEvent, PlantEvent] {
  return [
    {
      channel: 'email',
      name: 'Customer service email',
      summary: 'Asked by email when customer service answers',
      formality: 'formal',
      facts: [
        {
          kind: 'hours',
          subject: 'Customer service',
          value: planted ? 'Monday to Friday, 9:00–18:00' : 'Monday to Friday, 9:00–20:00',
        },
      ],
    },
    {
      channel: 'phone',
      name: 'Customer service line',
      summary: 'Called to ask when the travel documents arrive',
      formality: 'formal',
      facts: [
        {
          kind: 'delivery-time',
          subject: 'Travel documents',
          value: `Travel documents delivered within ${planted ? 5 : 3} working days`,
        },
      ],
    },
  ];
}

const week = (days: string[], hours: string) => days.map((d) => `${d} ${hours}`).join('; ');
const MON_FRI = ['mo', 'tu', 'we', 'th', 'fr'];
const MON_SAT = [...MON_FRI, 'sa'];

/** One planted divergence: its kind and subject, the site's value and the planted one, and where that is. */
export interface Plant {
  kind: FactKind;
  subject: string;
  reason: 'across-places' | 'structured-vs-text';
  /** The value most places hold (for structured-vs-text: the page's visible one). */
  site: string;
  planted: string;
  /**
   * Where the planted value is: page paths (as in SITE_PAGES) or the off-site event's channel. The
   * coral buttons are on the destination page whatever trip it shows: on both trips extracted.
   */
  at: string[];
}

export const PLANTS: readonly Plant[] = [
  {
    kind: 'phone',
    subject: 'support',
    reason: 'across-places',
    site: '+34910000222',
    planted: '+34910000111',
    at: ['/support.html'],
  },
  {
    kind: 'price',
    subject: 'lisbon',
    reason: 'across-places',
    site: 'EUR 489.00',
    planted: 'EUR 519.00',
    at: ['/destination.html?id=lisbon'],
  },
  // The Spanish pages address the reader as usted, like the English ones formally; one switches to tú.
  {
    kind: 'formality',
    subject: '',
    reason: 'across-places',
    site: 'formal',
    planted: 'informal',
    at: ['/es/sobre-nosotros.html'],
  },
  {
    kind: 'colour',
    subject: 'primary-button',
    reason: 'across-places',
    site: '#0b6e8a',
    planted: '#e2674a',
    at: ['/destination.html?id=lisbon', '/destination.html?id=kyoto'],
  },
  {
    kind: 'cta',
    subject: 'quote',
    reason: 'across-places',
    site: 'request a quote',
    planted: 'get a quote',
    at: ['/offers.html'],
  },
  {
    kind: 'opening-hours',
    subject: 'bookings',
    reason: 'structured-vs-text',
    site: week(MON_SAT, '10:00-14:00'),
    planted: week(MON_SAT, '10:00-13:00'),
    at: ['/support.html'],
  },
  {
    kind: 'opening-hours',
    subject: 'support',
    reason: 'across-places',
    site: week(MON_FRI, '09:00-20:00'),
    planted: week(MON_FRI, '09:00-18:00'),
    at: ['email'],
  },
  {
    kind: 'promise',
    subject: 'delivery',
    reason: 'across-places',
    site: 'delivery 0-3 wd',
    planted: 'delivery 0-5 wd',
    at: ['phone'],
  },
];
