// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { Decision } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { applyChanges } from '@/lib/read/apply-changes';
import { Consistency } from '@/components/panel/consistency/Consistency';
import { createConsistency } from '@/components/panel/model/consistency-model';
import { freshDb } from '../support/seed';
import { fakeEnv } from './support';
import { AUDIT_ID, auditData, fakeRunner, fourPages, pageFacts } from './consistency-support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

async function mount(data: AuditData) {
  const db = await freshDb();
  const fake = fakeEnv();
  const shown = signal<AuditData | null>(data);
  const runner = fakeRunner();
  const model = createConsistency({
    db,
    env: fake.env,
    data: shown,
    runner,
    country: signal('ES'),
    applyLocal: (n) => {
      shown.value = shown.value && applyChanges(shown.value, n);
    },
  });
  fake.onSend(async (name, payload) => {
    const p = payload as { key: string; status: Decision['status']; kind: Decision['kind'] };
    if (name !== 'consistency/decide') return null;
    return {
      id: `${AUDIT_ID}:${p.key}`,
      auditId: AUDIT_ID,
      key: p.key,
      kind: p.kind,
      status: p.status,
      tagId: null,
      decidedAt: 9,
    };
  });
  render(<Consistency model={model} />);
  return { model, runner, shown, ...fake };
}

describe('the Consistency view', () => {
  it('scores each aspect, kind and channel by the places agreeing with the most common value', async () => {
    await mount(auditData(fourPages()));
    const aspects = screen.getByRole('region', { name: 'By aspect' });
    expect(within(aspects).getByRole('listitem').textContent).toBe('Information 75% · 3 of 4 places');
    const kinds = screen.getByRole('region', { name: 'By kind' });
    expect(within(kinds).getByRole('listitem').textContent).toBe('Phone number 75% · 3 of 4 places');
  });

  it('lists the divergences by kind: suggested severity, status, the most common value and the others with their counts', async () => {
    await mount(auditData(fourPages()));
    const kind = screen.getByRole('region', { name: 'Phone number' });
    const item = within(kind).getByRole('listitem');
    expect(item.textContent).toContain('Open');
    expect(item.textContent).toMatch(/Suggested severity: \d · /);
    expect(item.textContent).toContain('Most common+34911111111 3 places');
    expect(item.textContent).toContain('Also seen+34922222222 1 place');
    expect(screen.getByText('1 open · 0 confirmed · 0 dismissed')).toBeTruthy();
  });

  it('opens a divergence: the places side by side, as written, with their page and a link to the replay', async () => {
    const { opened } = await mount(auditData(fourPages()));
    const toggle = screen.getByRole('button', { name: 'Compare the places of Phone number' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const other = screen.getByRole('region', { name: '+34922222222' });
    expect(other.textContent).toContain('As written: 922 222 222');
    expect(other.textContent).toContain('Contactohttps://ventura.example/contacto');
    expect(screen.getByRole('region', { name: '+34911111111' }).querySelectorAll('li')).toHaveLength(3);
    fireEvent.click(within(other).getByRole('button', { name: 'Replay where it was read' }));
    expect(opened[0]).toMatch(/^\/replay\.html#walk=.*&at=\d+&rec=/);
  });

  it('confirms with the suggested severity and a note; the decision shows, and Undo opens it again', async () => {
    const { sent } = await mount(auditData(fourPages()));
    fireEvent.click(screen.getByRole('button', { name: 'Compare the places of Phone number' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const form = screen.getByRole('form', { name: 'Confirm the divergence' });
    const severity = within(form).getByRole('combobox', { name: 'Severity' }) as HTMLSelectElement;
    await waitFor(() => expect(document.activeElement).toBe(severity));
    const suggested = severity.value;
    expect(within(form).getByRole('combobox', { name: 'Tag the element on' }).textContent).toContain(
      'Contacto · 922 222 222',
    );
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note' }), { target: { value: 'Two numbers' } });
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByText('Divergence confirmed.')).toBeTruthy());
    expect(sent[0]?.payload).toMatchObject({ status: 'confirmed', severity: Number(suggested), note: 'Two numbers' });
    const item = screen.getByRole('region', { name: 'Phone number' }).querySelector('.cons-item');
    expect(item?.querySelector('.cons-status')?.textContent).toBe('Confirmed');
    expect(item?.textContent).toMatch(/Confirmed Decided [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(screen.getByText('0 open · 1 confirmed · 0 dismissed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo decision' }));
    await waitFor(() => expect(screen.getByText('1 open · 0 confirmed · 0 dismissed')).toBeTruthy());
    expect(sent[1]?.name).toBe('consistency/undo');
  });

  it('dismisses, and the dismissal holds when the pages are read again', async () => {
    const pages = fourPages();
    const { shown } = await mount(auditData(pages));
    fireEvent.click(screen.getByRole('button', { name: 'Compare the places of Phone number' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getByText('Divergence dismissed.')).toBeTruthy());
    const data = shown.value as AuditData;
    shown.value = {
      ...data,
      walks: data.walks.map((w) => ({ ...w, facts: pages.map((p) => ({ ...p, version: 2, extractedAt: 99 })) })),
    };
    await waitFor(() => expect(screen.getByText('0 open · 0 confirmed · 1 dismissed')).toBeTruthy());
  });

  it('says how many pages are still read, and asks the runner to read them again', async () => {
    const { runner } = await mount(auditData(fourPages()));
    runner.pending.value = 2;
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reading recorded pages… 2 left'));
    fireEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    expect(runner.asked).toHaveLength(1);
    runner.lastError.value = new Error('disk full');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Some recorded pages could not be read: disk full'),
    );
  });

  it('names the kinds masked text kept from being read, and says when nothing was read', async () => {
    const masked = { ...pageFacts('/', []), unreadable: ['phone', 'email'] as const };
    await mount(auditData([{ ...masked, unreadable: [...masked.unreadable] }]));
    expect(
      screen.getByText('No facts yet: walk some pages, or note what a call or an email said in Other channels.'),
    ).toBeTruthy();
    expect(
      screen.getByText('With Mask all page text on, these kinds could not be read: Phone number and Email address'),
    ).toBeTruthy();
  });

  it('says so when every page agrees', async () => {
    await mount(auditData(fourPages().slice(0, 3)));
    expect(screen.getByText('No divergences: every page and channel says the same.')).toBeTruthy();
  });
});
