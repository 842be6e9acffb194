/**
 * The comparison's grouping of single observations (one value at one place) into subjects: lines
 * and desks by role, colours within tolerance merged, each place counted once per value, and
 * whether a page's structured data contradicts its own text. See compare.ts.
 */
import type { Grouped } from '@/lib/consistency/compare-measures';
import { ROLE_KINDS } from '@/lib/consistency/compare-subjects';
import { sameColour } from '@/lib/consistency/colour-distance';
import type { Place, SeenValue } from '@/lib/consistency/divergence';
import type { FactKind } from '@/lib/model/fact';

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export /** One value at one place, before grouping. `where` identifies the place: a URL or an event. */
interface Obs {
  kind: FactKind;
  subject: string;
  value: string;
  role: string;
  where: string;
  structured: boolean;
  place: Place;
  /** The page's language for kinds compared within one language, else ''. */
  lang: string;
}

/** Lines and desks: by role only where the site names two or more; unnamed ones join the line they match. */
function assignRoles(obs: Obs[]): void {
  const byKind = new Map<FactKind, Obs[]>();
  for (const o of obs) {
    if (!ROLE_KINDS.has(o.kind)) continue;
    const list = byKind.get(o.kind) ?? [];
    list.push(o);
    byKind.set(o.kind, list);
  }
  for (const list of byKind.values()) {
    const roles = new Map<string, { values: Set<string>; places: Set<string> }>();
    for (const o of list) {
      if (!o.role) continue;
      const r = roles.get(o.role) ?? { values: new Set(), places: new Set() };
      r.values.add(o.value);
      r.places.add(o.where);
      roles.set(o.role, r);
    }
    if (roles.size < 2) continue;
    // An unnamed value that is a named line's is that line (the footer repeating the support
    // number); one that is none of them is the site's main line, compared with other unnamed ones.
    const ranked = [...roles.entries()].sort(([a, x], [b, y]) => y.places.size - x.places.size || cmp(a, b));
    for (const o of list) o.subject = o.role || ranked.find(([, r]) => r.values.has(o.value))?.[0] || '';
  }
}

/** Colours one to the eye become the most common of them. */
function mergeColours(obs: Obs[]): void {
  const places = new Map<string, Set<string>>();
  for (const o of obs) if (o.kind === 'colour') places.set(o.value, (places.get(o.value) ?? new Set()).add(o.where));
  const ranked = [...places.entries()].sort(([a, x], [b, y]) => y.size - x.size || cmp(a, b)).map(([v]) => v);
  const reps: string[] = [];
  const to = new Map<string, string>();
  for (const v of ranked) {
    const rep = reps.find((r) => sameColour(r, v));
    if (!rep) reps.push(v);
    to.set(v, rep ?? v);
  }
  for (const o of obs) if (o.kind === 'colour') o.value = to.get(o.value) ?? o.value;
}

/** The values of some observations, each place once per value: most places first, then what a reader sees. */
function seen(list: Obs[]): SeenValue[] {
  const byValue = new Map<string, { at: Map<string, Place>; visible: boolean }>();
  for (const o of list) {
    const v = byValue.get(o.value) ?? { at: new Map<string, Place>(), visible: false };
    if (!v.at.has(o.where)) v.at.set(o.where, o.place);
    v.visible ||= !o.structured;
    byValue.set(o.value, v);
  }
  return [...byValue.entries()]
    .sort(([a, x], [b, y]) => y.at.size - x.at.size || Number(y.visible) - Number(x.visible) || cmp(a, b))
    .slice(0, 500)
    .map(([value, v]) => ({ value, places: [...v.at.values()].slice(0, 5000) }));
}

/**
 * A subject's comparison across places, and apart from it the pages whose structured data states
 * it with no value in common with their own visible text. Such a page is represented across places
 * by what its reader sees, so one wrong JSON-LD block is one finding, not two.
 */
function group(kind: FactKind, subject: string, lang: string, list: Obs[]): Grouped[] {
  const sides = new Map<string, { structured: Set<string>; visible: Set<string> }>();
  for (const o of list) {
    const side = sides.get(o.where) ?? { structured: new Set(), visible: new Set() };
    (o.structured ? side.structured : side.visible).add(o.value);
    sides.set(o.where, side);
  }
  const hasVisible = (o: Obs) => (sides.get(o.where)?.visible.size ?? 0) > 0;
  const across = list.filter((o) => !(o.structured && hasVisible(o)));
  const out: Grouped[] = [{ kind, subject, values: seen(across), reason: 'across-places', lang }];
  const contradicted = list.filter((o) => {
    const s = sides.get(o.where);
    return !!s && s.structured.size > 0 && s.visible.size > 0 && ![...s.structured].some((v) => s.visible.has(v));
  });
  if (contradicted.length > 0)
    out.push({ kind, subject, values: seen(contradicted), reason: 'structured-vs-text', counted: false, lang });
  return out;
}

/** Every observation in its subject (kind, subject and language), roles and colours resolved first. */
export function groupAll(obs: Obs[]): Grouped[] {
  assignRoles(obs);
  mergeColours(obs);
  const bySubject = new Map<string, { kind: FactKind; subject: string; lang: string; list: Obs[] }>();
  for (const o of obs) {
    const k = `${o.kind}\u0000${o.subject}\u0000${o.lang}`;
    const g = bySubject.get(k) ?? { kind: o.kind, subject: o.subject, lang: o.lang, list: [] };
    g.list.push(o);
    bySubject.set(k, g);
  }
  return [...bySubject.values()].flatMap((g) => group(g.kind, g.subject, g.lang, g.list));
}
