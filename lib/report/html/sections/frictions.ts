import type { Friction, FrictionTag } from '@/lib/model/report';
import { dataTable } from '@/lib/report/html/charts';
import { type Html, html, imageDataUrl, link } from '@/lib/report/html/escape';
import { empty, pageLabel, section, severityBadge } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';

/** What the friction is on: the element as the UI words it, else its page. */
function where(ctx: HtmlContext, f: { target: Friction['target']; url: string; pageTitle: string }): string {
  return ctx.p.target(f.target) || pageLabel({ url: f.url, title: f.pageTitle });
}

/**
 * The tag's element screenshot from the file, outlined where the element sits. An `<img>` (its
 * alt text names the element) under an SVG of the same box for the outline: no inline style, so
 * the page's policy can forbid them.
 */
function screenshot(ctx: HtmlContext, tagId: string, alt: string, caption: string): Html {
  const shot = ctx.tag(tagId)?.screenshot;
  if (!shot) return html`<p class="muted">${ctx.t('reportNoScreenshot')}</p>`;
  const src = imageDataUrl(shot.mime, shot.data);
  // A file edited by hand (or hostile) may claim an image it does not hold: it is left out.
  if (src === null) return html`<p class="muted">${ctx.t('reportScreenshotRefused')}</p>`;
  const { width: w, height: h, focus } = shot;
  const outline =
    focus.width > 0 && focus.height > 0
      ? html`<svg class="shot-focus" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="focus" x="${focus.x}" y="${focus.y}" width="${focus.width}" height="${focus.height}"/></svg>`
      : '';
  return html`<figure class="shot-figure"><div class="shot"><img src="${src}" alt="${alt}" width="${w}" height="${h}">${outline}</div>
<figcaption>${caption}</figcaption></figure>`;
}

/** When a tag was pinned: into its walk, whose walk (persona, auditor), and the date. */
function moment(ctx: HtmlContext, tag: FrictionTag): string {
  return ctx.t('reportTagMoment', [
    ctx.p.clock(tag.walkOffsetMs),
    ctx.personaName(tag.personaId),
    ctx.auditor(tag.auditorName),
    ctx.p.dateTime(tag.at),
  ]);
}

function tagItem(ctx: HtmlContext, tag: FrictionTag): Html {
  const { p, t } = ctx;
  const r = tag.resolution;
  const resolution =
    r.minutes === null
      ? p.resolution(r.status)
      : t('reportResolutionMinutes', [p.resolution(r.status), p.decimal(r.minutes)]);
  return html`<li>${moment(ctx, tag)} · ${severityBadge(ctx, tag.severity)} · ${t('reportColResolution')}: ${resolution}${
    tag.note ? html`<div class="note">${tag.note}</div>` : ''
  }</li>`;
}

function fact(label: string, value: Html | string): Html {
  return html`<div><dt>${label}:</dt><dd>${value}</dd></div>`;
}

function friction(ctx: HtmlContext, f: Friction): Html {
  const { p, t } = ctx;
  const rep = f.tags.find((tg) => tg.tagId === f.tagId) ?? f.tags[0];
  const target = p.target(f.target);
  const heading = target
    ? t('reportFrictionHeading', [p.count(f.rank), ctx.category(f.categoryId), target])
    : t('reportFrictionHeadingBare', [p.count(f.rank), ctx.category(f.categoryId)]);
  const touchpoint = f.touchpointId
    ? `${ctx.touchpointName(f.touchpointId)}${f.stage ? ` · ${p.stage(f.stage)}` : ''}${f.channel ? ` · ${p.channel(f.channel)}` : ''}`
    : t('replayNone');
  const facts = [
    fact(t('reportColSeverity'), severityBadge(ctx, f.severity)),
    fact(t('reportColWalks'), p.count(f.walks)),
    fact(t('reportColEffort'), ctx.score(f.effort)),
    fact(t('reportColEmotion'), ctx.emotion(f.emotion)),
    fact(t('reportColMoment'), p.moment(f.momentOfTruth)),
    fact(t('reportColTouchpoint'), touchpoint),
    fact(t('reportColAuditors'), p.list(f.auditors.map((a) => ctx.auditor(a)))),
    fact(t('reportPersonasHeading'), p.list(f.personaIds.map((id) => ctx.personaName(id)))),
  ];
  const alt = t('tagScreenshotAlt', where(ctx, f));
  return html`<article class="friction edge-${f.severity}" id="friction-${f.rank}">
<h3>${heading}</h3>
<dl class="facts">${facts}</dl>
<p><strong>${pageLabel({ url: f.url, title: f.pageTitle })}</strong><br>${link(f.url)}</p>
${screenshot(ctx, f.tagId, alt, rep ? moment(ctx, rep) : '')}
<h4>${t('reportTagsHeading')}</h4>
<ul class="evidence">${f.tags.map((tg) => tagItem(ctx, tg))}</ul>
</article>`;
}

/** The frictions at a glance, then each with its evidence, worst first. */
export function frictionsSection(ctx: HtmlContext): Html {
  const { p, t } = ctx;
  const list = ctx.r.frictions;
  if (list.length === 0) return section('frictions', t('reportFrictions'), empty(t('reportFrictionsEmpty')));
  const overview = dataTable({
    caption: t('reportFrictionsTable'),
    scrollId: 'frictions-table',
    columns: [
      { label: t('reportColRank'), numeric: true },
      { label: t('reportColFriction') },
      { label: t('reportColSeverity') },
      { label: t('reportColWalks'), numeric: true },
      { label: t('reportColEffort'), numeric: true },
      { label: t('reportColTouchpoint') },
    ],
    rows: list.map((f) => [
      p.count(f.rank),
      html`<a href="#friction-${f.rank}">${ctx.category(f.categoryId)}</a> · ${where(ctx, f)}`,
      severityBadge(ctx, f.severity),
      p.count(f.walks),
      ctx.score(f.effort),
      f.touchpointId ? ctx.touchpointName(f.touchpointId) : t('replayNone'),
    ]),
  });
  return section(
    'frictions',
    t('reportFrictions'),
    html`<p>${t('reportFrictionsIntro')}</p>
${overview}
${list.map((f) => friction(ctx, f))}`,
  );
}
