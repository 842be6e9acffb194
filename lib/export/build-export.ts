import { getAudit, listPersonas } from '@/lib/read/audits';
import { listOffsite } from '@/lib/read/offsite';
import { listScores } from '@/lib/read/scores';
import { listSignals } from '@/lib/read/signals';
import { getScreenshot, listTags } from '@/lib/read/tags';
import { listTouchpoints } from '@/lib/read/touchpoints';
import type { Db } from '@/lib/db/open-db';
import { listChunks } from '@/lib/read/recording';
import { listSteps, listWalks } from '@/lib/read/walks';
import { walkKpis } from '@/lib/kpi';
import { AuditExport, EXPORT_SCHEMA_VERSION } from '@/lib/model';
import { toBase64 } from '@/lib/codec/gzip';

export const GENERATOR = 'Touchpoint 0.1.0';

async function exportedTags(db: Db, walkId: string) {
  const out = [];
  for (const { screenshotId, ...tag } of await listTags(db, walkId)) {
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
 * One audit with its personas, touchpoints, walks (steps, recorded events, tags with their
 * screenshots, scores, off-site events, signals, KPIs), validated on the way out: a file that
 * does not parse is never written.
 */
export async function buildAuditExport(db: Db, auditId: string, now = Date.now()): Promise<AuditExport> {
  const audit = await getAudit(db, auditId);
  if (!audit) throw new Error('That audit no longer exists.');
  const walks = await listWalks(db, auditId);
  const touchpoints = await listTouchpoints(db, auditId);
  const exported = [];
  for (const walk of walks) {
    const chunks = await listChunks(db, walk.id);
    const steps = await listSteps(db, walk.id);
    const tags = await listTags(db, walk.id);
    const scores = await listScores(db, walk.id);
    const offsite = await listOffsite(db, walk.id);
    const signals = await listSignals(db, walk.id);
    exported.push({
      ...walk,
      steps,
      tags: await exportedTags(db, walk.id),
      scores,
      offsite,
      signals,
      kpis: walkKpis({ walk, now, touchpoints, steps, signals, tags, scores, offsite }),
      chunks: chunks.map(({ data, id: _id, walkId: _w, ...rest }) => ({
        ...rest,
        encoding: 'gzip-base64-json' as const,
        data: toBase64(data),
      })),
    });
  }
  return AuditExport.parse({
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    exportedAt: now,
    audit,
    personas: await listPersonas(db, auditId),
    touchpoints,
    walks: exported,
  });
}

/** Reads an export file: JSON first, then the schema. Errors say what is wrong, for the user. */
export function parseAuditExport(text: string): AuditExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON: it is not a Touchpoint export.');
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > EXPORT_SCHEMA_VERSION) {
    throw new Error(`This export was made by a newer Touchpoint (format ${version}); update Touchpoint to open it.`);
  }
  const result = AuditExport.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(
      `This is not a valid Touchpoint export: ${first?.path.join('.') || 'file'}: ${first?.message ?? ''}`,
    );
  }
  return result.data;
}

export function exportFileName(exp: AuditExport): string {
  const slug =
    exp.audit.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'audit';
  return `touchpoint-${slug}-${new Date(exp.exportedAt).toISOString().slice(0, 10)}.json`;
}
