/**
 * The audit of the bench's row G (issue 13: "a generated audit of 3 walks, 60 minutes of
 * recording, 300 steps and 100 tags"): an `AuditExport` as the panel writes it, deterministic, for
 * importing and exporting in the panel. Three auditors walk a travel site (20 minutes each, 25 page
 * loads of 4 steps), as two personas; each page load is recorded (bench/big-recording.ts) and has
 * its facts, current at the extractors' version, so the panel reads no recording to show it. Tags
 * carry real PNG screenshots (bench/png.ts), Spanish notes with accents; walks have scores with
 * CES and CSAT, outcomes with NPS, off-site events, page signals and KPIs; the divergences and two
 * decisions come from lib/consistency as an export's would.
 *
 * `npx tsx bench/big-audit.ts [file]` writes it and prints its size.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from '@/lib/consistency/compare';
import { countryOf } from '@/lib/facts/country';
import { walkKpis } from '@/lib/kpi';
import { AuditExport, EXPORT_SCHEMA_VERSION, type ExportedWalk } from '@/lib/model/export';
import type { Persona } from '@/lib/model/audit';
import type { Decision } from '@/lib/model/fact';
import { DEFAULT_CATEGORIES } from '@/lib/model/tag';
import { patternOf } from '@/lib/touchpoints/url-pattern';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { buildPage, seeded } from './big-page';
import { ORIGIN, TEMPLATES } from './big-site';
import { bigWalk } from './big-walk';

export const BIG = { walks: 3, minutes: 60, steps: 300, tags: 100 } as const;
const AUDIT_ID = 'bench-big-audit';
/** 5 October 2026, 09:00 UTC: the first walk's start (a fixed clock: the file is the same on every run). */
const B = Date.UTC(2026, 9, 5, 9, 0);
const DAY = 86_400_000;

function touchpoints(): Touchpoint[] {
  const r = seeded(3);
  const web = TEMPLATES.map((t, i) => ({
    id: `bench-tp-${t.key}`,
    auditId: AUDIT_ID,
    name: t.title,
    channel: 'web' as const,
    stage: t.stage,
    stageGuessed: i % 4 === 0,
    patterns: [patternOf(`${ORIGIN}${t.path(r)}`)],
    createdAt: B - DAY + i,
  }));
  const off = (key: string, name: string, channel: Touchpoint['channel'], stage: Touchpoint['stage']): Touchpoint => ({
    id: `bench-tp-${key}`,
    auditId: AUDIT_ID,
    name,
    channel,
    stage,
    stageGuessed: false,
    patterns: [],
    createdAt: B,
  });
  return [
    ...web,
    off('phone', 'Línea de atención', 'phone', 'support'),
    off('email', 'Correo de confirmación', 'email', 'onboarding'),
    off('chat', 'Chat de ayuda', 'chat', 'support'),
  ];
}

const PERSONAS: Persona[] = [
  {
    id: 'bench-persona-marta',
    auditId: AUDIT_ID,
    name: 'Marta, madre de dos',
    segment: 'Familias con niños pequeños',
    context: { device: 'desktop', locale: 'es-ES', notes: 'Reserva por la noche, con prisa y desde el portátil.' },
    jobToBeDone: 'Reservar una semana de playa en agosto sin sorpresas en el precio final.',
    goal: 'Reserva pagada con traslado y pensión completa.',
    expectations: 'Precio con tasas desde el principio; cancelación gratuita clara.',
    createdAt: B - DAY,
  },
  {
    id: 'bench-persona-jordi',
    auditId: AUDIT_ID,
    name: 'Jordi, viajero de negocios',
    segment: 'Empresas',
    context: { device: 'mobile', locale: 'es-ES', notes: 'Desde el móvil, entre reuniones.' },
    jobToBeDone: 'Cambiar la fecha de un viaje ya reservado y pedir factura a nombre de la empresa.',
    goal: 'Cambio confirmado y factura recibida por correo.',
    expectations: 'Atención rápida por teléfono o chat; sin repetir el localizador.',
    createdAt: B - DAY,
  },
];

const AUDITORS = [
  { name: 'Lucía Ortega Núñez', persona: 0, goal: 'yes', nps: 8 },
  { name: 'Íñigo Martínez', persona: 1, goal: 'partly', nps: 4 },
  { name: 'Zoë Brontë-Müller', persona: 0, goal: 'no', nps: 2 },
] as const;

