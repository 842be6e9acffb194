/**
 * An audit export written by hand, for the report's tests and the renderers' (HTML, Markdown, CSV,
 * the panel's Report view): 2 personas, 3 walks by 2 auditors, web, email and phone touchpoints
 * over five stages, tags of every severity band (with efforts, emotions, moments of truth, one
 * without a touchpoint), scores, outcomes with NPS answers, page facts and off-site facts giving
 * divergences, one confirmed and one dismissed. The figures the tests work out by hand are listed
 * in test/unit/report/build-report.test.ts.
 */
import { compare } from '@/lib/consistency/compare';
import type { Anchor } from '@/lib/model/anchor';
import { AuditExport, type ExportedTag, type ExportedWalk } from '@/lib/model/export';
import type { Decision, FactKind, PageFacts } from '@/lib/model/fact';
import type { OffsiteEvent } from '@/lib/model/offsite';
import type { Score } from '@/lib/model/score';
import type { Step } from '@/lib/model/walk';
import type { Touchpoint } from '@/lib/model/touchpoint';

export const SITE = 'https://ventura.example';
export const AUDIT_ID = 'a1';
/** Walks start at these times; every record of a walk is timed from its start. */
export const B1 = 1_700_000_000_000;
export const B2 = B1 + 1_000_000;
export const B3 = B1 + 2_000_000;
/** Every walk visits home, a trip page and the checkout at these offsets. */
export const AT = { home: 10_000, trip: 100_000, checkout: 250_000 } as const;

const tp = (id: string, name: string, channel: Touchpoint['channel'], stage: Touchpoint['stage'], patterns: string[]) =>
  ({ id, auditId: AUDIT_ID, name, channel, stage, stageGuessed: false, patterns, createdAt: 1 }) satisfies Touchpoint;

export const TOUCHPOINTS: Touchpoint[] = [
  tp('tp-email', 'Booking email', 'email', 'onboarding', []),
  tp('tp-phone', 'Support line', 'phone', 'support', []),
  tp('tp-checkout', 'Checkout', 'web', 'purchase', ['ventura.example/checkout']),
  tp('tp-home', 'Home', 'web', 'awareness', ['ventura.example/']),
  tp('tp-trip', 'Trip', 'web', 'consideration', ['ventura.example/trip/lisbon', 'ventura.example/trip/porto']),
];

export function anchor(selector: string, tag: string, role: string | null, name: string, text = name): Anchor {
  // FNV-1a, as lib/anchors fingerprints text: equal texts, equal hashes.
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return {
    v: 1,
    selector,
    tag,
    role,
    name,
    text: { text, hash: hash(text) },
    context: { text: 'Ventura Viajes', hash: 'c0ffee00' },
    attributes: {},
    classes: [],
    ancestors: [{ tag: 'main', id: null, classes: [] }],
    siblingIndex: 0,
    shared: {},
    position: null,
  };
}

const PAY = anchor('#pay', 'button', 'button', 'Pay now');
const ELEMENTS = {
  pay: PAY,
  // The same button, its id renamed in a later release: matched by anchor similarity.
  payRenamed: { ...PAY, selector: '#pay-now' },
  price: anchor('main > span.price', 'span', null, '', 'From 420 €'),
  book: anchor('#book', 'button', 'button', 'Book now'),
  menu: anchor('nav > a', 'a', 'link', 'Menu'),
  search: anchor('#q', 'input', 'searchbox', 'Search trips'),
  hero: anchor('.hero', 'img', 'img', 'Lisbon at dusk'),
};

interface TagSpec {
  id: string;
  at: number;
  page: keyof typeof AT;
  element: keyof typeof ELEMENTS;
  severity: number;
  effort: number;
  emotion: number;
  moment?: ExportedTag['momentOfTruth'];
  shot?: boolean;
  /** Left null, as a tag pinned before touchpoints existed: found by its page's URL. */
  noTouchpoint?: boolean;
}

const PATH = { home: '/', trip: '/trip/lisbon', checkout: '/checkout' } as const;
const TP_OF = { home: 'tp-home', trip: 'tp-trip', checkout: 'tp-checkout' } as const;

