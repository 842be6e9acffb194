import type { Db } from '@/lib/db/open-db';
import { AuditExport, EXPORT_SCHEMA_VERSION, type Tag } from '@/lib/model';
import { toBase64 } from '@/lib/codec/gzip';
import { type AuditData, kpisOf, loadAudit } from '@/lib/read/audit-data';
import { listAssets } from '@/lib/read/assets';
import { getChunks } from '@/lib/read/recording';
import { getScreenshot } from '@/lib/read/tags';
import { redactChunk, redactUrls } from '@/lib/export/export-urls';
import { compare } from '@/lib/consistency/compare';
import type { Divergence, Place } from '@/lib/consistency/divergence';
import { countryOf } from '@/lib/facts/country';
import { redactReference, type UrlPolicy, walkPolicy } from '@/lib/privacy/url-policy';

export const GENERATOR = 'Touchpoint 0.1.0';

async function exportedTags(db: Db, tags: readonly Tag[]) {
  const out = [];
  for (const { screenshotId, ...tag } of tags) {
    const shot = screenshotId ? await getScreenshot(db, screenshotId) : undefined;
    out.push({
      ...tag,
      screenshot: shot
        ? {
            mime: shot.mime,
            width: shot.width,
            height: shot.height,
            focus: shot.focus,
            encoding: 'base64' as const,
            data: toBase64(new Uint8Array(await shot.blob.arrayBuffer())),
          }
        : null,
    });
  }
  return out;
}

/**
 * The comparison as the panel shows it (same inputs, the country of the latest walk's persona as
 * lib/facts reads pages in), with every page place's URL through its walk's policy like the facts'.
 */
function exportedDivergences(data: AuditData, policies: ReadonlyMap<string, UrlPolicy>): Divergence[] {
  const latest = data.walks.at(-1)?.walk;
  const persona = data.personas.find((p) => p.id === latest?.personaId);
  const { divergences } = compare({
    pages: data.walks.flatMap((w) => w.facts),
    offsite: data.walks.flatMap((w) => w.offsite),
    touchpoints: data.touchpoints,
    country: countryOf(persona?.context.locale, data.audit.startUrl),
  });
  const redact = (p: Place): Place => {
    const policy = p.type === 'page' ? policies.get(p.walkId) : undefined;
    if (p.type !== 'page' || !policy) return p;
    const url = redactReference(p.url, policy);
    return url === p.url ? p : { ...p, url };
  };
  return divergences.map((d) => ({
    ...d,
    values: d.values.map((v) => ({ ...v, places: v.places.map(redact) })),
  }));
}

/**
 * One audit as the read model holds it (personas, touchpoints, walks with steps, tags, scores,
 * off-site events, signals, KPIs and facts; the auditor's decisions, and the divergences compared
 * now), plus what the model names only by id: recorded chunks, the stylesheets they reference,
 * and tag screenshots, read here. Validated on the way out: a file that does not parse is never written.
 */
export async function exportAuditData(db: Db, data: AuditData, now = Date.now()): Promise<AuditExport> {
  const walks = [];
  const policies = new Map<string, UrlPolicy>();
  for (const w of data.walks) {
    // Every URL leaves through the walk's URL policy, recordings stored before it existed included.
    const policy = walkPolicy(data.audit, w.walk);
    policies.set(w.walk.id, policy);
    const chunks = [];
    for (const chunk of await getChunks(db, w.chunkIds)) {
      const { data: bytes, id: _id, walkId: _w, ...rest } = chunk;
      const redacted = await redactChunk(chunk, policy);
      chunks.push({
        ...rest,
        rawBytes: redacted.rawBytes,
        encoding: 'gzip-base64-json' as const,
        data: toBase64(redacted.data),
      });
    }
    walks.push({
      ...w.walk,
      steps: redactUrls(w.steps, policy),
      tags: redactUrls(await exportedTags(db, w.tags), policy),
      scores: redactUrls(w.scores, policy),
      offsite: w.offsite,
      signals: redactUrls(w.signals, policy),
      kpis: kpisOf(w, data.touchpoints, now),
      facts: redactUrls(w.facts, policy),
      chunks,
      // Each stylesheet once, as stored; the chunks keep their references (a 300-visit walk of one
      // site carries its CSS once, not 300 times, and nothing is decompressed to write it).
      assets: (await listAssets(db, w.walk.id)).map((a) => ({
        hash: a.hash,
        rawBytes: a.rawBytes,
        encoding: 'gzip-base64' as const,
        data: toBase64(a.data),
      })),
    });
  }
  const divergences = exportedDivergences(data, policies);
  // The comparison and the check of the whole file are each tens of milliseconds on a long audit:
  // a macrotask between them keeps the panel from one long task (bench row I).
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return AuditExport.parse({
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    exportedAt: now,
    audit: data.audit,
    personas: data.personas,
    touchpoints: data.touchpoints,
    walks,
    decisions: data.decisions,
    divergences,
  });
}

/** Reads the audit and exports it (see exportAuditData). */
export async function buildAuditExport(db: Db, auditId: string, now = Date.now()): Promise<AuditExport> {
  const data = await loadAudit(db, auditId);
  if (!data) throw new Error('That audit no longer exists.');
  return exportAuditData(db, data, now);
}

export function exportFileName(exp: AuditExport): string {
  const slug =
    exp.audit.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'audit';
  return `touchpoint-${slug}-${new Date(exp.exportedAt).toISOString().slice(0, 10)}.json`;
}
