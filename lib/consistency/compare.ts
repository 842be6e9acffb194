/**
 * The comparison (issue 12, point 4): for each kind, the subjects seen with more than one value
 * across pages and channels. Pure and deterministic: the same facts give the same divergences with
 * the same keys, so the auditor's decisions (kept by key) survive a recomputation.
 *
 * - Subjects and what is tolerated: compare-subjects.ts (products, tax, lines, actions, register);
 *   measures and language: compare-measures.ts; severity: compare-severity.ts.
 * - A place is a page (its URL, however many times it was loaded or walked: a page revisited is
 *   not two witnesses) or an off-site event. Each value a place holds counts once.
 * - Colours within the perceptual tolerance (colour-distance.ts) are one value: the most common.
 * - `structured-vs-text`: pages whose JSON-LD or microdata and their own visible text (or links)
 *   state the subject with no value in common: a finding of its own (its key says so); across
 *   places such a page counts by what its reader sees.
 * - Scores: of the (place, value) pairs of every subject, the share holding its baseline.
 * - Language: kinds worded in the pages' language are compared within each (compare-measures.ts).
 * A little over 200 lines: observing the facts and tallying them are one pass, kept together.
 */
import {
  type Grouped,
  LANGUAGE_BOUND,
  languageGroup,
  type Measured,
  measureGroups,
  pageLanguages,
} from '@/lib/consistency/compare-measures';
import { severityOf } from '@/lib/consistency/compare-severity';
import { ROLE_KINDS, roleOf, subjectOf } from '@/lib/consistency/compare-subjects';
import { cmp, groupAll, type Obs } from '@/lib/consistency/compare-group';
import type { AgreementScore, Comparison, Divergence, PagePlace } from '@/lib/consistency/divergence';
import type { Extractor } from '@/lib/consistency/extractor';
import { offsiteFacts } from '@/lib/consistency/offsite-facts';
import { FACT_GROUP, FactKind, type PageFacts } from '@/lib/model/fact';
import type { OffsiteEvent } from '@/lib/model/offsite';
import type { Channel, Touchpoint } from '@/lib/model/touchpoint';

export interface CompareInput {
  pages: readonly PageFacts[];
  offsite: readonly OffsiteEvent[];
  touchpoints: readonly Touchpoint[];
  /** The audit's country, for reading off-site values ("91 234 56 78"). */
  country: string;
  /** Who reads off-site values (lib/consistency/offsite-facts.ts): the registry unless a test says. */
  readers?: readonly Extractor[];
}

const MEASURES: ReadonlySet<FactKind> = new Set(['readability', 'sentence-length', 'exclamation']);
const KIND_ORDER = FactKind.options;
const MAX_KEY = 1000;

/** The page's identity as a witness: its URL without the fragment. */
const pageWhere = (url: string): string => `page:${url.split('#')[0]}`;

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Kind, subject and the sorted distinct values: what a decision is kept by. */
export function divergenceKey(
  kind: FactKind,
  subject: string,
  values: readonly string[],
  reason: Divergence['reason'] = 'across-places',
  lang = '',
): string {
  // A page's structured data against its own text is a finding apart from the same values across places.
  const tail = reason === 'structured-vs-text' ? ' (structured-vs-text)' : '';
  const sorted = [...new Set(values)].sort(cmp).join(' | ');
  const head = lang ? `${kind} [${lang}]` : kind;
  const key = `${head}: ${subject}: ${sorted}${tail}`;
  if (key.length <= MAX_KEY) return key;
  return `${head}: ${subject.slice(0, 200)}: #${fnv(sorted)}${fnv(`${sorted}.`)}${tail}`;
}