function walkOf(
  n: 1 | 2 | 3,
  base: number,
  o: { personaId: string; auditor: string; durationMs: number; goal: 'yes' | 'partly' | 'no'; nps: number },
  tags: TagSpec[],
  scores: [keyof typeof AT, number, number | null][],
  offsite: OffsiteEvent[],
  facts: [keyof typeof AT, FactKind, string][],
): ExportedWalk {
  const id = `w${n}`;
  const rec = (page: keyof typeof AT) => `r${n}-${page}`;
  const pages = Object.keys(AT) as (keyof typeof AT)[];
  const steps: Step[] = pages.map((page) => ({
    id: `${id}-s-${page}`,
    walkId: id,
    tabId: 1,
    recorderId: rec(page),
    at: base + AT[page],
    kind: 'visit',
    url: `${SITE}${PATH[page]}`,
    title: page,
    target: null,
  }));
  const chunks = pages.map((page, i) => ({
    recorderId: rec(page),
    tabId: 1,
    seqFrom: 0,
    seqTo: 1,
    firstTs: base + AT[page],
    lastTs: base + (i + 1 < pages.length ? AT[pages[i + 1] as keyof typeof AT] - 1 : o.durationMs),
    rawBytes: 1,
    encoding: 'gzip-base64-json' as const,
    data: 'AA==',
  }));
  return {
    id,
    auditId: AUDIT_ID,
    personaId: o.personaId,
    auditorName: o.auditor,
    startUrl: `${SITE}/`,
    startedAt: base,
    endedAt: base + o.durationMs,
    status: 'ended',
    endReason: 'auditor',
    tabIds: [1],
    openTabIds: [],
    eventCount: 10,
    storedBytes: 10,
    rawBytes: 10,
    outcome: { goal: o.goal, minutes: 10, nps: o.nps, note: '' },
    steps,
    chunks,
    assets: [],
    tags: tags.map((t) => ({
      id: t.id,
      auditId: AUDIT_ID,
      walkId: id,
      touchpointId: t.noTouchpoint ? null : TP_OF[t.page],
      tabId: 1,
      recorderId: rec(t.page),
      url: `${SITE}${PATH[t.page]}`,
      pageTitle: t.page,
      at: base + t.at,
      anchor: ELEMENTS[t.element],
      target: { kind: 'button', name: ELEMENTS[t.element].name },
      categoryId: 'error',
      severity: t.severity,
      effort: t.effort,
      emotion: t.emotion,
      momentOfTruth: t.moment ?? 'no',
      aspect: 'interaction',
      resolution: { status: 'unresolved', minutes: null },
      note: '',
      screenshot: t.shot
        ? {
            mime: 'image/png',
            width: 1,
            height: 1,
            focus: { x: 0, y: 0, width: 1, height: 1 },
            encoding: 'base64',
            data: 'AA==',
          }
        : null,
      createdAt: base + t.at,
      updatedAt: base + t.at,
    })),
    scores: scores.map(
      ([page, ces, csat]): Score => ({
        id: `${id}:${TP_OF[page]}`,
        auditId: AUDIT_ID,
        walkId: id,
        touchpointId: TP_OF[page],
        url: `${SITE}${PATH[page]}`,
        at: base + AT[page] + 5_000,
        ces,
        csat,
        note: '',
      }),
    ),
    offsite,
    signals: [],
    kpis: [],
    facts: pages.map(
      (page): PageFacts => ({
        id: `${id}:${rec(page)}`,
        auditId: AUDIT_ID,
        walkId: id,
        recorderId: rec(page),
        tabId: 1,
        touchpointId: TP_OF[page],
        // Each walk's trip page is its own URL, so every walk's facts are a place of their own.
        url: `${SITE}${PATH[page]}?w=${n}`,
        title: page,
        at: base + AT[page] + 1_000,
        version: 1,
        facts: facts
          .filter(([p]) => p === page)
          .map(([, kind, value]) => ({
            kind,
            value,
            raw: value,
            source: 'text',
            context: '',
            label: '',
            anchor: null,
          })),
        failed: [],
        unreadable: [],
        extractedAt: base,
      }),
    ),
  };
}

function event(
  walkId: string,
  base: number,
  o: Pick<OffsiteEvent, 'channel' | 'ces' | 'csat' | 'reschedules' | 'transfers' | 'facts'> & {
    touchpointId: string;
    name: string;
    at: number;
    answerMs: number;
  },
): OffsiteEvent {
  return {
    id: `${walkId}-${o.touchpointId}`,
    auditId: AUDIT_ID,
    walkId,
    touchpointId: o.touchpointId,
    channel: o.channel,
    touchpointName: o.name,
    summary: 'asked about the booking',
    requestedAt: base + o.at,
    answeredAt: base + o.at + o.answerMs,
    reschedules: o.reschedules,
    transfers: o.transfers,
    repeatedInfo: [],
    outcome: 'resolved',
    ces: o.ces,
    csat: o.csat,
    tone: { formality: null, warmth: null },
    facts: o.facts,
    note: '',
    createdAt: base + o.at,
    updatedAt: base + o.at,
  };
}

