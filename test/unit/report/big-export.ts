import { AuditExport } from '@/lib/model/export';
import type { FactKind } from '@/lib/model/fact';
import { anchor, makeExport, SITE } from './make-export';

/**
 * The small fixture grown to the bench's size (issue 13): 3 walks of 100 steps each over 30 pages
 * (30 touchpoints), 100 tags, 5,000 facts. Deterministic.
 */
export function makeBigExport(): AuditExport {
  const file = makeExport();
  const pages = Array.from({ length: 30 }, (_, i) => i);
  const touchpoints = pages.map((i) => ({
    id: `tp-p${i}`,
    auditId: file.audit.id,
    name: `Page ${i}`,
    channel: 'web' as const,
    stage: (['awareness', 'consideration', 'purchase', 'use', 'support'] as const)[i % 5],
    stageGuessed: true,
    patterns: [`ventura.example/p/page-${i}`],
    createdAt: 10 + i,
  }));
  const kinds: FactKind[] = ['phone', 'email', 'price', 'cta', 'navigation'];
  let tagN = 0;
  const walks = file.walks.map((w, wi) => {
    const at = (k: number) => w.startedAt + 1_000 * (k + 1);
    const steps = Array.from({ length: 100 }, (_, k) => ({
      ...(w.steps[0] as (typeof w.steps)[number]),
      id: `${w.id}-big-${k}`,
      recorderId: `${w.id}-r${k}`,
      at: at(k),
      kind: k % 2 ? ('click' as const) : ('visit' as const),
      url: `${SITE}/p/page-${Math.floor(k / 2) % 30}`,
    }));
    const tags = Array.from({ length: wi === 0 ? 34 : 33 }, (_, k) => ({
      ...(w.tags[0] as (typeof w.tags)[number]),
      id: `big-t${tagN++}`,
      touchpointId: `tp-p${k % 30}`,
      url: `${SITE}/p/page-${k % 30}`,
      at: at(k * 3),
      severity: k % 5,
      anchor: anchor(`#e${k % 7}`, 'button', 'button', `Action ${'abcdefg'[k % 7]} of page`),
    }));
    const facts = Array.from({ length: 100 }, (_, k) => ({
      ...(w.facts[0] as (typeof w.facts)[number]),
      id: `${w.id}:big-${k}`,
      recorderId: `${w.id}-r${k}`,
      url: `${SITE}/p/page-${Math.floor(k / 2) % 30}`,
      at: at(k),
      facts: Array.from({ length: wi === 0 ? 18 : 16 }, (_, f) => {
        const kind = kinds[f % kinds.length] as FactKind;
        const value =
          kind === 'phone'
            ? `+3491234567${(k + f) % 3}`
            : kind === 'email'
              ? `info${f % 2}@ventura.example`
              : kind === 'price'
                ? `EUR ${100 + (f % 4)}.00`
                : kind === 'cta'
                  ? 'book now'
                  : 'home | trips | contact';
        return { kind, value, raw: value, source: 'text' as const, context: '', label: '', anchor: null };
      }),
    }));
    return { ...w, steps, tags, facts, chunks: [] };
  });
  return AuditExport.parse({ ...file, touchpoints: [...file.touchpoints, ...touchpoints], walks });
}
