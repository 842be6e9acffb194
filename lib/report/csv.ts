import type { AuditExport, ExportedTag } from '@/lib/model';
import type { TouchpointRow } from '@/lib/model/report';
import { Stage, type Touchpoint } from '@/lib/model/touchpoint';
import type { Present, Translate } from '@/lib/present';
import { reportContext } from '@/lib/report/context';
import { type CsvValue, csvTable } from '@/lib/report/csv-format';
import { buildTouchpointTable } from '@/lib/report/touchpoint-table';

/**
 * The two spreadsheets of an audit, from its export file alone (so an imported or merged file
 * gives the same): one row per friction tag, one per touchpoint. Headers and kinds (channel,
 * stage, category, moment of truth, yes/no) are worded in the UI's language for the people who
 * read them; scales and measures stay numbers (`.` decimals) so a spreadsheet sorts and sums them.
 * Times are ISO 8601 in UTC, durations seconds. The figures are the report's (lib/report/context,
 * touchpoint-table): the same tag placement and KPI sums as the HTML report, on the export's clock.
 * Pure: the caller wraps the text in a Blob.
 */

const iso = (ts: number) => new Date(ts).toISOString();
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** What a tag was pinned on, for people: its target as steps word it, else the anchor's name or tag. */
function elementOf(tag: ExportedTag, present: Present): string {
  const worded = present.target(tag.target);
  if (worded) return worded;
  const name = tag.anchor.name || tag.anchor.text.text;
  return name ? present.target({ kind: 'element', name }) : tag.anchor.tag;
}

export function tagsCsv(file: AuditExport, present: Present, t: Translate): string {
  const ctx = reportContext(file, file.exportedAt);
  const personas = new Map(file.personas.map((p) => [p.id, p]));
  const categories = new Map(file.audit.categories.map((c) => [c.id, c]));

  const header = [
    t('panelAuditsHeading'),
    t('panelWalkHeading'),
    t('csvWalkStarted'),
    t('replayColAuditor'),
    t('replayColPersona'),
    t('reportColTouchpoint'),
    t('touchpointChannel'),
    t('touchpointStage'),
    t('csvPageUrl'),
    t('csvPageTitle'),
    t('csvElement'),
    t('csvSelector'),
    t('fieldCategory'),
    t('csvSeverity'),
    t('csvEffort'),
    t('csvEmotion'),
    t('fieldMoment'),
    t('fieldNote'),
    t('csvCreatedAt'),
    t('csvScreenshot'),
  ];
  // Walk order, then time: as the report lists them.
  const rows = ctx.tags.map(({ tag, walk, touchpointId }): CsvValue[] => {
    const persona = personas.get(walk.personaId);
    const tp = touchpointId ? ctx.touchpoints.get(touchpointId) : undefined;
    const category = categories.get(tag.categoryId);
    return [
      file.audit.name,
      walk.id,
      iso(walk.startedAt),
      walk.auditorName,
      persona?.name ?? '',
      tp?.name ?? '',
      tp ? present.channel(tp.channel) : '',
      tp ? present.stage(tp.stage) : '',
      tag.url,
      tag.pageTitle,
      elementOf(tag, present),
      tag.anchor.selector,
      category ? present.category(category) : tag.categoryId,
      tag.severity,
      tag.effort,
      tag.emotion,
      present.moment(tag.momentOfTruth),
      tag.note,
      iso(tag.createdAt),
      tag.screenshot ? t('csvYes') : t('csvNo'),
    ];
  });
  return csvTable(header, rows);
}

/**
 * The report's rows (touchpoints met, in journey order), then every touchpoint no walk met, in
 * stage order, so the table has one row per touchpoint of the audit.
 */
function touchpointRows(file: AuditExport): { touchpoint: Touchpoint; row: TouchpointRow | null }[] {
  const ctx = reportContext(file, file.exportedAt);
  const met = buildTouchpointTable(ctx).flatMap((row) => {
    const touchpoint = ctx.touchpoints.get(row.touchpointId);
    return touchpoint ? [{ touchpoint, row }] : [];
  });
  const seen = new Set(met.map((m) => m.touchpoint.id));
  const stage = (tp: Touchpoint) => Stage.options.indexOf(tp.stage);
  const unmet = file.touchpoints
    .filter((tp) => !seen.has(tp.id))
    .sort((a, b) => stage(a) - stage(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((touchpoint) => ({ touchpoint, row: null }));
  return [...met, ...unmet];
}

export function touchpointsCsv(file: AuditExport, present: Present, t: Translate): string {
  const header = [
    t('reportColTouchpoint'),
    t('touchpointChannel'),
    t('touchpointStage'),
    t('csvPatterns'),
    t('csvWalks'),
    t('csvTime'),
    t('csvVisits'),
    t('steps'),
    t('reportColClicks'),
    t('reportColErrors'),
    t('csvJsErrors'),
    t('csvFailedRequests'),
    t('reportColWaits'),
    t('csvWaitTotal'),
    t('csvWaitMax'),
    t('offsiteReschedules'),
    t('offsiteTransfers'),
    t('csvMeanCes'),
    t('csvMeanCsat'),
    t('csvMeanTagEffort'),
    ...[0, 1, 2, 3, 4].map((n) => t('csvTagsOfSeverity', present.severity(n))),
    t('replayTags'),
  ];
  const rows = touchpointRows(file).map(({ touchpoint: tp, row }): CsvValue[] => {
    const k = row?.kpis ?? null;
    return [
      tp.name,
      present.channel(tp.channel),
      present.stage(tp.stage),
      // One pattern a line: a cell a spreadsheet shows whole, and that no pattern can contain.
      tp.patterns.join('\n'),
      row?.walks ?? 0,
      seconds(k?.timeMs ?? 0),
      k?.visits ?? 0,
      k?.steps ?? 0,
      k?.clicks ?? 0,
      k?.errors ?? 0,
      k?.jsErrors ?? 0,
      k?.failedRequests ?? 0,
      k?.waits.count ?? 0,
      seconds(k?.waits.totalMs ?? 0),
      seconds(k?.waits.maxMs ?? 0),
      k?.reschedules ?? 0,
      k?.transfers ?? 0,
      row?.ces.mean ?? null,
      row?.csat.mean ?? null,
      k?.meanTagEffort ?? null,
      ...(row?.tagsBySeverity ?? [0, 0, 0, 0, 0]),
      k?.tags ?? 0,
    ];
  });
  return csvTable(header, rows);
}
