// @vitest-environment happy-dom
import { AuditExport } from '@/lib/model/export';
import { buildReport } from '@/lib/report/build-report';
import { renderReportHtml } from '@/lib/report/html/render';
import { reportMarkdown } from '@/lib/report/markdown';
import { compareAudits } from '@/lib/report/reaudit';
import { parse, words } from './html-fixture';
import { makeAfter, makeBefore } from './reaudit-fixture';

const HOSTILE = '<img src=x onerror="alert(1)">';

/** The later audit with page-derived and typed text made hostile: a touchpoint's name, an element's, a value. */
function hostileAfter(): AuditExport {
  const file = makeAfter();
  file.audit.name = `Re-audit ${HOSTILE}`;
  const chat = file.touchpoints.find((t) => t.id === 'tp2-chat');
  if (chat) chat.name = `Chat ${HOSTILE}`;
  for (const w of file.walks) {
    for (const tag of w.tags) if (tag.id === 't10') tag.target = { kind: 'button', name: HOSTILE };
    for (const f of w.facts) for (const x of f.facts) if (x.kind === 'legal-name') x.value = `${x.value} ${HOSTILE}`;
  }
  return AuditExport.parse(file);
}

describe('the comparison in the HTML report', () => {
  const before = makeBefore();
  const after = hostileAfter();
  const comparison = compareAudits(before, after);
  const report = buildReport(after);

  it('is a last section, in the contents, with each list; page text escaped', () => {
    const page = renderReportHtml(report, after, { ...words('en'), lang: 'en', comparison });
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    const doc = parse(page);
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    const section = doc.getElementById('reaudit');
    expect(section?.querySelector('h2')?.textContent).toBe('Comparison with another audit');
    expect(doc.querySelector('nav.toc a[href="#reaudit"]')).not.toBeNull();
    const list = (id: string) =>
      [...(section?.querySelectorAll(`#reaudit-${id} + ul li`) ?? [])].map((li) => li.textContent);
    expect(list('improved')).toEqual(['Checkout (Web) · CES 2 → 5 · CSAT 1.5 → 4']);
    expect(list('added')).toEqual([`Chat ${HOSTILE} (Chat)`]);
    expect(list('fixed')).toHaveLength(1);
    expect(list('new-frictions')[0]).toContain(HOSTILE);
    expect(list('resolved')[0]).toMatch(/^Phone/);
    expect(list('new-divergences')[0]).toContain(HOSTILE);
    expect(section?.textContent).toContain(`After: Re-audit ${HOSTILE}`);
  });

  it('is left out when no comparison is shown', () => {
    const page = renderReportHtml(report, after, { ...words('es'), lang: 'es' });
    expect(parse(page).getElementById('reaudit')).toBeNull();
  });

  it('speaks Spanish', () => {
    const page = renderReportHtml(report, after, { ...words('es'), lang: 'es', comparison });
    const section = parse(page).getElementById('reaudit');
    expect(section?.querySelector('h2')?.textContent).toBe('Comparación con otra auditoría');
    expect(section?.textContent).toContain('Fricciones corregidas');
  });

  it('the Markdown carries it too, its text unable to become markup', () => {
    const { present, t } = words('en');
    const md = reportMarkdown(report, after.audit.categories, present, t, comparison);
    expect(md).toContain('## Comparison with another audit');
    expect(md).toContain('### Frictions fixed');
    expect(md).not.toContain('<img');
    expect(reportMarkdown(report, after.audit.categories, present, t)).not.toContain('Comparison with another audit');
  });
});