function observe(input: CompareInput): {
  groups: Grouped[];
  skipped: Comparison['offsiteSkipped'];
  languages: string[];
} {
  const pages = [...input.pages].sort((a, b) => a.at - b.at || cmp(a.id, b.id));
  const langs = pageLanguages(pages);
  const obs: Obs[] = [];
  // Measures by kind and language, each page (URL) once.
  const measured = new Map<string, { kind: FactKind; lang: string; byUrl: Map<string, Measured> }>();
  const add = (
    kind: FactKind,
    f: { value: string; label: string; context: string; raw: string },
    base: Omit<Obs, 'kind' | 'subject' | 'value' | 'role'>,
  ) => {
    const role = ROLE_KINDS.has(kind) ? roleOf(kind, f.value, f.label) : '';
    const s = ROLE_KINDS.has(kind) ? { subject: '', value: f.value } : subjectOf(kind, f);
    if (s) obs.push({ kind, ...s, role, ...base });
  };
  for (const p of pages) {
    const where = pageWhere(p.url);
    const pageLang = langs.of.get(p.id) ?? '';
    for (const f of p.facts) {
      const lang = LANGUAGE_BOUND.has(f.kind) ? pageLang : '';
      const place: PagePlace = {
        type: 'page',
        factsId: p.id,
        walkId: p.walkId,
        recorderId: p.recorderId,
        touchpointId: p.touchpointId,
        url: p.url,
        title: p.title,
        at: p.at,
        anchor: f.anchor,
        source: f.source,
        raw: f.raw,
        context: f.context,
        label: f.label,
      };
      if (MEASURES.has(f.kind) || f.kind === 'language') {
        const k = `${f.kind}\u0000${lang}`;
        const m = measured.get(k) ?? { kind: f.kind, lang, byUrl: new Map<string, Measured>() };
        if (!m.byUrl.has(where)) m.byUrl.set(where, { fact: f, place });
        measured.set(k, m);
        continue;
      }
      add(f.kind, f, { where, structured: f.source === 'json-ld' || f.source === 'microdata', place, lang });
    }
  }
  const off = offsiteFacts(input.offsite, input.country, input.readers);
  for (const f of off.facts) {
    const fact = { value: f.value, label: f.place.label, context: '', raw: f.place.raw };
    add(f.kind, fact, { where: `event:${f.place.eventId}`, structured: false, place: f.place, lang: '' });
  }

  const groups = groupAll(obs);
  for (const { kind, lang, byUrl } of measured.values()) {
    const list = [...byUrl.values()];
    if (kind === 'language') groups.push(...list.map(languageGroup).filter((g): g is Grouped => g !== null));
    else {
      const g = measureGroups(kind, list);
      if (g) groups.push({ ...g, lang });
    }
  }
  return {
    groups,
    skipped: { unreadable: off.unreadable, otherKinds: off.otherKinds },
    languages: langs.languages,
  };
}

function tally<K extends string>(into: Partial<Record<K, AgreementScore>>, k: K, agrees: boolean): void {
  const s = into[k] ?? { agreeing: 0, total: 0 };
  into[k] = { agreeing: s.agreeing + (agrees ? 1 : 0), total: s.total + 1 };
}

export function compare(input: CompareInput): Comparison {
  const touchpoints = new Map(input.touchpoints.map((t) => [t.id, t]));
  const { groups, skipped, languages } = observe(input);
  const out: Comparison = {
    divergences: [],
    byKind: {},
    byChannel: {},
    byGroup: {},
    unreadable: [],
    offsiteSkipped: skipped,
    languages,
  };
  for (const g of groups) {
    if (g.counted !== false)
      g.values.forEach((v, i) => {
        for (const p of v.places) {
          tally(out.byKind, g.kind, i === 0);
          tally(out.byGroup, FACT_GROUP[g.kind], i === 0);
          tally<Channel>(out.byChannel, p.type === 'page' ? 'web' : p.channel, i === 0);
        }
      });
    const [base, ...others] = g.values;
    if (!base || others.length === 0) continue;
    const divergence: Divergence = {
      key: divergenceKey(g.kind, g.subject, g.keyValues ?? g.values.map((v) => v.value), g.reason, g.lang),
      kind: g.kind,
      group: FACT_GROUP[g.kind],
      subject: g.subject.slice(0, 200),
      values: g.values,
      baseline: base.value,
      severity: severityOf(
        g.kind,
        others.flatMap((v) => v.places),
        touchpoints,
      ),
      reason: g.reason,
      lang: g.lang ?? '',
    };
    out.divergences.push(divergence);
  }
  out.divergences.sort(
    (a, b) =>
      b.severity - a.severity ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      cmp(a.subject, b.subject) ||
      cmp(a.key, b.key),
  );
  const unreadable = new Map<FactKind, Set<string>>();
  for (const p of input.pages)
    for (const k of p.unreadable) unreadable.set(k, (unreadable.get(k) ?? new Set()).add(pageWhere(p.url)));
  out.unreadable = [...unreadable.entries()]
    .sort(([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
    .map(([kind, pages]) => ({ kind, pages: pages.size }));
  return out;
}
