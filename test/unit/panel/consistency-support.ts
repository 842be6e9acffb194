import { signal } from '@preact/signals';
import type { Anchor, OffsiteEvent, Tag } from '@/lib/model';
import type { PageFact, PageFacts } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { emptyWalkData } from '@/lib/read/audit-data';
import { SAMPLE_ANCHOR, SAMPLE_FIELDS } from '../support/journey-samples';
import { walkRecord } from './support';

export const AUDIT_ID = '00000000-0000-4000-8000-0000000000a1';
export const WALK_ID = '00000000-0000-4000-8000-0000000000b1';
export const T0 = 1_700_000_000_000;

export const anchorAt = (selector: string): Anchor => ({ ...SAMPLE_ANCHOR, selector });

export function phoneFact(value: string, raw: string, selector: string): PageFact {
  return { kind: 'phone', value, raw, source: 'link', context: raw, label: '', anchor: anchorAt(selector) };
}

let n = 0;
/** One recorded page load's facts (a PageFacts record), as the facts runner stores them. */
export function pageFacts(path: string, facts: PageFact[], extractedAt = T0): PageFacts {
  const recorderId = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return {
    id: `${WALK_ID}:${recorderId}`,
    auditId: AUDIT_ID,
    walkId: WALK_ID,
    recorderId,
    tabId: 7,
    touchpointId: null,
    url: `https://ventura.example${path}`,
    title: path === '/contacto' ? 'Contacto' : `Página ${path}`,
    at: T0 + n * 1000,
    version: 1,
    facts,
    failed: [],
    unreadable: [],
    extractedAt,
  };
}

/** Four pages: three give the footer's number, the contact page another. */
export function fourPages(): PageFacts[] {
  const footer = (p: string) => pageFacts(p, [phoneFact('+34911111111', '911 111 111', 'footer a[href^="tel"]')]);
  return [
    footer('/'),
    footer('/viajes'),
    footer('/ofertas'),
    pageFacts('/contacto', [phoneFact('+34922222222', '922 222 222', '#contact-phone')]),
  ];
}

export function tagOn(facts: PageFacts, selector: string, screenshotId: string | null): Tag {
  return {
    id: `00000000-0000-4000-8000-00000000${String(++n).padStart(4, '0')}`,
    auditId: AUDIT_ID,
    walkId: WALK_ID,
    touchpointId: null,
    tabId: 7,
    recorderId: facts.recorderId,
    url: facts.url,
    pageTitle: facts.title,
    at: facts.at,
    anchor: anchorAt(selector),
    target: null,
    screenshotId,
    ...SAMPLE_FIELDS,
    createdAt: 1,
    updatedAt: 1,
  };
}

/** The audit's read model with one walk holding these page facts, events and tags. */
export function auditData(
  facts: PageFacts[],
  more: { offsite?: OffsiteEvent[]; tags?: Tag[]; decisions?: AuditData['decisions'] } = {},
) {
  const walk = { ...emptyWalkData(walkRecord({ id: WALK_ID, auditId: AUDIT_ID, personaId: AUDIT_ID })) };
  const data: AuditData = {
    audit: { id: AUDIT_ID } as AuditData['audit'],
    personas: [],
    touchpoints: [],
    walks: [{ ...walk, facts, offsite: more.offsite ?? [], tags: more.tags ?? [] }],
    decisions: more.decisions ?? [],
  };
  return data;
}

/** The facts runner as the view sees it: signals a test sets, and the recomputations asked. */
export function fakeRunner() {
  const asked: number[] = [];
  return {
    pending: signal(0),
    running: signal(false),
    lastError: signal<unknown>(null),
    asked,
    recompute() {
      asked.push(1);
    },
  };
}
