// @vitest-environment happy-dom
import { buildReport } from '@/lib/report/build-report';
import { REPORT_CSP } from '@/lib/report/html/frame';
import { renderReportHtml } from '@/lib/report/html/render';
import { cleanExport, PNG, parse, render, words } from './html-fixture';

const file = cleanExport();
const report = buildReport(file);

const cells = (root: Element | null | undefined, selector: string) =>
  [...(root?.querySelectorAll(selector) ?? [])].map((el) => (el.textContent ?? '').trim());

describe.each(['en', 'es'] as const)('the HTML report in %s', (lang) => {
  const { t, present: p } = words(lang);
  const doc = parse(render(report, file, lang));
  const section = (id: string) => doc.getElementById(id);

  it('is a document in its language whose head opens with the policy', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe(lang);
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(REPORT_CSP);
    expect(doc.title).toBe(t('reportDocTitle', 'Ventura audit'));
    expect(doc.querySelector('h1')?.textContent).toBe('Ventura audit');
  });

  it('has every section under its heading, listed in the contents in reading order', () => {
    const expected: [string, string][] = [
      ['summary', t('reportSummary')],
      ['journey', t('reportJourney')],
      ['touchpoints', t('reportTouchpoints')],
      ['consistency', t('consistencyHeading')],
      ['frictions', t('reportFrictions')],
      ['personas', t('reportPersonas')],
      ['agreement', t('reportAgreement')],
    ];
    for (const [id, heading] of expected) {
      expect(section(id)?.querySelector('h2')?.textContent, id).toBe(heading);
      expect(section(id)?.getAttribute('aria-labelledby')).toBe(`${id}-h`);
    }
    expect(cells(doc.querySelector('nav.toc'), 'a')).toEqual(expected.map(([, h]) => h));
    expect([...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'))).toEqual(
      expected.map(([id]) => `#${id}`),
    );
  });

  it('sums the audit up: CES, CSAT, NPS with its answers, the counts, personas and walks', () => {
    const s = report.summary;
    const figures = cells(section('summary'), '.figures dd');
    expect(figures[0]).toContain(p.score(s.ces.mean ?? 0));
    expect(figures[1]).toContain(p.score(s.csat.mean ?? 0));
    expect(figures[2]).toContain(p.count(Math.abs(s.nps.score ?? 0)));
    expect(figures[2]).toContain(
      t('reportNpsDetail', [
        p.count(3),
        p.count(3),
        p.count(s.nps.promoters),
        p.count(s.nps.passives),
        p.count(s.nps.detractors),
      ]),
    );
    expect(figures[3]).toBe(p.count(3));
    expect(figures[5]).toBe(p.count(s.counts.frictions));
    const tables = section('summary')?.querySelectorAll('table');
    const names = [...(tables?.[0]?.querySelectorAll('tbody th') ?? [])].map((th) => th.firstChild?.textContent);
    expect(names).toEqual(s.personas.map((x) => x.name));
    expect(cells(tables?.[0], 'tbody td')).toContain('Book a cruise for two');
    expect(tables?.[1]?.querySelectorAll('tbody tr').length).toBe(3);
    expect(cells(tables?.[1], 'tbody td')).toContain('Jordi');
  });

  it('maps the journey: channels by stage, effort and emotion curves, their numbers in a table', () => {
    const j = section('journey');
    const map = j?.querySelector('table.journey');
    expect(cells(map, 'tbody th')).toEqual(report.journey.channels.map((c) => p.channel(c)));
    const met = report.journey.stages.filter((s) => s.touchpoints.length > 0);
    expect(cells(map, 'thead tr:nth-child(2) th').slice(1)).toEqual(met.map((s) => p.stage(s.stage)));
    expect(cells(map, 'strong')).toContain('Checkout');
    expect(map?.textContent).toContain(t('reportPointMoments_other', p.count(2)));
    const charts = [...(j?.querySelectorAll('svg[role="img"]') ?? [])].map((s) => s.getAttribute('aria-label'));
    expect(charts).toEqual([t('reportEffortCurve'), t('reportEmotionCurve')]);
    const stageRows = [...(j?.querySelectorAll('h3 + .table-wrap tbody tr') ?? [])];
    expect(stageRows.length).toBe(met.length);
    const purchase = met.findIndex((s) => s.stage === 'purchase');
    expect(cells(stageRows[purchase], 'td')[2]).toBe(p.score(met[purchase]?.effort ?? 0));
  });

  it('tables every touchpoint with its KPIs, CES, CSAT and tags by severity, and charts the severities', () => {
    const tp = section('touchpoints');
    const rows = [...(tp?.querySelectorAll('table tbody tr') ?? [])];
    expect(cells(tp?.querySelector('table'), 'tbody th')).toEqual(report.touchpoints.map((r) => r.name));
    const phone = rows.find((r) => r.querySelector('th')?.textContent === 'Support line');
    expect(cells(phone, 'td')).toContain(p.channel('phone'));
    expect(tp?.querySelector('[role="region"]')?.getAttribute('aria-labelledby')).toBe('touchpoints-table');
    const bars = tp?.querySelector('svg[role="img"]');
    expect(bars?.getAttribute('aria-label')).toBe(t('reportSeverityChart'));
    expect(bars?.closest('figure')?.querySelector('table')).not.toBeNull();
  });

  it('lists the confirmed divergence with its evidence, and the agreement per aspect, channel and kind', () => {
    const c = section('consistency');
    const articles = c?.querySelectorAll('article.divergence') ?? [];
    expect(articles.length).toBe(report.consistency.divergences.length);
    expect(articles[0]?.querySelector('h4')?.textContent).toBe(p.pageFactKind('phone'));
    expect(cells(articles[0], 'dt q')).toEqual(report.consistency.divergences[0]?.values.map((v) => v.value));
    expect(c?.textContent).toContain(t('consistencyCounts', [p.count(0), p.count(1), p.count(1)]));
    const captions = cells(c, 'caption');
    expect(captions).toEqual([t('consistencyByGroup'), t('consistencyByChannel'), t('consistencyByKind')]);
    const byGroup = report.consistency.byGroup.find((g) => g.group === 'information');
    expect(c?.textContent).toContain(p.agreement(byGroup ?? { agreeing: 0, total: 0 }));
  });

  it('ranks the frictions, each with its screenshot, facts and the moment of each walk', () => {
    const f = section('frictions');
    const articles = [...(f?.querySelectorAll('article.friction') ?? [])];
    expect(articles.length).toBe(report.frictions.length);
    expect(f?.querySelectorAll('table tbody tr').length).toBe(report.frictions.length);
    const first = report.frictions[0];
    expect(articles[0]?.querySelector('h3')?.textContent).toContain(p.target(first?.target ?? null));
    const img = articles[0]?.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(img?.getAttribute('alt')).toBe(t('tagScreenshotAlt', p.target(first?.target ?? null)));
    expect(articles[0]?.querySelectorAll('ul.evidence li').length).toBe(first?.tags.length);
    const tag = first?.tags[0];
    expect(articles[0]?.textContent).toContain(p.clock(tag?.walkOffsetMs ?? 0));
    expect(articles[0]?.querySelector('.badge')?.textContent).toBe(p.severity(first?.severity ?? 0));
  });

  it('compares personas touchpoint by touchpoint, and the auditors’ agreement', () => {
    const pc = section('personas');
    const names = report.personaComparison.personaIds.map((id) => file.personas.find((x) => x.id === id)?.name);
    expect(names).toEqual(['Ana', 'Luis']);
    expect(cells(pc, 'thead th').slice(1, 3)).toEqual(names);
    expect(pc?.querySelectorAll('tbody tr').length).toBe(report.personaComparison.touchpoints.length);
    expect(pc?.textContent).toContain(t('reportNotMet'));
    const ag = section('agreement');
    expect(ag?.textContent).toContain(p.list(['Jordi', 'Marta']));
    expect(ag?.querySelector('table')?.querySelectorAll('tbody tr').length).toBe(report.agreement.touchpoints.length);
    expect(ag?.textContent).toContain(
      t('reportAgreementOverall', [
        p.count(report.agreement.frictions.byOne),
        p.count(report.agreement.frictions.bySeveral),
      ]),
    );
  });

  it('puts the numbers of every chart in a table', () => {
    for (const svg of doc.querySelectorAll('svg.chart')) {
      const figure = svg.closest('figure');
      const inJourney = svg.closest('#journey');
      expect(Boolean(figure?.querySelector('table')) || Boolean(inJourney?.querySelector('table'))).toBe(true);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
    }
  });
});

describe('the HTML report of an audit with little in it', () => {
  it('says so in each section instead of drawing empty charts', () => {
    const bare = cleanExport();
    bare.walks = [];
    bare.decisions = [];
    bare.divergences = [];
    const { t, present } = words('es');
    const doc = parse(renderReportHtml(buildReport(bare), bare, { t, present, lang: 'es', embedData: false }));
    expect(doc.querySelector('#journey .empty')?.textContent).toBe(t('reportJourneyEmpty'));
    expect(doc.querySelector('#frictions .empty')?.textContent).toBe(t('reportFrictionsEmpty'));
    expect(doc.querySelector('#agreement .empty')?.textContent).toBe(t('reportOneAuditor'));
    expect(doc.querySelectorAll('svg.chart').length).toBe(0);
    expect(doc.querySelectorAll('script').length).toBe(0);
  });
});
