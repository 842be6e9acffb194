/**
 * Two audits of the Ventura site for the re-audit comparison: `before` is make-export.ts's audit
 * (its email divergence left open), `after` a second audit of the redesigned site, its own ids
 * (touchpoints renamed `tp2-…`, so they pair by natural key only). What changed, by hand:
 * - CES: checkout 2 → 5 (improved), home 5.67 → 3 (worsened), trip and email the same; CSAT:
 *   checkout 1.5 → 4 (improved; w3 gave none before, 4 after: (2 + 1) / 2 → (4 + 4 + 4) / 3).
 * - touchpoints: the support line (phone) walked before only; a chat walked after only.
 * - frictions: the trip's price (t4) fixed; a new one on the home hero (t10); "Pay now" still
 *   there, its worst 4 → 3 (t2 now severity 2); "Book now", home search and home menu still there.
 * - divergences: phone (confirmed before) resolved, email (open before) still there, legal name new.
 */
import { AuditExport, type ExportedWalk } from '@/lib/model/export';
import { B3, makeExport } from './make-export';

export function makeBefore(): AuditExport {
  const file = makeExport();
  return AuditExport.parse({ ...file, decisions: file.decisions.filter((d) => d.status === 'confirmed') });
}

const walk = (file: AuditExport, id: string) => file.walks.find((w) => w.id === id) as ExportedWalk;

export function makeAfter(): AuditExport {
  const base = makeBefore();
  // A second audit: every id its own, the touchpoints' included.
  const file = JSON.parse(
    JSON.stringify(base)
      .replaceAll('"a1', '"a2')
      .replaceAll('tp-', 'tp2-')
      .replace(/"w([123])/g, '"xw$1'),
  ) as AuditExport;
  file.audit.name = 'Ventura re-audit';
  file.audit.createdAt = B3 + 10_000_000;
  // A new audit: none of the earlier audit's decisions, its comparison made afresh.
  file.decisions = [];
  file.divergences = [];
  const [w1, w2, w3] = ['xw1', 'xw2', 'xw3'].map((id) => walk(file, id)) as [ExportedWalk, ExportedWalk, ExportedWalk];
  for (const w of [w1, w2, w3]) {
    for (const s of w.scores) {
      if (s.touchpointId === 'tp2-checkout') {
        s.ces = 5;
        s.csat = 4;
      }
      if (s.touchpointId === 'tp2-home') s.ces = 3;
    }
  }
  w1.tags = w1.tags.filter((t) => t.id !== 't4');
  const t2 = w2.tags.find((t) => t.id === 't2');
  if (t2) t2.severity = 2;
  const hero = w1.tags.find((t) => t.id === 't7');
  if (hero) w1.tags.push({ ...hero, id: 't10', severity: 2, effort: 3, emotion: -1, momentOfTruth: 'no' });
  // The phone line is not called again; a chat is opened instead.
  const call = w2.offsite[0];
  if (call) {
    w2.offsite = [
      { ...call, id: 'xw2-chat', touchpointId: 'tp2-chat', channel: 'chat', touchpointName: 'Chat', facts: [] },
    ];
  }
  file.touchpoints.push({
    ...(file.touchpoints[1] as AuditExport['touchpoints'][number]),
    id: 'tp2-chat',
    name: 'Chat',
    channel: 'chat',
  });
  // The trip page's other phone number is gone; the legal name differs between home and checkout.
  for (const f of w2.facts) f.facts = f.facts.filter((x) => x.kind !== 'phone');
  const home = w1.facts.find((f) => f.touchpointId === 'tp2-home');
  const checkout = w3.facts.find((f) => f.touchpointId === 'tp2-checkout');
  const fact = (value: string) => ({
    kind: 'legal-name' as const,
    value,
    raw: value,
    source: 'text' as const,
    context: '',
    label: '',
    anchor: null,
  });
  home?.facts.push(fact('Ventura Viajes SL'));
  checkout?.facts.push(fact('Ventura Travel Ltd'));
  return AuditExport.parse(file);
}
