import { emptyKpis } from '@/lib/kpi';
import { words } from '@/test/unit/support/i18n';
export { words };
import type {
  Anchor,
  AuditExport,
  ExportedTag,
  ExportedWalk,
  PageSignal,
  Score,
  Step,
  StepKind,
  TouchpointKpis,
} from '@/lib/model';
import { SAMPLE_ANCHOR } from '../support/journey-samples';

export const T0 = Date.UTC(2026, 11, 4, 9, 30, 0);

export function kpis(touchpointId: string, over: Partial<TouchpointKpis> = {}): TouchpointKpis {
  return { ...emptyKpis(touchpointId), ...over };
}

const ELEMENTS = ['button', 'a', 'input', 'select', 'textarea', 'img', 'h2', 'li', 'td', 'label', 'summary', 'span'];

/** An anchor on an element no other `distinctAnchor(j)` can be taken for (another tag name). */
export function distinctAnchor(i: number): Anchor {
  const name = `Element ${i}`;
  const hash = i.toString(16).padStart(8, '0');
  return {
    ...SAMPLE_ANCHOR,
    selector: `#e${i}`,
    tag: ELEMENTS[i % ELEMENTS.length] ?? 'div',
    name,
    text: { text: name, hash },
  };
}

export function tag(walkId: string, n: number, over: Partial<ExportedTag> = {}): ExportedTag {
  return {
    id: `${walkId}-tag${n}`,
    auditId: 'a1',
    walkId,
    touchpointId: 'tp-cart',
    tabId: 1,
    recorderId: null,
    url: 'https://shop.example/cart',
    pageTitle: 'Cart',
    at: T0 + n * 1000,
    anchor: SAMPLE_ANCHOR,
    target: { kind: 'button', name: 'Pay' },
    categoryId: 'form-effort',
    severity: 3,
    effort: 2,
    emotion: -2,
    momentOfTruth: 'unexpected',
    aspect: 'interaction',
    resolution: { status: 'unresolved', minutes: null },
    note: '',
    createdAt: T0 + n * 1000 + 5,
    updatedAt: T0 + n * 1000 + 5,
    screenshot: null,
    ...over,
  };
}

function step(walkId: string, n: number, kind: StepKind, at: number, path: string): Step {
  const url = `https://shop.example${path}`;
  return { id: `${walkId}-s${n}`, walkId, tabId: 1, recorderId: 'r1', at, kind, url, title: '', target: null };
}

function signal(
  walkId: string,
  n: number,
  kind: PageSignal['kind'],
  at: number,
  durationMs: number | null,
): PageSignal {
  const url = 'https://shop.example/cart';
  return { id: `${walkId}-g${n}`, walkId, tabId: 1, recorderId: 'r1', at, kind, url, detail: 'x', durationMs };
}

function score(walkId: string, touchpointId: string, ces: number, csat: number | null): Score {
  return { id: `${walkId}:${touchpointId}`, auditId: 'a1', walkId, touchpointId, url: '', at: T0, ces, csat, note: '' };
}

export function walk(id: string, over: Partial<ExportedWalk> = {}): ExportedWalk {
  return {
    id,
    auditId: 'a1',
    personaId: 'p1',
    auditorName: 'Ana',
    startUrl: 'https://shop.example/',
    startedAt: T0,
    endedAt: T0 + 600_000,
    status: 'ended',
    endReason: 'auditor',
    tabIds: [1],
    openTabIds: [],
    eventCount: 0,
    storedBytes: 0,
    rawBytes: 0,
    outcome: null,
    steps: [],
    chunks: [],
    tags: [],
    scores: [],
    offsite: [],
    signals: [],
    kpis: [],
    facts: [],
    assets: [],
    ...over,
  };
}

