import { type Html, html, type Part } from '@/lib/report/html/escape';
import type { HtmlContext } from '@/lib/report/html/render-context';

/** A section of the report: an id the contents link to, its heading, its body. */
export function section(id: string, heading: string, body: Part): Html {
  return html`<section class="report-section" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${heading}</h2>
${body}
</section>\n`;
}

/** Key figures as a definition list of cards: a label, the figure, a line of detail. */
export function figures(items: readonly { label: string; value: string; detail?: string }[]): Html {
  const cards = items.map(
    (f) => html`<div><dt>${f.label}</dt><dd>${f.value}${f.detail ? html`<small>${f.detail}</small>` : ''}</dd></div>`,
  );
  return html`<dl class="figures">${cards}</dl>`;
}

/** A severity as a badge: its number and words, so colour is never the only cue. */
export function severityBadge(ctx: HtmlContext, severity: number): Html {
  const s = Math.max(0, Math.min(4, Math.round(severity)));
  return html`<span class="badge sev-${s}">${ctx.p.severity(s)}</span>`;
}

/** Tags per severity as short badges, the worst first; zeros left out. */
export function severityCounts(ctx: HtmlContext, counts: readonly number[]): Html | string {
  const badges = [4, 3, 2, 1, 0]
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => html`<span class="badge sev-${s}">${ctx.p.severity(s)}: ${ctx.p.count(counts[s] ?? 0)}</span> `);
  return badges.length ? html`${badges}` : ctx.t('replayNone');
}

/** A paragraph for a section or table that has nothing to show. */
export function empty(text: string): Html {
  return html`<p class="empty">${text}</p>`;
}

/** A page's name as people read it: its title, else its path. */
export function pageLabel(page: { url: string; title: string }): string {
  if (page.title.trim()) return page.title.trim();
  try {
    const u = new URL(page.url);
    return u.pathname + u.search;
  } catch {
    return page.url;
  }
}