/** The walks, the comparison and the decisions; `decisions: false` leaves the decisions out. */
export function makeExport(opts: { decisions?: boolean } = {}): AuditExport {
  const walks = [
    walkOf(
      1,
      B1,
      { personaId: 'p-ana', auditor: 'Marta', durationMs: 600_000, goal: 'yes', nps: 10 },
      [
        {
          id: 't1',
          at: 300_000,
          page: 'checkout',
          element: 'pay',
          severity: 3,
          effort: 2,
          emotion: -2,
          moment: 'unexpected',
          shot: true,
        },
        {
          id: 't4',
          at: 150_000,
          page: 'trip',
          element: 'price',
          severity: 3,
          effort: 3,
          emotion: -1,
          moment: 'predictable',
        },
        {
          id: 't7',
          at: 50_000,
          page: 'home',
          element: 'hero',
          severity: 0,
          effort: 6,
          emotion: 2,
          moment: 'predictable',
        },
      ],
      [
        ['home', 6, 5],
        ['trip', 5, 4],
        ['checkout', 2, 2],
      ],
      [
        event('w1', B1, {
          touchpointId: 'tp-email',
          name: 'Booking email',
          channel: 'email',
          at: 400_000,
          answerMs: 3_600_000,
          ces: 5,
          csat: 4,
          reschedules: 0,
          transfers: 0,
          facts: [],
        }),
      ],
      [
        ['home', 'phone', '+34912345678'],
        ['home', 'email', 'info@ventura.example'],
      ],
    ),
    walkOf(
      2,
      B2,
      { personaId: 'p-luis', auditor: 'Marta', durationMs: 900_000, goal: 'no', nps: 6 },
      [
        { id: 't2', at: 300_000, page: 'checkout', element: 'payRenamed', severity: 4, effort: 1, emotion: -2 },
        { id: 't8', at: 150_000, page: 'trip', element: 'book', severity: 3, effort: 5, emotion: 0 },
        { id: 't5', at: 50_000, page: 'home', element: 'menu', severity: 2, effort: 5, emotion: 0, noTouchpoint: true },
      ],
      [
        ['home', 4, 3],
        ['checkout', 1, 1],
      ],
      [
        event('w2', B2, {
          touchpointId: 'tp-phone',
          name: 'Support line',
          channel: 'phone',
          at: 500_000,
          answerMs: 120_000,
          ces: 2,
          csat: 2,
          reschedules: 1,
          transfers: 2,
          facts: [{ kind: 'phone', subject: '', value: '+34 912 345 678' }],
        }),
      ],
      [
        ['trip', 'phone', '+34999999999'],
        ['trip', 'email', 'hola@ventura.example'],
      ],
    ),
    walkOf(
      3,
      B3,
      { personaId: 'p-ana', auditor: 'Jordi', durationMs: 300_000, goal: 'partly', nps: 9 },
      [
        {
          id: 't3',
          at: 280_000,
          page: 'checkout',
          element: 'pay',
          severity: 3,
          effort: 3,
          emotion: -1,
          moment: 'predictable',
          shot: true,
        },
        { id: 't6', at: 150_000, page: 'trip', element: 'book', severity: 3, effort: 2, emotion: -1, shot: true },
        { id: 't9', at: 50_000, page: 'home', element: 'search', severity: 2, effort: 2, emotion: -1 },
      ],
      [
        ['home', 7, 5],
        ['trip', 4, 3],
        ['checkout', 3, null],
      ],
      [],
      [['checkout', 'phone', '+34912345678']],
    ),
  ];
  const touchpoints = TOUCHPOINTS;
  const { divergences } = compare({
    pages: walks.flatMap((w) => w.facts),
    offsite: walks.flatMap((w) => w.offsite),
    touchpoints,
    country: 'ES',
  });
  const decide = (kind: FactKind, status: Decision['status'], at: number): Decision[] => {
    const d = divergences.find((x) => x.kind === kind);
    if (!d) throw new Error(`The fixture's facts give no ${kind} divergence.`);
    const tagId = status === 'confirmed' ? 't1' : null;
    return [{ id: `${AUDIT_ID}:${d.key}`, auditId: AUDIT_ID, key: d.key, kind, status, tagId, decidedAt: at }];
  };
  return AuditExport.parse({
    schemaVersion: 3,
    generator: 'test',
    exportedAt: B3 + 1_000_000,
    audit: {
      id: AUDIT_ID,
      name: 'Ventura audit',
      company: 'Ventura Viajes',
      startUrl: `${SITE}/`,
      origins: [SITE],
      createdAt: B1 - 1_000,
    },
    personas: [
      {
        id: 'p-luis',
        auditId: AUDIT_ID,
        name: 'Luis',
        segment: 'Retired',
        jobToBeDone: 'Book a cruise for two',
        goal: 'A booked cruise',
        createdAt: 2_000,
      },
      {
        id: 'p-ana',
        auditId: AUDIT_ID,
        name: 'Ana',
        segment: 'Young professional',
        context: { device: 'mobile', locale: 'es-ES', notes: '' },
        jobToBeDone: 'Book a weekend in Lisbon',
        goal: 'A booked trip',
        createdAt: 1_000,
      },
    ],
    touchpoints,
    // Out of order on purpose: the report sorts walks by start.
    walks: [walks[2], walks[0], walks[1]],
    decisions:
      opts.decisions === false
        ? []
        : [...decide('phone', 'confirmed', B3 + 2), ...decide('email', 'dismissed', B3 + 1)],
    divergences,
  });
}