/** The generated audit: parsed by `AuditExport` like any file the panel writes. */
export function bigAudit(): AuditExport {
  const tps = touchpoints();
  const minutesEach = BIG.minutes / BIG.walks;
  const walks: ExportedWalk[] = AUDITORS.map((a, n) => {
    const persona = PERSONAS[a.persona] as Persona;
    const w = bigWalk({
      n,
      auditId: AUDIT_ID,
      personaId: persona.id,
      auditorName: a.name,
      startedAt: B + n * DAY,
      durationMs: minutesEach * 60_000,
      steps: BIG.steps / BIG.walks,
      tags: Math.floor(BIG.tags / BIG.walks) + (n < BIG.tags % BIG.walks ? 1 : 0),
      touchpoints: tps,
      outcome: { goal: a.goal, nps: a.nps, minutes: minutesEach },
      buildPage,
    });
    return w;
  });
  for (const w of walks) {
    const tags = w.tags.map(({ screenshot, ...t }) => ({ ...t, screenshotId: screenshot ? `${t.id}:shot` : null }));
    w.kpis = walkKpis({ ...w, walk: w, now: w.endedAt ?? B, touchpoints: tps, tags });
  }
  const persona = PERSONAS[0] as Persona;
  const { divergences } = compare({
    pages: walks.flatMap((w) => w.facts),
    offsite: walks.flatMap((w) => w.offsite),
    touchpoints: tps,
    country: countryOf(persona.context.locale, `${ORIGIN}/`),
  });
  const confirmTag = walks[0]?.tags.find((t) => t.categoryId === 'inconsistency');
  const decisions: Decision[] = divergences.slice(0, 2).map((d, i) => ({
    id: `${AUDIT_ID}:${d.key}`,
    auditId: AUDIT_ID,
    key: d.key,
    kind: d.kind,
    status: i === 0 && confirmTag ? 'confirmed' : 'dismissed',
    tagId: i === 0 && confirmTag ? confirmTag.id : null,
    decidedAt: B + 3 * DAY,
  }));
  return AuditExport.parse({
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: 'Touchpoint 0.1.0',
    exportedAt: B + 3 * DAY,
    audit: {
      id: AUDIT_ID,
      name: 'Viajes Ventura — auditoría de verano',
      company: 'Viajes Ventura, S. L.',
      startUrl: `${ORIGIN}/`,
      origins: [ORIGIN],
      privacy: { maskAllText: false, blockSelectors: [], keepParams: ['pagina'] },
      categories: [...DEFAULT_CATEGORIES],
      createdAt: B - DAY,
    },
    personas: PERSONAS,
    touchpoints: tps,
    walks,
    decisions,
    divergences,
  });
}

/** What the file holds, for the bench's note. */
export function describeAudit(file: AuditExport) {
  const sum = (f: (w: ExportedWalk) => number) => file.walks.reduce((s, w) => s + f(w), 0);
  return {
    walks: file.walks.length,
    recordedMinutes: sum((w) => ((w.endedAt ?? w.startedAt) - w.startedAt) / 60_000),
    steps: sum((w) => w.steps.length),
    tags: sum((w) => w.tags.length),
    screenshots: sum((w) => w.tags.filter((t) => t.screenshot).length),
    pageLoads: sum((w) => new Set(w.chunks.map((c) => c.recorderId)).size),
    chunks: sum((w) => w.chunks.length),
    events: sum((w) => w.eventCount),
    rawRecordingBytes: sum((w) => w.rawBytes),
    storedRecordingBytes: sum((w) => w.storedBytes),
    facts: sum((w) => w.facts.reduce((s, f) => s + f.facts.length, 0)),
    scores: sum((w) => w.scores.length),
    offsite: sum((w) => w.offsite.length),
    touchpoints: file.touchpoints.length,
    divergences: file.divergences.length,
  };
}

/** Writes the audit as the panel's JSON export does (`JSON.stringify`), to `file` or a temp file. */
export async function writeBigAudit(file = path.join(tmpdir(), 'touchpoint-bench-big-audit.json')) {
  const audit = bigAudit();
  const text = JSON.stringify(audit);
  await writeFile(file, text);
  return { file, bytes: Buffer.byteLength(text), audit, contents: describeAudit(audit) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  writeBigAudit(process.argv[2])
    .then(({ file, bytes, contents }) => {
      console.log(`${file}: ${(bytes / 1e6).toFixed(2)} MB in ${Date.now() - t0} ms`);
      console.log(JSON.stringify(contents));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
