import { walkKpis, type KpiInput } from '@/lib/kpi';
import { mean } from '@/lib/kpi/means';
import type { OffsiteEvent, PageSignal, Step, Tag, Touchpoint, Walk } from '@/lib/model';

const H = 'https://ventura.example';
const walk: Walk = {
  id: 'w',
  auditId: 'a',
  personaId: 'p',
  auditorName: '',
  startUrl: `${H}/`,
  startedAt: 0,
  endedAt: 100_000,
  status: 'ended',
  endReason: 'auditor',
  tabIds: [1, 2],
  openTabIds: [],
  eventCount: 0,
  storedBytes: 0,
  rawBytes: 0,
  outcome: null,
};
const tp = (id: string, patterns: string[], channel: Touchpoint['channel'] = 'web'): Touchpoint => ({
  id,
  auditId: 'a',
  name: id,
  channel,
  stage: 'consideration',
  stageGuessed: true,
  patterns,
  createdAt: 0,
});
const touchpoints = [
  tp('home', ['ventura.example/']),
  // A merged touchpoint: two trip pages' patterns.
  tp('trip', ['ventura.example/trip/:id', 'ventura.example/destination.html']),
  tp('quote', ['ventura.example/quote.html']),
  tp('phone', [], 'phone'),
];
let n = 0;
const step = (tabId: number, at: number, kind: Step['kind'], path: string): Step => ({
  id: `s${n++}`,
  walkId: 'w',
  tabId,
  recorderId: 'r',
  at,
  kind,
  url: path ? `${H}${path}` : '',
  title: '',
  target: null,
});
const signal = (at: number, kind: PageSignal['kind'], path: string, durationMs: number | null = null): PageSignal => ({
  id: `g${n++}`,
  walkId: 'w',
  tabId: 1,
  recorderId: null,
  at,
  kind,
  url: `${H}${path}`,
  detail: '',
  durationMs,
});
const tag = (severity: number, effort: number, path: string, touchpointId: string | null = null): Tag =>
  ({
    id: `t${n++}`,
    auditId: 'a',
    walkId: 'w',
    touchpointId,
    tabId: 1,
    recorderId: 'r',
    url: `${H}${path}`,
    pageTitle: '',
    at: 50_000,
    target: null,
    screenshotId: null,
    categoryId: 'error',
    severity,
    effort,
    emotion: 0,
    momentOfTruth: 'no',
    aspect: 'interaction',
    resolution: { status: 'unresolved', minutes: null },
    note: '',
    createdAt: 0,
    updatedAt: 0,
  }) as Tag;
