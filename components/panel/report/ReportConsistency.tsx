import type { HtmlContext } from '@/lib/report/html/render-context';
import { pageLabel } from '@/lib/report/html/parts';
import { Severity } from '@/components/panel/report/ReportTouchpoints';

type Scored = { agreeing: number; total: number };

function Scores({
  ctx,
  title,
  rows,
}: {
  ctx: HtmlContext;
  title: string;
  rows: { id: string; label: string; score: Scored }[];
}) {
  const seen = rows.filter((r) => r.score.total > 0);
  if (seen.length === 0) return null;
  return (
    <>
      <h5>{title}</h5>
      <ul class="cons-scores">
        {seen.map((r) => (
          <li key={r.id} class={r.score.agreeing < r.score.total ? 'cons-off' : undefined}>
            <span>{r.label}</span> <span class="cons-figure">{ctx.p.agreement(r.score)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Every confirmed divergence with its evidence (each value, how many places said it, the first
 * of them), then how far each aspect and channel agrees, as the HTML report has it.
 */
export function ReportConsistency({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const c = ctx.r.consistency;
  return (
    <>
      <p class="small">
        {t('consistencyCounts', [
          p.count(c.decisions.open),
          p.count(c.decisions.confirmed),
          p.count(c.decisions.dismissed),
        ])}
      </p>
      <h4>{t('reportConfirmedHeading')}</h4>
      {c.divergences.length === 0 ? (
        <p class="small muted">{t('reportNoConfirmed')}</p>
      ) : (
        <ul class="rep-list">
          {c.divergences.map((d) => {
            const subject = d.subject ? p.factSubject(d.kind, d.subject) : '';
            return (
              <li key={d.key}>
                <strong>{subject ? `${p.pageFactKind(d.kind)} · ${subject}` : p.pageFactKind(d.kind)}</strong>{' '}
                <Severity ctx={ctx} value={d.severity} />
                <p class="small muted">
                  {p.factGroup(d.group)} · {t('consistencyDecidedAt', p.dateTime(d.decidedAt))}
                </p>
                <ul class="rep-sublist">
                  {d.values.map((v, i) => {
                    const first = v.places[0];
                    return (
                      <li key={v.value}>
                        {i === 0 ? t('consistencyBaseline') : t('consistencyOther')}: <q>{v.value}</q>{' '}
                        <span class="muted">{p.plural('consistencyPlaces', v.places.length)}</span>
                        {first && (
                          <span class="small muted">
                            {' · '}
                            {first.type === 'offsite' ? p.channel(first.channel) : pageLabel(first)}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <h4>{t('consistencyScores')}</h4>
      {c.byGroup.every((g) => g.total === 0) ? (
        <p class="small muted">{t('consistencyNoFacts')}</p>
      ) : (
        <>
          <Scores
            ctx={ctx}
            title={t('consistencyByGroup')}
            rows={c.byGroup.map((g) => ({ id: g.group, label: p.factGroup(g.group), score: g }))}
          />
          <Scores
            ctx={ctx}
            title={t('consistencyByChannel')}
            rows={c.byChannel.map((x) => ({ id: x.channel, label: p.channel(x.channel), score: x }))}
          />
        </>
      )}
    </>
  );
}
