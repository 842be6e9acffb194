// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import type { Audit } from '@/lib/model/audit';
import type { Reaudit } from '@/lib/model/reaudit';
import { compareAudits } from '@/lib/report/reaudit';
import type { ReportModel } from '@/components/panel/model/report-model';
import { ReportCompare } from '@/components/panel/report/ReportCompare';
import { makeAfter, makeBefore } from '../report/reaudit-fixture';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

const audit = (id: string, name: string, startUrl: string, createdAt: number) =>
  ({ id, name, company: '', startUrl, origins: [new URL(startUrl).origin], createdAt }) as unknown as Audit;

function mount(comparison: { otherId: string; reaudit: Reaudit } | null = null) {
  const calls: string[] = [];
  const model = {
    others: signal({
      sameSite: [audit('a2', 'Ventura re-audit', 'https://ventura.example/', 1_700_012_000_000)],
      otherSites: [audit('a3', 'Elsewhere', 'https://other.example/', 1_700_000_000_000)],
    }),
    comparison: signal(comparison),
    job: signal(null),
    compare: async (id: string) => void calls.push(`compare ${id}`),
  } as unknown as ReportModel;
  render(<ReportCompare model={model} />);
  return calls;
}

describe('Compare with another audit', () => {
  it('a select of the other audits, this site first, each with its date; Compare asks the model', () => {
    const calls = mount();
    const select = screen.getByRole('combobox', { name: 'Audit to compare with' }) as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.value),
    ]);
    expect(groups).toEqual([
      ['Same site', ['a2']],
      ['Other sites', ['a3']],
    ]);
    expect(select.querySelector('option[value="a2"]')?.textContent).toMatch(/^Ventura re-audit · .*2023/);
    const button = screen.getByRole('button', { name: 'Compare' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'a2' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(calls).toEqual(['compare a2']);
  });

  it('shows the comparison: touchpoints improved and worsened, frictions fixed and new, divergences', () => {
    const before = makeBefore();
    const after = makeAfter();
    mount({ otherId: 'a2', reaudit: compareAudits(before, after) });
    expect(screen.getByText(/^Before: Ventura audit \(.*\)\. After: Ventura re-audit/)).toBeTruthy();
    const list = (name: string) =>
      within(screen.getByRole('heading', { name }).parentElement as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(list('Touchpoints that improved')).toEqual(['Checkout (Web) · CES 2 → 5 · CSAT 1.5 → 4']);
    expect(list('Touchpoints that worsened')).toEqual(['Home (Web) · CES 5.7 → 3']);
    expect(list('Walked before only')).toEqual(['Support line (Phone)']);
    expect(list('Walked after only')).toEqual(['Chat (Chat)']);
    expect(list('Frictions fixed')).toHaveLength(1);
    expect(list('Frictions fixed')[0]).toContain('Trip');
    expect(list('New frictions')[0]).toContain('Lisbon at dusk');
    expect(list('Frictions still there')[0]).toBe(
      'button “Pay now” · Checkout · Error or broken · severity 4 · Catastrophe → 3 · Major',
    );
    expect(list('Divergences resolved')[0]).toMatch(/^Phone/);
    expect(list('New divergences')[0]).toContain('Ventura Travel Ltd');
    expect(list('Divergences still there')[0]).toMatch(/^Email/);
    // The select shows the audit compared with.
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('a2');
  });

  it('says so when there is no other audit', () => {
    const model = {
      others: signal({ sameSite: [], otherSites: [] }),
      comparison: signal(null),
      job: signal(null),
    } as unknown as ReportModel;
    render(<ReportCompare model={model} />);
    expect(screen.getByText(/There is no other audit to compare with/)).toBeTruthy();
  });
});
