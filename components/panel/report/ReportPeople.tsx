import type { PersonaCell } from '@/lib/model/report';
import type { HtmlContext } from '@/lib/report/html/render-context';
import { Fact, Part } from '@/components/panel/report/ReportPart';

function cellText(ctx: HtmlContext, c: PersonaCell | undefined): string {
  const { t } = ctx;
  if (!c || c.walks === 0) return t('reportNotMet');
  return [
    c.ces === null ? '' : t('kpiCes', ctx.score(c.ces)),
    c.csat === null ? '' : t('kpiCsat', ctx.score(c.csat)),
    c.emotion === null ? '' : t('reportPointEmotion', ctx.emotion(c.emotion)),
    ctx.plural(c.frictions, 'reportPointFrictions_one', 'reportPointFrictions_other'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Each touchpoint as every persona lived it, those shared by two personas or more first. */
function Personas({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const pc = ctx.r.personaComparison;
  if (pc.personaIds.length === 0 || pc.touchpoints.length === 0) {
    return <p class="small muted">{t('reportPersonasEmpty')}</p>;
  }
  const rows = [...pc.touchpoints].sort((a, b) => Number(b.shared) - Number(a.shared));
  return (
    <>
      <p class="small">{t('reportPersonasIntro')}</p>
      {pc.personaIds.length < 2 && <p class="small muted">{t('reportOnePersona')}</p>}
      <ul class="rep-list">
        {rows.map((tp) => (
          <li key={tp.touchpointId}>
            <strong>{tp.name}</strong>{' '}
            <span class="muted">
              · {p.stage(tp.stage)} · {p.channel(tp.channel)}
            </span>
            <dl class="rep-facts">
              {pc.personaIds.map((id) => (
                <Fact key={id} label={ctx.personaName(id)}>
                  {cellText(
                    ctx,
                    tp.personas.find((c) => c.personaId === id),
                  )}
                </Fact>
              ))}
              {tp.cesSpread !== null && <Fact label={t('reportColSpread')}>{ctx.score(tp.cesSpread)}</Fact>}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

/** How far the auditors agree: per touchpoint, CES by auditor and its spread, frictions found by one or several. */
function Agreement({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const a = ctx.r.agreement;
  return (
    <>
      <p class="small">{t('reportAgreementIntro')}</p>
      <p class="small">
        {t('reportColAuditors')}: {a.auditors.length ? p.list(a.auditors.map((x) => ctx.auditor(x))) : t('replayNone')}
      </p>
      {a.auditors.length < 2 ? (
        <p class="small muted">{t('reportOneAuditor')}</p>
      ) : (
        <>
          <p class="small">
            {t('reportAgreementOverall', [p.count(a.frictions.byOne), p.count(a.frictions.bySeveral)])}
          </p>
          <ul class="rep-list">
            {a.touchpoints.map((row) => (
              <li key={row.touchpointId}>
                <strong>{row.name}</strong>{' '}
                <span class="muted">
                  · {p.stage(row.stage)} · {p.channel(row.channel)}
                </span>
                <dl class="rep-facts">
                  {row.ces.byAuditor.map((x) => (
                    <Fact key={x.auditorName} label={ctx.auditor(x.auditorName)}>
                      {t('kpiCes', ctx.score(x.mean))}
                    </Fact>
                  ))}
                  <Fact label={t('reportColSpread')}>{ctx.score(row.ces.spread)}</Fact>
                  <Fact label={t('reportColByOne')}>{p.count(row.frictions.byOne)}</Fact>
                  <Fact label={t('reportColBySeveral')}>{p.count(row.frictions.bySeveral)}</Fact>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The report's last two sections: the persona comparison, and the agreement between auditors. */
export function ReportPeople({ ctx }: { ctx: HtmlContext }) {
  return (
    <>
      <Part id="personas" title={ctx.t('reportPersonas')}>
        <Personas ctx={ctx} />
      </Part>
      <Part id="agreement" title={ctx.t('reportAgreement')}>
        <Agreement ctx={ctx} />
      </Part>
    </>
  );
}
