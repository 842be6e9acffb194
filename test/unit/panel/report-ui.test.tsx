// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import type { AuditExport } from '@/lib/model/export';
import type { Report } from '@/lib/model/report';
import { buildReport } from '@/lib/report/build-report';
import { parseReplayHash } from '@/lib/replay/hash';
import type { ReadyFile, ReportJob, ReportModel } from '@/components/panel/model/report-model';
import { ReportView } from '@/components/panel/report/ReportView';
import { cleanExport, hostileReport } from '../report/html-fixture';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

/** The view over a report already built: the model's signals, and its actions recorded. */
function mount(report: Report, file: AuditExport, state: { job?: ReportJob; ready?: ReadyFile } = {}) {
  const calls: string[] = [];
  const model = {
    shown: signal({ report, file }),
    stale: signal(false),
    loadedAuditId: signal(file.audit.id),
    job: signal(state.job ?? null),
    error: signal(null),
    ready: signal(state.ready ?? null),
    others: signal({ sameSite: [], otherSites: [] }),
    comparison: signal(null),
    show: async () => void calls.push('show'),
    refresh: async () => void calls.push('refresh'),
    export: async (f: string) => void calls.push(`export ${f}`),
    cancel: () => void calls.push('cancel'),
    save: () => void calls.push('save'),
    discard: () => void calls.push('discard'),
  } as unknown as ReportModel;
  render(<ReportView model={model} />);
  return calls;
}

describe('the Report view', () => {
  it('shows every section of the report, the frictions with their screenshot and a link to their moment', async () => {
    const file = cleanExport();
    const report = buildReport(file);
    const calls = mount(report, file);
    expect(calls).toEqual(['show']);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    for (const name of [
      'Summary',
      'Journey map',
      'Touchpoints',
      'Consistency',
      'Top frictions',
      'Persona comparison',
      'Agreement between auditors',
    ])
      expect(headings).toContain(name);
    // The overall figures, and the curves as images with their names: a folded section is drawn
    // once opened.
    expect(screen.getAllByText(report.summary.personas[0]?.name ?? '?').length).toBeGreaterThan(0);
    const curve = { name: 'Effort by stage (CES 1–7, higher is easier)' };
    expect(screen.queryByRole('img', curve)).toBeNull();
    const journey = screen.getByRole('heading', { name: 'Journey map' }).closest('details') as HTMLDetailsElement;
    journey.open = true;
    fireEvent(journey, new Event('toggle'));
    expect(await screen.findByRole('img', curve)).toBeTruthy();
    // Each friction: its screenshot (alt names the element), each tag's moment in the replay.
    const first = report.frictions[0];
    expect(first).toBeDefined();
    const links = screen.getAllByRole('link', { name: 'Watch this moment' });
    expect(links.length).toBe(report.frictions.reduce((n, f) => n + f.tags.length, 0));
    const href = links[0]?.getAttribute('href') ?? '';
    expect(href.startsWith('replay.html#')).toBe(true);
    const route = parseReplayHash(href.slice('replay.html'.length));
    expect(route).toMatchObject({ walkId: first?.tags[0]?.walkId, at: first?.tags[0]?.at });
    expect(document.querySelectorAll('.rep-shot img[src^="data:image/png;base64,"]').length).toBeGreaterThan(0);
  });

  it('exports: a button per format, the progress with Cancel, the HTML size before saving', () => {
    const file = cleanExport();
    const calls = mount(buildReport(file), file, {
      job: { format: 'html', step: 'write', done: 2, steps: 4 },
      ready: { fileName: 'r.html', text: 'x', type: 'text/html', bytes: 1_234_567 },
    });
    for (const name of ['HTML report', 'JSON (everything)', 'CSV (tags and touchpoints)', 'Markdown']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true); // one export at a time
    }
    const bar = screen.getByRole('progressbar', { name: 'Report progress' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([2, 4]);
    expect(document.querySelector('.rep-progress p')?.textContent).toBe('Writing the file…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('HTML report ready: 1.2 MB.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the report' }));
    expect(calls).toEqual(['show', 'cancel', 'save']);
  });

  it('shows hostile page and auditor text as text: no markup, no script URL, nothing runs', () => {
    const { file, report } = hostileReport();
    mount(report, file);
    const root = document.body;
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(root.querySelectorAll('script, iframe, object, embed, [onerror], [onload], [onmouseover]').length).toBe(0);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^replay\.html#/);
    // The payload is there, as words: the audit's touchpoint names carry it.
    expect(within(root).getAllByText(/<img src=x onerror=/).length).toBeGreaterThan(0);
    // A screenshot the file says is SVG is left out, not shown.
    for (const img of root.querySelectorAll('img')) expect(img.getAttribute('src')).not.toMatch(/svg/);
  });
});
