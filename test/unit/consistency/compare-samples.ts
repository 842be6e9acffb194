import type { Extractor } from '@/lib/consistency/extractor';
import type { Anchor } from '@/lib/model/anchor';
import type { FactKind, FactSource, PageFact, PageFacts } from '@/lib/model/fact';
import type { OffsiteEvent } from '@/lib/model/offsite';
import type { Touchpoint } from '@/lib/model/touchpoint';

/** Facts and off-site events written by hand, as the extractors and the off-site form would give them. */

export const SITE = 'https://ventura.example';

export function anchor(selector: string, inFooter = false): Anchor {
  return {
    v: 1,
    selector,
    tag: 'span',
    role: null,
    name: '',
    text: { text: '', hash: '00000000' },
    context: { text: '', hash: '00000000' },
    attributes: {},
    classes: [],
    ancestors: inFooter
      ? [{ tag: 'footer', id: null, classes: ['site-footer'] }]
      : [{ tag: 'main', id: null, classes: [] }],
    siblingIndex: 0,
    shared: {},
    position: null,
  };
}

interface FactOpts {
  label?: string;
  source?: FactSource;
  raw?: string;
  context?: string;
  footer?: boolean;
}

export function fact(kind: FactKind, value: string, o: FactOpts = {}): PageFact {
  const source = o.source ?? 'text';
  const structured = source === 'json-ld' || source === 'microdata';
  return {
    kind,
    value,
    raw: o.raw ?? value,
    source,
    context: o.context ?? '',
    label: o.label ?? '',
    anchor: structured ? null : anchor(`#${kind}`, o.footer ?? false),
  };
}

let loads = 0;

/** One recorded page load of `path` (each call is a new load: a revisit is another call). */
export function page(path: string, facts: PageFact[], extra: Partial<PageFacts> = {}): PageFacts {
  loads++;
  const recorderId = `rec-${loads}`;
  return {
    id: `walk-1:${recorderId}`,
    auditId: 'audit-1',
    walkId: 'walk-1',
    recorderId,
    tabId: 1,
    touchpointId: null,
    url: `${SITE}${path}`,
    title: path,
    at: 1_000 * loads,
    version: 1,
    facts,
    failed: [],
    unreadable: [],
    extractedAt: 1_000 * loads,
    ...extra,
  };
}

export function offsite(
  id: string,
  channel: OffsiteEvent['channel'],
  facts: OffsiteEvent['facts'],
  formality: 'formal' | 'informal' | null = null,
): OffsiteEvent {
  return {
    id,
    auditId: 'audit-1',
    walkId: 'walk-1',
    touchpointId: `tp-${channel}`,
    channel,
    touchpointName: channel,
    summary: 'noted',
    requestedAt: 5_000,
    answeredAt: 6_000,
    reschedules: 0,
    transfers: 0,
    repeatedInfo: [],
    outcome: 'resolved',
    ces: null,
    csat: null,
    tone: { formality, warmth: null },
    facts,
    note: '',
    createdAt: 5_000,
    updatedAt: 5_000,
  };
}

export function touchpoint(id: string, stage: Touchpoint['stage'], channel: Touchpoint['channel'] = 'web'): Touchpoint {
  return { id, auditId: 'audit-1', name: id, channel, stage, stageGuessed: false, patterns: [], createdAt: 0 };
}

/**
 * Readers standing in for the extractors' `readValue`: a table of what the auditor wrote and its
 * normalised value, so these tests exercise the comparison whatever the extractors read.
 */
export function readers(table: Partial<Record<FactKind, Record<string, string>>>): Extractor[] {
  return Object.entries(table).map(([kind, values]) => ({
    kind: kind as FactKind,
    extract: () => [],
    readValue: (text: string) => values?.[text] ?? null,
  }));
}

export const P1 = '+34910000001';
export const P2 = '+34910000002';
export const HOURS = 'mo 09:00-14:00; tu 09:00-14:00; we 09:00-14:00; th 09:00-14:00; fr 09:00-14:00';
export const HOURS_LONG = 'mo 09:00-18:00; tu 09:00-18:00; we 09:00-18:00; th 09:00-18:00; fr 09:00-18:00';
export const HOURS_SAT =
  'mo 10:00-20:00; tu 10:00-20:00; we 10:00-20:00; th 10:00-20:00; fr 10:00-20:00; sa 10:00-20:00';

/** What the auditor wrote in the off-site events below, as the extractors would read it. */
export const READERS = readers({
  phone: { '91 000 00 01': P1, '910 000 002': P2 },
  email: { 'INFO@ventura.example': 'info@ventura.example' },
  'opening-hours': { 'L-V de 9 a 14': HOURS, 'L-S de 10 a 20 h': HOURS_SAT },
  promise: { 'en 2 o 3 días laborables': 'delivery 2-3 wd', 'de 5 a 7 días laborables': 'delivery 5-7 wd' },
  price: { '519 €': 'EUR 519.00' },
});