/** The shared audit: walk w1 (Ana as Begoña) and w2 (Luis as Tomás), `tags` given to w1. */
export function makeFile(tags: ExportedTag[] = [tag('w1', 1)]): AuditExport {
  return {
    schemaVersion: 3,
    generator: 'test',
    exportedAt: T0 + 3_600_000,
    audit: {
      id: 'a1',
      name: 'Tienda — auditoría',
      company: 'Señor Café',
      startUrl: 'https://shop.example/',
      origins: ['https://shop.example'],
      privacy: { maskAllText: false, blockSelectors: [], keepParams: [] },
      categories: [
        { id: 'form-effort', label: 'Form and input effort' },
        { id: 'custom-one', label: 'Pago con €, ñandú' },
      ],
      createdAt: T0 - 1000,
    },
    personas: [
      {
        id: 'p1',
        auditId: 'a1',
        name: 'Begoña',
        segment: '',
        context: { device: 'desktop', locale: 'es-ES', notes: '' },
        jobToBeDone: 'Comprar café',
        goal: 'Pagar',
        expectations: '',
        createdAt: T0,
      },
      {
        id: 'p2',
        auditId: 'a1',
        name: 'Tomás',
        segment: '',
        context: { device: 'mobile', locale: 'es-ES', notes: '' },
        jobToBeDone: '',
        goal: '',
        expectations: '',
        createdAt: T0,
      },
    ],
    touchpoints: [
      {
        id: 'tp-phone',
        auditId: 'a1',
        name: 'Línea de atención',
        channel: 'phone',
        stage: 'support',
        stageGuessed: false,
        patterns: [],
        createdAt: T0,
      },
      {
        id: 'tp-cart',
        auditId: 'a1',
        name: 'Cesta',
        channel: 'web',
        stage: 'purchase',
        stageGuessed: false,
        patterns: ['shop.example/cart', 'shop.example/cart/:id'],
        createdAt: T0,
      },
      {
        id: 'tp-home',
        auditId: 'a1',
        name: 'Home',
        channel: 'web',
        stage: 'awareness',
        stageGuessed: true,
        patterns: ['shop.example/'],
        createdAt: T0,
      },
    ],
    walks: [
      walk('w1', {
        // 12.3 s on the home page, 60 s in the cart (one script error, one 4 s wait), then the tab closes.
        steps: [
          step('w1', 1, 'visit', T0, '/'),
          step('w1', 2, 'click', T0 + 1000, '/'),
          step('w1', 3, 'visit', T0 + 12_300, '/cart'),
          step('w1', 4, 'click', T0 + 20_000, '/cart'),
          step('w1', 5, 'tab-closed', T0 + 72_300, '/cart'),
        ],
        signals: [signal('w1', 1, 'js-error', T0 + 25_000, null), signal('w1', 2, 'slow-response', T0 + 26_000, 4000)],
        tags,
        scores: [score('w1', 'tp-cart', 2, 1)],
      }),
      walk('w2', {
        personaId: 'p2',
        auditorName: 'Luis',
        startedAt: T0 + 1_000_000,
        endedAt: T0 + 1_500_000,
        // 30 s in the cart, waiting 7.5 s and 1.5 s.
        steps: [
          step('w2', 1, 'visit', T0 + 1_000_000, '/cart/7'),
          step('w2', 2, 'click', T0 + 1_010_000, '/cart/7'),
          step('w2', 3, 'tab-closed', T0 + 1_030_000, '/cart/7'),
        ],
        signals: [
          signal('w2', 1, 'slow-response', T0 + 1_001_000, 7500),
          signal('w2', 2, 'slow-response', T0 + 1_002_000, 1500),
        ],
        tags: [
          tag('w2', 1, {
            severity: 1,
            effort: 5,
            emotion: 1,
            momentOfTruth: 'no',
            note: 'ok',
            screenshot: {
              mime: 'image/png',
              width: 1,
              height: 1,
              focus: { x: 0, y: 0, width: 1, height: 1 },
              encoding: 'base64',
              data: 'AA==',
            },
          }),
        ],
        scores: [score('w2', 'tp-cart', 5, 4)],
      }),
    ],
    decisions: [],
    divergences: [],
  };
}
