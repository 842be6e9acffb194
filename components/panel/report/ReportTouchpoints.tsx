import type { HtmlContext } from '@/lib/report/html/render-context';
import { Fact } from '@/components/panel/report/ReportPart';

/** A severity as a badge: its words, so colour is never the only cue. */
export function Severity({ ctx, value }: { ctx: HtmlContext; value: number }) {
  const s = Math.max(0, Math.min(4, Math.round(value)));
  return <span class={`rep-badge rep-sev-${s}`}>{ctx.p.severity(s)}</span>;
}

/** Tags per severity, the worst first; zeros left out. */
function SeverityCounts({ ctx, counts }: { ctx: HtmlContext; counts: readonly number[] }) {
  const shown = [4, 3, 2, 1, 0].filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <>{ctx.t('replayNone')}</>;
  return (
    <>
      {shown.map((s) => (
        <span key={s} class={`rep-badge rep-sev-${s}`}>
          {ctx.p.severity(s)}: {ctx.p.count(counts[s] ?? 0)}
        </span>
      ))}
    </>
  );
}

/**
 * The per-touchpoint table, one card per touchpoint in journey order (a table is too wide for the
 * side panel): channel, stage, walks and time, the operational KPIs, CES, CSAT, tags by severity.
 */
export function ReportTouchpoints({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const rows = ctx.r.touchpoints;
  if (rows.length === 0) return <p class="small muted">{t('reportTouchpointsEmpty')}</p>;
  return (
    <ul class="rep-list">
      {rows.map((r) => {
        const kpis = p.kpiPhrases(r.kpis);
        return (
          <li key={r.touchpointId}>
            <strong>{r.name}</strong>{' '}
            <span class="muted">
              · {p.channel(r.channel)} · {p.stage(r.stage)}
            </span>
            <dl class="rep-facts">
              <Fact label={t('reportColWalks')}>{p.count(r.walks)}</Fact>
              <Fact label={t('reportColMeanTime')}>{p.span(r.meanTimeMs)}</Fact>
              <Fact label="CES">{ctx.score(r.ces.mean)}</Fact>
              <Fact label="CSAT">{ctx.score(r.csat.mean)}</Fact>
              <Fact label={t('reportColTags')}>
                <SeverityCounts ctx={ctx} counts={r.tagsBySeverity} />
              </Fact>
            </dl>
            {kpis.length > 0 && <p class="small muted">{kpis.join(' · ')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
