import type { DivergenceRef, FrictionRef, MeasureChange, Reaudit, TouchpointChange } from '@/lib/model/reaudit';
import { CES_SAME, CSAT_SAME } from '@/lib/model/reaudit';
import type { MessageKey, Present, Translate } from '@/lib/present';

/** One list of the comparison: its id (for anchors and tests), heading and items, all words. */
export interface ReauditGroup {
  id: string;
  title: string;
  items: string[];
}

export interface ReauditWords {
  /** "Before: … After: …": which audit is which. */
  lead: string;
  /** The tolerance under which a change counts as none. */
  tolerance: string;
  /** Non-empty lists only, in reading order. */
  groups: ReauditGroup[];
}

const dash = '—';

function measures(p: Present, t: Translate, tp: TouchpointChange, want: MeasureChange['change']): string {
  const fmt = (v: number | null) => (v === null ? dash : p.score(v));
  const parts: string[] = [];
  if (tp.ces.change === want) parts.push(t('reauditCes', [fmt(tp.ces.before), fmt(tp.ces.after)]));
  if (tp.csat.change === want) parts.push(t('reauditCsat', [fmt(tp.csat.before), fmt(tp.csat.after)]));
  return `${tp.name} (${p.channel(tp.channel)}) · ${parts.join(' · ')}`;
}

/** A friction as a reader finds it: severity, the element (else its page), its touchpoint, its category. */
function friction(p: Present, f: FrictionRef, severity = true): string {
  const where = p.target(f.target) || f.pageTitle.trim() || f.url;
  return [severity ? p.severity(f.severity) : '', where, f.touchpointName, p.category(f.category)]
    .filter(Boolean)
    .join(' · ');
}

function divergence(p: Present, t: Translate, d: DivergenceRef): string {
  const subject = d.subject ? p.factSubject(d.kind, d.subject) : '';
  const name = subject ? `${p.pageFactKind(d.kind)} · ${subject}` : p.pageFactKind(d.kind);
  const lang = d.lang ? ` (${p.language(d.lang)})` : '';
  return `${name}${lang} · ${t('reauditValues', p.list(d.values))}`;
}

/**
 * The comparison in words, for the panel, the HTML and the Markdown alike (each escapes as it
 * writes): every label, number and date from `present` and `t`.
 */
export function reauditWords(r: Reaudit, p: Present, t: Translate): ReauditWords {
  const group = (id: string, title: MessageKey, items: string[]): ReauditGroup => ({ id, title: t(title), items });
  const changed = (want: MeasureChange['change']) =>
    r.touchpoints.filter((x) => x.ces.change === want || x.csat.change === want).map((x) => measures(p, t, x, want));
  const point = (x: { name: string; channel: Parameters<Present['channel']>[0] }) =>
    `${x.name} (${p.channel(x.channel)})`;
  const groups = [
    group('improved', 'reauditImproved', changed('improved')),
    group('worsened', 'reauditWorsened', changed('worsened')),
    group(
      'same',
      'reauditSameGroup',
      r.touchpoints
        .filter((x) => ![x.ces.change, x.csat.change].some((c) => c === 'improved' || c === 'worsened'))
        .map(point),
    ),
    group('gone', 'reauditGone', r.gone.map(point)),
    group('added', 'reauditAdded', r.added.map(point)),
    group(
      'fixed',
      'reauditFixed',
      r.frictions.fixed.map((f) => friction(p, f)),
    ),
    group(
      'new-frictions',
      'reauditNewFrictions',
      r.frictions.new.map((f) => friction(p, f)),
    ),
    group(
      'still-frictions',
      'reauditStillFrictions',
      r.frictions.still.map(
        (s) =>
          `${friction(p, s.after, false)} · ${t('reauditSeverityChange', [p.severity(s.before.severity), p.severity(s.after.severity)])}`,
      ),
    ),
    group(
      'unchecked-frictions',
      'reauditNotCheckedFrictions',
      r.frictions.notChecked.map((f) => friction(p, f)),
    ),
    group(
      'resolved',
      'reauditResolved',
      r.divergences.resolved.map((d) => divergence(p, t, d)),
    ),
    group(
      'new-divergences',
      'reauditNewDivergences',
      r.divergences.new.map((d) => divergence(p, t, d)),
    ),
    group(
      'still-divergences',
      'reauditStillDivergences',
      r.divergences.still.map((s) => divergence(p, t, s.after)),
    ),
    group(
      'unchecked-divergences',
      'reauditNotCheckedDivergences',
      r.divergences.notChecked.map((d) => divergence(p, t, d)),
    ),
  ].filter((g) => g.items.length > 0);
  return {
    lead: t('reauditLead', [
      r.before.name,
      p.dateTime(r.before.createdAt),
      r.after.name,
      p.dateTime(r.after.createdAt),
    ]),
    tolerance: t('reauditTolerance', [p.decimal(CES_SAME), p.decimal(CSAT_SAME)]),
    groups,
  };
}
