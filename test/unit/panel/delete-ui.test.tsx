// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { createAudit, savePersona } from '@/lib/db/audits';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { fullWalk } from '../support/full-walk';
import { freshDb } from '../support/seed';
import { connectWorker, fakeEnv } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

/** The panel on the Walk view, over an audit with one ended walk (one tag, two screenshots). */
async function mount(estimate = { usage: 95, quota: 100 }) {
  const db = await freshDb();
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 1_000);
  const { walk } = await fullWalk(db, { auditId: audit.id, personaId: persona.id });
  const fake = fakeEnv({ estimate });
  const worker = connectWorker(db, fake);
  const model = createPanelModel(db, fake.env);
  worker.to(model.dataChanged);
  await model.load();
  render(<PanelApp model={model} locale="en" viewStore={{ get: () => 'walk', set: () => undefined }} />);
  return { db, model, walk, ...fake };
}

describe('deleting in the panel', () => {
  it('the storage warning leads to the past walks, where each walk has a Delete', async () => {
    await mount();
    const alert = screen.getByText('Storage is 95% full: export and delete old walks.');
    expect(alert.getAttribute('role')).toBe('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Free up space' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('walks-heading'));
    expect(screen.getByRole('tab', { name: 'Audit' }).getAttribute('aria-selected')).toBe('true');
    const list = screen.getByRole('list', { name: 'Walks' });
    expect(within(list).getByRole('button', { name: /^Delete the walk of Ana, / })).toBeTruthy();
  });

  it('a walk’s Delete opens a named dialog saying what goes; Cancel keeps the walk', async () => {
    const { model, sent } = await mount();
    fireEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    const ask = screen.getByRole('button', { name: /^Delete the walk of Ana, / });
    ask.focus();
    fireEvent.click(ask);
    const dialog = await screen.findByRole('dialog', { name: 'Delete this walk?' });
    expect(dialog.textContent).toMatch(/The walk of Ana on .* with its recording, 1 tag with their screenshots/);
    expect(dialog.textContent).toMatch(/other channels: \d[\d.,]*\s(B|kB) in all\. This cannot be undone\./);
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(model.deletes.pending.value).toBeNull());
    expect(sent.some((s) => s.name === 'walk/delete')).toBe(false);
    expect(screen.getByRole('list', { name: 'Walks' }).children).toHaveLength(1);
  });

  it('confirming deletes the walk, the list forgets it and the status says so', async () => {
    const { walk, sent } = await mount();
    fireEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    fireEvent.click(screen.getByRole('button', { name: /^Delete the walk of Ana, / }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this walk?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.getByText('No walks yet.')).toBeTruthy());
    expect(sent.filter((s) => s.name === 'walk/delete')).toEqual([
      { name: 'walk/delete', payload: { walkId: walk.id } },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Walk deleted.');
  });

  it('Delete audit asks with the count of walks and tags, and the audit goes', async () => {
    await mount();
    fireEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete audit Ventura' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the audit Ventura?' });
    expect(dialog.textContent).toContain('The audit will be removed with 1 walk, 1 tag with their screenshots');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.getByText('No audits yet: create one below.')).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('Audit Ventura deleted.');
  });
});
