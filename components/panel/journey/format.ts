import { type MessageKey, t } from '@/lib/i18n';
import type { TouchpointKpis } from '@/lib/model';

/** A duration for people: "45 s", "3 min 5 s", "1 h 2 min". */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const label = (prefix: string, id: string) => t(`${prefix}_${id.replace(/-/g, '_')}` as MessageKey);

/** The KPIs worth reading, as short phrases; zeros left out. */
export function kpiPhrases(k: TouchpointKpis): string[] {
  const out = [t('kpiTime', formatMs(k.timeMs))];
  if (k.steps) out.push(t('kpiSteps', String(k.steps)));
  if (k.clicks) out.push(t('kpiClicks', String(k.clicks)));
  if (k.errors) out.push(t('kpiErrors', String(k.errors)));
  if (k.waits.count) out.push(t('kpiWaits', [String(k.waits.count), formatMs(k.waits.maxMs)]));
  if (k.reschedules) out.push(t('kpiReschedules', String(k.reschedules)));
  if (k.transfers) out.push(t('kpiTransfers', String(k.transfers)));
  if (k.meanCes !== null) out.push(t('kpiCes', String(k.meanCes)));
  if (k.meanCsat !== null) out.push(t('kpiCsat', String(k.meanCsat)));
  if (k.tags) out.push(t('kpiTags', String(k.tags)));
  return out;
}
