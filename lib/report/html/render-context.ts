import type { Category } from '@/lib/model';
import type { AuditExport, ExportedTag } from '@/lib/model/export';
import type { GoalAchieved, NpsSummary, Report, ReportWalk } from '@/lib/model/report';
import { type MessageKey, type Present, pluralCategory, type Translate } from '@/lib/present';

/** What the sections read besides the report: the words, and the file for names and screenshots. */
export interface HtmlContext {
  r: Report;
  file: AuditExport;
  p: Present;
  t: Translate;
  personaName(id: string): string;
  touchpointName(id: string | null): string;
  walk(id: string): ReportWalk | undefined;
  tag(id: string): ExportedTag | undefined;
  category(id: string): string;
  /** An auditor's name, or the words for a walk made before auditors were named. */
  auditor(name: string): string;
  /** A count in the form the locale asks for: both keys literal, so the i18n test sees them. */
  plural(n: number, one: MessageKey, other: MessageKey, more?: string[]): string;
  /** A mean (CES, CSAT) with one decimal, or the dash for nothing rated. */
  score(v: number | null): string;
  /** An emotion mean, signed (`+1.5`, `−0.5`), or the dash. */
  emotion(v: number | null): string;
  /** NPS as a signed whole number, or the words for nobody answered. */
  nps(n: NpsSummary): string;
  /** A persona's verdict over its walks, with the counts behind it when more than one walk answered. */
  goal(g: GoalAchieved): string;
}

export function htmlContext(r: Report, file: AuditExport, p: Present, t: Translate): HtmlContext {
  const personas = new Map(file.personas.map((x) => [x.id, x.name]));
  for (const x of r.summary.personas) personas.set(x.id, x.name);
  const touchpoints = new Map(file.touchpoints.map((x) => [x.id, x.name]));
  for (const x of r.touchpoints) touchpoints.set(x.touchpointId, x.name);
  const walks = new Map(r.summary.walks.map((w) => [w.id, w]));
  const tags = new Map<string, ExportedTag>();
  for (const w of file.walks) for (const tg of w.tags) tags.set(tg.id, tg);
  const categories = new Map<string, Category>(file.audit.categories.map((c) => [c.id, c]));
  const none = t('replayNone');
  return {
    r,
    file,
    p,
    t,
    personaName: (id) => personas.get(id) ?? none,
    touchpointName: (id) => (id === null ? none : (touchpoints.get(id) ?? none)),
    walk: (id) => walks.get(id),
    tag: (id) => tags.get(id),
    // A category the file no longer lists still reads: a default one in the UI's words, else its id.
    category: (id) => p.category(categories.get(id) ?? { id, label: id }),
    auditor: (name) => (name.trim() ? name : t('reportNoAuditor')),
    plural: (n, one, other, more = []) =>
      t(pluralCategory(n, p.locale()) === 'one' ? one : other, [p.count(n), ...more]),
    score: (v) => (v === null ? none : p.score(v)),
    emotion: (v) => (v === null ? none : `${v > 0 ? '+' : v < 0 ? '−' : ''}${p.decimal(Math.abs(v))}`),
    nps: (n) =>
      n.score === null
        ? t('reportNoAnswers')
        : `${n.score > 0 ? '+' : n.score < 0 ? '−' : ''}${p.count(Math.abs(n.score))}`,
    goal(g) {
      if (g.verdict === null) return t('reportUnanswered');
      if (g.yes + g.partly + g.no < 2) return p.goal(g.verdict);
      const counts = (['yes', 'partly', 'no'] as const)
        .filter((k) => g[k] > 0)
        .map((k) => `${p.goal(k)}: ${p.count(g[k])}`);
      return `${p.goal(g.verdict)} (${p.list(counts)})`;
    },
  };
}