const call = (over: Partial<OffsiteEvent>): OffsiteEvent => ({
  id: `o${n++}`,
  auditId: 'a',
  walkId: 'w',
  touchpointId: 'phone',
  channel: 'phone',
  touchpointName: 'phone',
  summary: 'Called',
  requestedAt: 60_000,
  answeredAt: 75_000,
  reschedules: 1,
  transfers: 2,
  repeatedInfo: [],
  outcome: 'resolved',
  ces: 2,
  csat: 3,
  tone: { formality: null, warmth: null },
  facts: [],
  note: '',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

function input(over: Partial<KpiInput> = {}): KpiInput {
  return {
    walk,
    now: 200_000,
    touchpoints,
    steps: [
      step(1, 0, 'visit', '/'),
      step(1, 2_000, 'click', '/'),
      step(1, 4_000, 'visit', '/trip/123?ref=home'),
      step(1, 5_000, 'scroll', '/trip/123'),
      step(1, 6_000, 'tab-opened', '/insurance.html'),
      step(2, 6_500, 'visit', '/destination.html?id=lisbon'),
      step(2, 9_500, 'click', '/destination.html?id=lisbon'),
      step(2, 10_500, 'tab-closed', ''),
      step(1, 20_000, 'visit', '/trip/456'),
      step(1, 30_000, 'visit', '/quote.html'),
      step(1, 31_000, 'click', '/quote.html'),
      step(1, 32_000, 'input', '/quote.html'),
      // A client-side route change back home (SPA visit).
      step(1, 40_000, 'visit', '/#offers'),
    ],
    signals: [
      signal(31_500, 'js-error', '/quote.html'),
      signal(31_600, 'request-failed', '/quote.html'),
      signal(4_100, 'slow-response', '/trip/123', 1_800),
      signal(20_100, 'slow-response', '/trip/456', 2_400),
    ],
    tags: [tag(3, 2, '/quote.html', 'quote'), tag(4, 1, '/quote.html', 'quote'), tag(1, 6, '/trip/9')],
    scores: [
      {
        id: 's1',
        auditId: 'a',
        walkId: 'w',
        touchpointId: 'quote',
        url: `${H}/quote.html`,
        at: 33_000,
        ces: 2,
        csat: 1,
        note: '',
      },
    ],
    offsite: [
      call({}),
      call({ requestedAt: 80_000, answeredAt: null, reschedules: 0, transfers: 1, ces: 4, csat: null }),
    ],
    ...over,
  };
}

describe('walk KPIs', () => {
  it('measures time, steps and clicks per touchpoint, across tabs and SPA visits, in journey order', () => {
    const k = walkKpis(input());
    expect(k.map((x) => x.touchpointId)).toEqual(['home', 'trip', 'quote', 'phone']);
    const [home, trip, quote] = k;
    // Home 0-4 s, then again from 40 s to the walk's end at 100 s.
    expect(home).toMatchObject({ timeMs: 4_000 + 60_000, visits: 2, steps: 3, clicks: 1 });
    // Trip: 4-20 s in tab 1 (its 1st page), 6.5-10.5 s in tab 2 (closed), 20-30 s (2nd trip page).
    expect(trip).toMatchObject({ timeMs: 16_000 + 4_000 + 10_000, visits: 3, steps: 5, clicks: 1 });
    expect(quote).toMatchObject({ timeMs: 10_000, visits: 1, steps: 3, clicks: 1 });
  });

  it('stops the time on a touchpoint when its tab leaves the audited site, and counts the departure as no step', () => {
    const left = { ...step(1, 50_000, 'left-site', ''), url: 'https://other.example' };
    const k = walkKpis(input({ steps: [...input().steps, left] }));
    // Home from 40 s to the departure at 50 s, not to the walk's end.
    expect(k.find((x) => x.touchpointId === 'home')).toMatchObject({ timeMs: 4_000 + 10_000, steps: 3 });
  });

  it('counts errors and slow responses where they happened', () => {
    const [, trip, quote] = walkKpis(input());
    expect(quote).toMatchObject({
      errors: 2,
      jsErrors: 1,
      failedRequests: 1,
      waits: { count: 0, totalMs: 0, maxMs: 0 },
    });
    expect(trip).toMatchObject({ errors: 0, waits: { count: 2, totalMs: 4_200, maxMs: 2_400 } });
  });

  it('counts the errors a page sent past the rate limit (one signal standing for many), and no stop as a step', () => {
    const base = input();
    const [, , quote] = walkKpis({
      ...base,
      signals: [...base.signals, { ...signal(31_700, 'js-error', '/quote.html'), count: 99_980 }],
      steps: [...base.steps, { ...step(1, 31_800, 'recording-stopped', '/quote.html'), stopReason: 'backlog' }],
    });
    expect(quote).toMatchObject({ jsErrors: 1 + 99_980, errors: 2 + 99_980, steps: 3 });
  });

  it('sums tags by severity and averages effort, CES and CSAT', () => {
    const k = walkKpis(input());
    const quote = k.find((x) => x.touchpointId === 'quote');
    expect(quote).toMatchObject({
      tags: 2,
      tagsBySeverity: [0, 0, 0, 1, 1],
      meanTagEffort: 1.5,
      meanCes: 2,
      meanCsat: 1,
    });
    // A tag without a touchpoint id is placed by its URL.
    expect(k.find((x) => x.touchpointId === 'trip')).toMatchObject({ tags: 1, tagsBySeverity: [0, 1, 0, 0, 0] });
  });

  it('measures off-site waits from request to answer, still running while unanswered', () => {
    const phone = walkKpis(input()).find((x) => x.touchpointId === 'phone');
    // 15 s answered; 120 s and counting (now = 200 s) for the unanswered one.
    expect(phone).toMatchObject({
      timeMs: 15_000 + 120_000,
      waits: { count: 2, totalMs: 135_000, maxMs: 120_000 },
      reschedules: 1,
      transfers: 3,
      meanCes: 3,
      meanCsat: 3,
      steps: 0,
    });
  });

  it('runs an open walk to now, and handles a walk with nothing in it', () => {
    const open = walkKpis(input({ walk: { ...walk, endedAt: null, status: 'recording' }, offsite: [] }));
    expect(open.find((x) => x.touchpointId === 'home')?.timeMs).toBe(4_000 + 160_000);
    expect(walkKpis(input({ steps: [], signals: [], tags: [], scores: [], offsite: [] }))).toEqual([]);
  });

  it('leaves out what belongs to no touchpoint (another site, tab events)', () => {
    const k = walkKpis(
      input({
        steps: [step(1, 0, 'visit', '/'), { ...step(1, 1_000, 'visit', ''), url: 'https://elsewhere.example/x' }],
        signals: [],
        tags: [],
        scores: [],
        offsite: [],
      }),
    );
    expect(k.map((x) => [x.touchpointId, x.timeMs])).toEqual([['home', 1_000]]);
  });

  it('averages skip the unrated', () => {
    expect(mean([1, null, 2, undefined])).toBe(1.5);
    expect(mean([null])).toBeNull();
    expect(mean([1, 2, 2])).toBe(1.67);
  });
});
