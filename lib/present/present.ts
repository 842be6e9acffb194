import type { Category, EndReason, StepKind, StopKind, Target, TouchpointKpis, Walk, WalkStatus } from '@/lib/model';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatLanguage,
  formatList,
  formatPercent,
  formatSpan,
  pluralCategory,
} from '@/lib/present/format';
import {
  ASPECT,
  CES,
  CHANNEL,
  CSAT,
  DEFAULT_CATEGORY,
  DEVICE,
  EMOTION,
  END_REASON,
  FACT_KIND,
  FORMALITY,
  GOAL,
  MOMENT,
  OFFSITE_OUTCOME,
  PHASE,
  RESOLUTION,
  SEVERITY,
  STAGE,
  STEP_KIND,
  STOP_KIND,
  TARGET_KIND,
  WALK_STATUS,
  WARMTH,
} from '@/lib/present/labels';
import { DECISION_STATUS, FACT_GROUP_LABEL, PAGE_FACT_KIND, subjectKey } from '@/lib/present/consistency-labels';
import type { MessageKey, Translate } from '@/lib/present/messages';
import { importRefusalText } from '@/lib/present/import-labels';
import type { ImportRefusal } from '@/lib/model/import';

/** Messages with a singular and a plural form (`<base>_one`, `<base>_other`). */
export type PluralBase =
  | 'kpiSteps'
  | 'kpiClicks'
  | 'kpiErrors'
  | 'kpiWaits'
  | 'kpiTags'
  | 'kpiReschedules'
  | 'kpiTransfers'
  | 'markersMissing'
  | 'deleteWalks'
  | 'consistencyReading'
  | 'consistencyPlaces';

/**
 * The one presentation vocabulary: every figure and every enum label the UIs (and the report)
 * show, worded in one locale. Pure: `locale` and `t` come from the caller (the UI binding in
 * lib/i18n.ts passes the browser's UI language and `browser.i18n`; tests pass their own).
 */
