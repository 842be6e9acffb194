/**
 * One walk of the bench's generated audit (bench/big-audit.ts) over the site of bench/big-site.ts:
 * its page loads, each recorded (bench/big-recording.ts), with 4 steps per page load, tags pinned
 * to the pages' elements with their screenshots (bench/png.ts), scores, page signals and each page
 * load's facts.
 */
import type { ExportedChunk, ExportedTag, ExportedWalk } from '@/lib/model/export';
import type { PageFacts } from '@/lib/model/fact';
import type { PageSignal } from '@/lib/model/page-signal';
import type { Score } from '@/lib/model/score';
import type { Touchpoint } from '@/lib/model/touchpoint';
import type { Step } from '@/lib/model/walk';
import { EXTRACTION_VERSION } from '@/lib/consistency/version';
import { type Actionable, type BuiltPage, between, type PageSpec, pick, seeded, sentence } from './big-page';
import { type Custom, type Mark, recordPageLoad } from './big-recording';
import {
  anchorOf,
  DETOURS,
  type Friction,
  FRICTIONS,
  factsOf,
  NOTES,
  ORIGIN,
  offsiteOf,
  SPINE,
  T,
  type Template,
  uuid,
} from './big-site';
import { screenshotPng } from './png';

export interface WalkSpec {
  n: number;
  auditId: string;
  personaId: string;
  auditorName: string;
  startedAt: number;
  durationMs: number;
  steps: number;
  tags: number;
  touchpoints: Touchpoint[];
  outcome: { goal: 'yes' | 'partly' | 'no'; nps: number; minutes: number };
  buildPage: (spec: PageSpec, seed: number) => BuiltPage;
}

