import type { Audit, OffsiteEvent, Persona, Step, Tag, Touchpoint, Walk } from '@/lib/model';
import { DEFAULT_CATEGORIES } from '@/lib/model';
import type { AuditData } from '@/lib/read/audit-data';
import { emptyWalkData } from '@/lib/read/audit-data';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';

/** Records of one audit, `a1`, for read-model tests: only the fields the model orders by matter. */
export const AUDIT: Audit = {
  id: 'a1',
  name: 'Ventura',
  company: '',
  startUrl: 'https://ventura.example/',
  origins: ['https://ventura.example'],
  privacy: { maskAllText: false, blockSelectors: [], keepParams: [] },
  categories: [...DEFAULT_CATEGORIES],
  createdAt: 1,
};

export const persona = (id: string, createdAt: number, name = id): Persona => ({
  id,
  auditId: 'a1',
  name,
  segment: '',
  context: { device: 'desktop', locale: '', notes: '' },
  jobToBeDone: '',
  goal: '',
  expectations: '',
  createdAt,
});

export const walk = (id: string, startedAt: number, w: Partial<Walk> = {}): Walk => ({
  id,
  auditId: 'a1',
  personaId: 'p1',
  auditorName: '',
  startUrl: 'https://ventura.example/',
  startedAt,
  endedAt: null,
  status: 'recording',
  endReason: null,
  tabIds: [1],
  openTabIds: [1],
  eventCount: 0,
  storedBytes: 0,
  rawBytes: 0,
  outcome: null,
  ...w,
});

export const step = (id: string, walkId: string, at: number, url = 'https://ventura.example/'): Step => ({
  id,
  walkId,
  tabId: 1,
  recorderId: 'r',
  at,
  kind: 'visit',
  url,
  title: '',
  target: null,
});

export const tag = (id: string, walkId: string, at: number, t: Partial<Tag> = {}): Tag => ({
  ...SAMPLE_FIELDS,
  id,
  auditId: 'a1',
  walkId,
  touchpointId: null,
  tabId: 1,
  recorderId: 'r',
  url: 'https://ventura.example/',
  pageTitle: '',
  at,
  anchor: SAMPLE_ANCHOR,
  target: null,
  screenshotId: null,
  createdAt: at,
  updatedAt: at,
  ...t,
});

export const touchpoint = (id: string, createdAt: number, patterns: string[] = []): Touchpoint => ({
  id,
  auditId: 'a1',
  name: id,
  channel: 'web',
  stage: 'consideration',
  stageGuessed: true,
  patterns,
  createdAt,
});

export const offsite = (id: string, walkId: string, requestedAt: number): OffsiteEvent => ({
  id,
  auditId: 'a1',
  walkId,
  touchpointId: 'tp-phone',
  channel: 'phone',
  touchpointName: 'Call centre',
  summary: 'Asked for a quote',
  requestedAt,
  answeredAt: requestedAt + 60_000,
  reschedules: 0,
  transfers: 1,
  repeatedInfo: [],
  outcome: 'resolved',
  ces: 4,
  csat: null,
  tone: { formality: null, warmth: null },
  facts: [],
  note: '',
  createdAt: requestedAt,
  updatedAt: requestedAt,
});

/** Audit a1 with persona p1 and two walks (w1 ended, w2 recording), w1 holding a tag and two steps. */
export function sampleData(): AuditData {
  const w1 = emptyWalkData(walk('w1', 100, { status: 'ended', endedAt: 500 }));
  w1.steps = [step('s1', 'w1', 110), step('s2', 'w1', 120)];
  w1.tags = [tag('t1', 'w1', 115)];
  return {
    audit: AUDIT,
    personas: [persona('p1', 2)],
    touchpoints: [touchpoint('tp1', 3, ['ventura.example'])],
    walks: [w1, emptyWalkData(walk('w2', 1_000))],
    decisions: [],
  };
}