export function createPresent(opts: { locale: () => string; t: Translate }) {
  const { t } = opts;
  const loc = () => opts.locale();
  const at = (keys: readonly MessageKey[], i: number, fallback: MessageKey) => t(keys[i] ?? fallback);

  const p = {
    locale: loc,
    count: (n: number) => formatCount(n, loc()),
    decimal: (n: number) => formatDecimal(n, loc()),
    bytes: (n: number) => formatBytes(n, loc()),
    /** A share (0–1): `92%` / `92 %`. */
    percent: (share: number) => formatPercent(share, loc()),
    /** Items as a sentence lists them: `a, b and c`. */
    list: (items: readonly string[]) => formatList(items, loc()),
    dateTime: (ts: number) => formatDateTime(ts, loc()),
    /** A language by its code, named in the UI's language (`es` → Spanish / español). */
    language: (code: string) => formatLanguage(code, loc()),
    /** Elapsed time or an offset into a recording: `3:05`. */
    clock: formatClock,
    /** A span for people: `3 min 5 s`. */
    span: (ms: number) => formatSpan(ms, loc()),
    /** A count in its message, in the plural form the locale asks for: `1 step`, `2 steps`. */
    plural(base: PluralBase, n: number, more: string[] = []): string {
      const one = pluralCategory(n, loc()) === 'one';
      return t(`${base}_${one ? 'one' : 'other'}`, [formatCount(n, loc()), ...more]);
    },

    stepKind: (k: StepKind) => t(STEP_KIND[k]),
    stopKind: (k: StopKind) => t(STOP_KIND[k]),
    /** `Recording stopped: the page changes faster than it can be stored. …` */
    recordingStopped: (k: StopKind) => t('recordingStopped', t(STOP_KIND[k])),
    walkStatus: (s: WalkStatus) => t(WALK_STATUS[s]),
    endReason: (r: EndReason) => t(END_REASON[r]),
    /** What a list of walks says of one: why it ended, or that it is still running. */
    walkState: (w: Pick<Walk, 'status' | 'endReason'>) =>
      w.status === 'ended' && w.endReason ? t(END_REASON[w.endReason]) : t(WALK_STATUS[w.status]),
    channel: (c: keyof typeof CHANNEL) => t(CHANNEL[c]),
    stage: (s: keyof typeof STAGE) => t(STAGE[s]),
    phase: (ph: keyof typeof PHASE) => t(PHASE[ph]),
    severity: (n: number) => at(SEVERITY, n, 'severity0'),
    ces: (n: number) => at(CES, n - 1, 'ces4'),
    csat: (n: number) => at(CSAT, n - 1, 'csat3'),
    emotion: (n: number) => at(EMOTION, n + 2, 'emotion0'),
    /** A mean score (CES 1-7, CSAT 1-5) with one decimal at most. */
    score: (n: number) => formatDecimal(n, loc()),
    /** A default category in the UI's language; one the auditor added, as typed. */
    category: (c: Category) => {
      const key = DEFAULT_CATEGORY[c.id];
      return key ? t(key) : c.label;
    },
    factKind: (k: keyof typeof FACT_KIND) => t(FACT_KIND[k]),
    /** A kind of consistency fact (lib/model/fact.ts), its group, a decision on a divergence. */
    pageFactKind: (k: keyof typeof PAGE_FACT_KIND) => t(PAGE_FACT_KIND[k]),
    /** What a divergence is about: a role or an action worded, a product as the page wrote it. */
    factSubject(kind: keyof typeof PAGE_FACT_KIND, subject: string): string {
      const key = subjectKey(kind, subject);
      return key ? t(key) : subject;
    },
    factGroup: (g: keyof typeof FACT_GROUP_LABEL) => t(FACT_GROUP_LABEL[g]),
    decisionStatus: (s: keyof typeof DECISION_STATUS) => t(DECISION_STATUS[s]),
    /** Places agreeing with the most common value: `92% · 11 of 12 places`. */
    agreement(score: { agreeing: number; total: number }): string {
      const share = score.total > 0 ? score.agreeing / score.total : 1;
      const one = pluralCategory(score.total, loc()) === 'one';
      return t(one ? 'consistencyAgreement_one' : 'consistencyAgreement_other', [
        formatPercent(share, loc()),
        formatCount(score.agreeing, loc()),
        formatCount(score.total, loc()),
      ]);
    },
    offsiteOutcome: (o: keyof typeof OFFSITE_OUTCOME) => t(OFFSITE_OUTCOME[o]),
    formality: (f: keyof typeof FORMALITY | null) => (f ? t(FORMALITY[f]) : t('toneUnknown')),
    warmth: (w: keyof typeof WARMTH | null) => (w ? t(WARMTH[w]) : t('toneUnknown')),
    device: (d: keyof typeof DEVICE) => t(DEVICE[d]),
    goal: (g: keyof typeof GOAL) => t(GOAL[g]),
    moment: (m: keyof typeof MOMENT) => t(MOMENT[m]),
    aspect: (a: keyof typeof ASPECT) => t(ASPECT[a]),
    resolution: (r: keyof typeof RESOLUTION) => t(RESOLUTION[r]),
    /** Why a file was not imported (lib/model/import.ts), and that an older format was read. */
    importRefusal: (r: ImportRefusal) => importRefusalText(r, t, loc()),
    importMigrated: (from: number) => t('importMigrated', formatCount(from, loc())),

    /**
     * What a step or a tag acted on: `button “Next step”` / `botón «Siguiente paso»`. A target
     * stored before targets were structured is an English sentence, shown as it is.
     */
    target(target: Target): string {
      if (target === null) return '';
      if (typeof target === 'string') return target;
      // A paragraph or a card has no kind worth naming: its text says what it is.
      if (target.kind === 'element' && target.name) return t('targetQuoted', target.name);
      const kind = t(TARGET_KIND[target.kind] ?? 'target_element');
      return target.name ? t('targetNamed', [kind, target.name]) : kind;
    },

    /** A touchpoint's KPIs worth reading, as short phrases; zeros left out. */
    kpiPhrases(k: TouchpointKpis): string[] {
      const out = [t('kpiTime', p.span(k.timeMs))];
      if (k.steps) out.push(p.plural('kpiSteps', k.steps));
      if (k.clicks) out.push(p.plural('kpiClicks', k.clicks));
      if (k.errors) out.push(p.plural('kpiErrors', k.errors));
      if (k.waits.count) out.push(p.plural('kpiWaits', k.waits.count, [p.span(k.waits.maxMs)]));
      if (k.reschedules) out.push(p.plural('kpiReschedules', k.reschedules));
      if (k.transfers) out.push(p.plural('kpiTransfers', k.transfers));
      if (k.meanCes !== null) out.push(t('kpiCes', p.score(k.meanCes)));
      if (k.meanCsat !== null) out.push(t('kpiCsat', p.score(k.meanCsat)));
      if (k.tags) out.push(p.plural('kpiTags', k.tags));
      return out;
    },
  };
  return p;
}

export type Present = ReturnType<typeof createPresent>;
