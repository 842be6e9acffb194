import type { Reaudit } from '@/lib/model/reaudit';
import { type Html, html } from '@/lib/report/html/escape';
import { empty, section } from '@/lib/report/html/parts';
import type { HtmlContext } from '@/lib/report/html/render-context';
import { reauditWords } from '@/lib/report/reaudit-words';

/**
 * The comparison with another audit the auditor chose in the panel (issue 13, point 8): which
 * audit is before and which after, then each non-empty list. Names, elements and values are
 * page-derived or typed: all go through the `html` tag.
 */
export function reauditSection(ctx: HtmlContext, r: Reaudit): Html {
  const words = reauditWords(r, ctx.p, ctx.t);
  const lists = words.groups.map(
    (g) => html`<h3 id="reaudit-${g.id}">${g.title}</h3>
<ul aria-labelledby="reaudit-${g.id}">${g.items.map((i) => html`<li>${i}</li>`)}</ul>\n`,
  );
  const body = html`<p>${words.lead}</p>
<p class="muted">${words.tolerance}</p>
${lists.length ? lists : empty(ctx.t('reauditNothing'))}`;
  return section('reaudit', ctx.t('reauditSection'), body);
}
