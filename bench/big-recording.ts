/**
 * One page load of the bench's generated audit as the recorder stores it: rrweb events (meta, a
 * full snapshot, then mouse moves, scrolls, clicks, inputs, text and attribute mutations, lazy
 * loaded cards, the tag and submit custom events), cut into chunks the way the recorder flushes
 * (a batch every 5 s or 256 kB: lib/record/flusher.ts) and stored as the export stores them: gzip
 * bytes, base64 (lib/export/build-export.ts).
 */
import { gzipSync } from 'node:zlib';
import type { ExportedChunk } from '@/lib/model/export';
import { type BuiltPage, between, lazyCard, pick, type Rand, seeded } from './big-page';

const BATCH_MS = 5000;
const BATCH_BYTES = 256 * 1024;
const VIEWPORT = { width: 1280, height: 800 };

/** What the persona did at a moment of the page load (a step), for the events that show it. */
export interface Mark {
  at: number;
  kind: 'click' | 'input' | 'scroll' | 'submit';
  elementId: number;
}

export interface Custom {
  at: number;
  tag: string;
  payload: unknown;
}

export interface PageLoadRecording {
  chunks: ExportedChunk[];
  events: number;
  rawBytes: number;
  storedBytes: number;
  lastTs: number;
}

interface RrwebEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

const inc = (timestamp: number, data: Record<string, unknown>): RrwebEvent => ({ type: 3, data, timestamp });

/** The page's own life between the persona's actions: pointer, scrolling, mutations. */
function background(r: Rand, page: BuiltPage, from: number, to: number, state: { nextId: number }): RrwebEvent[] {
  const out: RrwebEvent[] = [];
  let x = between(r, 100, 1100);
  let y = between(r, 100, 700);
  let scrollY = 0;
  for (let t = from + 400; t < to; t += Math.max(20, Math.round(-Math.log(1 - r()) * 180))) {
    const p = r();
    if (p < 0.55) {
      const positions = Array.from({ length: between(r, 2, 8) }, (_, i) => {
        x = Math.max(0, Math.min(VIEWPORT.width, x + between(r, -60, 60)));
        y = Math.max(0, Math.min(VIEWPORT.height, y + between(r, -40, 40)));
        return { x, y, id: pick(r, page.actionable).id, timeOffset: -i * 50 };
      });
      out.push(inc(t, { source: 1, positions }));
    } else if (p < 0.72) {
      scrollY = Math.max(0, scrollY + between(r, -200, 400));
      out.push(inc(t, { source: 3, id: 1, x: 0, y: scrollY }));
    } else if (p < 0.8) {
      out.push(inc(t, { source: 2, type: pick(r, [5, 6]), id: pick(r, page.actionable).id }));
    } else if (p < 0.93) {
      // A price or a counter refreshed, a carousel caption, a class toggled.
      const texts = Array.from({ length: between(r, 1, 3) }, () => ({
        id: pick(r, page.texts),
        value: `${between(r, 89, 1890)} €`,
      }));
      const attributes = [
        { id: pick(r, page.actionable).id, attributes: { class: pick(r, ['btn', 'btn is-hover', 'btn is-active']) } },
      ];
      out.push(inc(t, { source: 0, texts, attributes, removes: [], adds: [] }));
    } else {
      // Lazy loading: a few cards added as the persona scrolls.
      const adds = [];
      for (let k = between(r, 2, 6); k > 0; k--) {
        const card = lazyCard(r, pick(r, page.lists), state.nextId);
        state.nextId = card.nextId;
        adds.push(...card.adds);
      }
      out.push(inc(t, { source: 0, texts: [], attributes: [], removes: [], adds }));
    }
  }
  return out;
}

/** The events that show one of the persona's actions. */
function shown(r: Rand, m: Mark): RrwebEvent[] {
  const at = (dt: number) => m.at + dt;
  const x = between(r, 100, 1100);
  const y = between(r, 100, 700);
  const click = [
    inc(at(-90), { source: 2, type: 1, id: m.elementId, x, y }),
    inc(at(-10), { source: 2, type: 0, id: m.elementId, x, y }),
    inc(at(0), { source: 2, type: 2, id: m.elementId, x, y }),
  ];
  if (m.kind === 'click') return click;
  if (m.kind === 'submit')
    return [...click, { type: 5, data: { tag: 'touchpoint:submit', payload: {} }, timestamp: at(5) }];
  if (m.kind === 'scroll') {
    return Array.from({ length: 5 }, (_, i) => inc(at(i * 120), { source: 3, id: 1, x: 0, y: 300 + i * 250 }));
  }
  // Typed text is masked in the recording (lib/record/options.ts): the length shows, not the letters.
  return [
    inc(at(-50), { source: 2, type: 5, id: m.elementId }),
    ...Array.from({ length: between(r, 4, 12) }, (_, i) =>
      inc(at(i * 180), { source: 5, text: '*'.repeat(i + 1), isChecked: false, id: m.elementId }),
    ),
  ];
}

/** Records one page load of `page` from `from` to `to`, cut and stored as chunks. */
export function recordPageLoad(o: {
  page: BuiltPage;
  href: string;
  recorderId: string;
  tabId: number;
  from: number;
  to: number;
  seed: number;
  marks: readonly Mark[];
  customs: readonly Custom[];
}): PageLoadRecording {
  const r = seeded(o.seed);
  const state = { nextId: o.page.nextId };
  const events: RrwebEvent[] = [
    { type: 4, data: { href: o.href, ...VIEWPORT }, timestamp: o.from },
    { type: 2, data: { node: o.page.snapshot, initialOffset: { left: 0, top: 0 } }, timestamp: o.from + 3 },
    ...background(r, o.page, o.from, o.to, state),
    ...o.marks.flatMap((m) => shown(r, m)),
    ...o.customs.map((c) => ({ type: 5, data: { tag: c.tag, payload: c.payload }, timestamp: c.at })),
  ];
  // Stable by time (the meta event and the snapshot stay first).
  const ordered = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.timestamp <= o.to)
    .sort((a, b) => a.e.timestamp - b.e.timestamp || a.i - b.i)
    .map(({ e }) => e);
  const out: PageLoadRecording = { chunks: [], events: ordered.length, rawBytes: 0, storedBytes: 0, lastTs: o.from };
  let batch: RrwebEvent[] = [];
  let batchBytes = 0;
  let seq = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    const gz = gzipSync(json);
    const rawBytes = Buffer.byteLength(json);
    const first = batch[0] as RrwebEvent;
    const last = batch.at(-1) as RrwebEvent;
    out.chunks.push({
      recorderId: o.recorderId,
      tabId: o.tabId,
      seqFrom: seq,
      seqTo: seq + batch.length - 1,
      firstTs: first.timestamp,
      lastTs: last.timestamp,
      rawBytes,
      encoding: 'gzip-base64-json',
      data: gz.toString('base64'),
    });
    out.rawBytes += rawBytes;
    out.storedBytes += gz.byteLength;
    out.lastTs = last.timestamp;
    seq += batch.length;
    batch = [];
    batchBytes = 0;
  };
  for (const e of ordered) {
    const first = batch[0];
    if (first && (e.timestamp - first.timestamp >= BATCH_MS || batchBytes >= BATCH_BYTES)) flush();
    batch.push(e);
    batchBytes += JSON.stringify(e).length;
  }
  flush();
  return out;
}
