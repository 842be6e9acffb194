import type { Friction } from '@/lib/model/report';
import { imageDataUrl } from '@/lib/report/html/escape';
import { pageLabel } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';
import { replayHash } from '@/lib/replay/hash';
import { Severity } from '@/components/panel/report/ReportTouchpoints';

/** The representative tag's element screenshot from the file, its element outlined. */
function Shot({ ctx, f, alt }: { ctx: HtmlContext; f: Friction; alt: string }) {
  const shot = ctx.tag(f.tagId)?.screenshot;
  if (!shot) return <p class="small muted">{ctx.t('reportNoScreenshot')}</p>;
  // A file edited by hand (or hostile) may claim an image it does not hold: it is left out.
  const src = imageDataUrl(shot.mime, shot.data);
  if (src === null) return <p class="small muted">{ctx.t('reportScreenshotRefused')}</p>;
  const { width: w, height: h, focus } = shot;
  return (
    <div class="rep-shot">
      <img src={src} alt={alt} width={w} height={h} />
      {focus.width > 0 && focus.height > 0 && (
        <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect x={focus.x} y={focus.y} width={focus.width} height={focus.height} />
        </svg>
      )}
    </div>
  );
}

/**
 * The top frictions, worst first: severity, walks that met it, effort, where it is, its element's
 * screenshot, and every tag's moment with a link that opens the replay there.
 */
export function ReportFrictions({ ctx }: { ctx: HtmlContext }) {
  const { p, t } = ctx;
  const list = ctx.r.frictions;
  if (list.length === 0) return <p class="small muted">{t('reportFrictionsEmpty')}</p>;
  return (
    <ol class="rep-list rep-frictions">
      {list.map((f) => {
        const target = p.target(f.target);
        const where = target || pageLabel({ url: f.url, title: f.pageTitle });
        const heading = target
          ? t('reportFrictionHeading', [p.count(f.rank), ctx.category(f.categoryId), target])
          : t('reportFrictionHeadingBare', [p.count(f.rank), ctx.category(f.categoryId)]);
        return (
          <li key={f.id} class={`rep-edge-${f.severity}`}>
            <h4>{heading}</h4>
            <p class="small">
              <Severity ctx={ctx} value={f.severity} /> ·{' '}
              {ctx.plural(f.walks, 'reportFrictionWalks_one', 'reportFrictionWalks_other')} ·{' '}
              {t('reportPointEffort', ctx.score(f.effort))}
              {f.touchpointId && ` · ${ctx.touchpointName(f.touchpointId)}`}
            </p>
            <p class="small muted rep-page">{pageLabel({ url: f.url, title: f.pageTitle })}</p>
            <Shot ctx={ctx} f={f} alt={t('tagScreenshotAlt', where)} />
            <ul class="rep-sublist">
              {f.tags.map((tg) => (
                <li key={tg.tagId}>
                  <span class="small">
                    {t('reportTagMoment', [
                      p.clock(tg.walkOffsetMs),
                      ctx.personaName(tg.personaId),
                      ctx.auditor(tg.auditorName),
                      p.dateTime(tg.at),
                    ])}
                  </span>{' '}
                  <a
                    href={`replay.html${replayHash({ walkId: tg.walkId, at: tg.at, recorderId: tg.recorderId ?? undefined })}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('reportWatchMoment')}
                  </a>
                  {tg.note && <p class="small rep-note">{tg.note}</p>}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