export function bigWalk(s: WalkSpec): ExportedWalk {
  const r = seeded(100 + s.n);
  const walkId = uuid(r);
  const tabId = 1_000 + s.n;
  const loadsN = Math.round(s.steps / 4);
  const journey = [...SPINE];
  while (journey.length < loadsN) journey.splice(between(r, 1, journey.length - 1), 0, pick(r, DETOURS));
  const weights = journey.map(() => 0.4 + r());
  const total = weights.reduce((a, b) => a + b, 0);
  let at = s.startedAt;
  const steps: Step[] = [];
  const chunks: ExportedChunk[] = [];
  const facts: PageFacts[] = [];
  const tags: ExportedTag[] = [];
  const scores = new Map<string, Score>();
  const signals: PageSignal[] = [];
  let events = 0;
  let rawBytes = 0;
  let storedBytes = 0;
  // Which page loads get tags: spread over the walk.
  const tagLoads = Array.from({ length: s.tags }, (_, k) => Math.floor((k * journey.length) / s.tags));
  journey.forEach((key, li) => {
    const t = T[key] as Template;
    const from = at;
    const to =
      li === journey.length - 1
        ? s.startedAt + s.durationMs
        : Math.round(at + (s.durationMs * (weights[li] as number)) / total);
    at = to;
    const url = `${ORIGIN}${t.path(r)}`;
    const title = `${t.title} | Viajes Ventura`;
    const page = s.buildPage({ ...t, heading: sentence(r, 3, 8) }, s.n * 1000 + li);
    const recorderId = uuid(r);
    const tp = s.touchpoints.find((x) => x.id === `bench-tp-${key}`);
    const span = to - from;
    const step = (k: number, kind: Step['kind'], when: number, a: Actionable | null): Step => ({
      id: `${walkId}:${li}:${k}`,
      walkId,
      tabId,
      recorderId,
      at: when,
      kind,
      url,
      title,
      target: a ? { kind: a.kind, name: a.name } : null,
    });
    const fields = page.actionable.filter((a) => a.kind === 'field');
    const clickable = page.actionable.filter((a) => a.kind === 'button' || a.kind === 'link');
    const marks: Mark[] = [];
    steps.push(step(0, 'visit', from, null));
    for (let k = 1; k < 4; k++) {
      const when = Math.round(from + (span * k) / 4.2);
      const form = t.form !== null;
      const kind: Mark['kind'] = form ? (k < 3 ? 'input' : 'submit') : k === 1 ? 'scroll' : 'click';
      const a =
        kind === 'input'
          ? pick(r, fields)
          : kind === 'submit'
            ? (page.actionable.at(-1) as Actionable)
            : pick(r, clickable);
      marks.push({ at: when, kind, elementId: a.id });
      steps.push(step(k, kind, when, kind === 'scroll' ? null : a));
    }
    const customs: Custom[] = [];
    tagLoads.forEach((load, k) => {
      if (load !== li) return;
      const fr = FRICTIONS[(s.n * 7 + tags.length * 5 + k) % FRICTIONS.length] as Friction;
      const a = page.actionable[fr.element % page.actionable.length] as Actionable;
      const when = Math.round(from + span * (0.2 + 0.6 * r()));
      const tagId = uuid(r);
      const w = between(r, 200, 320);
      const h = between(r, 100, 180);
      const focus = {
        x: between(r, 10, 60),
        y: between(r, 10, 40),
        width: between(r, 80, 140),
        height: between(r, 30, 50),
      };
      const png = screenshotPng(w, h, focus, s.n * 100 + tags.length + 1);
      const note = tags.length % 6 === 5 ? '' : (NOTES[(tags.length + s.n) % NOTES.length] as string);
      tags.push({
        id: tagId,
        auditId: s.auditId,
        walkId,
        touchpointId: tp?.id ?? null,
        tabId,
        recorderId,
        url,
        pageTitle: title,
        at: when,
        anchor: anchorOf(a),
        target: { kind: a.kind, name: a.name },
        categoryId: tags.length === 0 ? 'inconsistency' : fr.category,
        severity: fr.severity,
        effort: between(r, 1, 7),
        emotion: between(r, -2, 2),
        momentOfTruth: pick(r, ['no', 'no', 'predictable', 'unexpected'] as const),
        aspect: pick(r, ['interaction', 'perception'] as const),
        resolution: pick(r, [
          { status: 'unresolved', minutes: null },
          { status: 'workaround', minutes: 4 },
          { status: 'resolved', minutes: 1.5 },
        ] as const),
        note,
        screenshot: { mime: 'image/png', width: w, height: h, focus, encoding: 'base64', data: png.toString('base64') },
        createdAt: when + 2_000,
        updatedAt: when + 9_000,
      });
      customs.push({
        at: when,
        tag: 'touchpoint-tag',
        payload: { tagId, categoryId: fr.category, severity: fr.severity, target: { kind: a.kind, name: a.name } },
      });
    });
    const rec = recordPageLoad({ page, href: url, recorderId, tabId, from, to, seed: s.n * 7919 + li, marks, customs });
    chunks.push(...rec.chunks);
    events += rec.events;
    rawBytes += rec.rawBytes;
    storedBytes += rec.storedBytes;
    facts.push({
      id: `${walkId}:${recorderId}`,
      auditId: s.auditId,
      walkId,
      recorderId,
      tabId,
      touchpointId: tp?.id ?? null,
      url,
      title,
      at: rec.lastTs,
      version: EXTRACTION_VERSION,
      facts: factsOf(key, r).map((f) => ({ ...f, anchor: null })),
      failed: [],
      unreadable: [],
      extractedAt: s.startedAt + s.durationMs + 60_000,
    });
    if (tp && !scores.has(tp.id) && r() < 0.8) {
      scores.set(tp.id, {
        id: `${walkId}:${tp.id}`,
        auditId: s.auditId,
        walkId,
        touchpointId: tp.id,
        url,
        at: Math.round(from + span * 0.9),
        ces: between(r, 1, 7),
        csat: r() < 0.2 ? null : between(r, 1, 5),
        note: r() < 0.5 ? sentence(r, 6, 14) : '',
      });
    }
    if (key === 'pago' || key === 'destinos' || r() < 0.1) {
      signals.push({
        id: uuid(r),
        walkId,
        tabId,
        recorderId,
        at: from + 1500,
        url,
        kind: key === 'pago' ? 'js-error' : key === 'destinos' ? 'slow-response' : 'request-failed',
        detail:
          key === 'pago'
            ? "TypeError: Cannot read properties of undefined (reading 'cvc')"
            : `/api/buscar?destino=c%C3%A1diz 503`,
        durationMs: key === 'destinos' ? between(r, 2500, 7000) : null,
      });
    }
  });
  const end = s.startedAt + s.durationMs;
  const offsite = offsiteOf(s, walkId, r);
  return {
    id: walkId,
    auditId: s.auditId,
    personaId: s.personaId,
    auditorName: s.auditorName,
    startUrl: `${ORIGIN}/`,
    startedAt: s.startedAt,
    endedAt: end,
    status: 'ended',
    endReason: 'auditor',
    tabIds: [tabId],
    openTabIds: [],
    eventCount: events,
    storedBytes,
    rawBytes,
    outcome: {
      goal: s.outcome.goal,
      minutes: s.outcome.minutes,
      nps: s.outcome.nps,
      note: 'Reserva hecha, pero con dudas sobre las tasas y la cancelación.',
    },
    steps,
    chunks,
    tags,
    scores: [...scores.values()],
    offsite,
    signals,
    kpis: [],
    facts,
    assets: [],
  };
}
