// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ActiveWalk } from '@/components/panel/ActiveWalk';
import { Journey } from '@/components/panel/journey/Journey';
import { PastWalks } from '@/components/panel/PastWalks';
import { PersonaSection } from '@/components/panel/PersonaSection';
import { createAudit, savePersona } from '@/lib/db/audits';
import { putWalk } from '@/lib/db/walks';
import { PanelApp } from '@/components/panel/PanelApp';
import { LIVE_STEPS, LiveSteps } from '@/components/panel/LiveSteps';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { rendersDuring } from '../support/renders';
import { freshDb } from '../support/seed';
import type { View } from '@/components/panel/model/views';
import { connectWorker, english, fakeEnv, walkRecord } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

/** The panel over a fresh database and the worker's commands, showing `view` (else the default). */
async function mount(seed?: (db: Awaited<ReturnType<typeof freshDb>>) => Promise<void>, view?: View) {
  const db = await freshDb();
  await seed?.(db);
  const fake = fakeEnv();
  const worker = connectWorker(db, fake);
  const model = createPanelModel(db, fake.env);
  worker.to(model.dataChanged);
  await model.load();
  render(<PanelApp model={model} locale="en" viewStore={{ get: () => view ?? null, set: () => undefined }} />);
  return { db, model, ...fake };
}

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('the panel', () => {
  it('substitutes placeholders the way Chrome does', () => {
    expect(english('panelStorageWarning', '85')).toBe('Storage is 85% full: export and delete old walks.');
    expect(english('panelErrorSelector', ['3', 'div[['])).toBe('Line 3: “div[[” is not a valid CSS selector.');
  });

  it('creates an audit from the form by accessible names, and shows errors inline', async () => {
    await mount(undefined, 'audit');
    const create = screen.getByRole('button', { name: 'Create audit' });
    fireEvent.click(create);
    expect(await screen.findByText('Give the audit a name.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Audit name' }).getAttribute('aria-invalid')).toBe('true');
    const url = screen.getByRole('textbox', { name: 'Start URL' });
    expect(url.getAttribute('type')).toBe('url');

    type(screen.getByRole('textbox', { name: 'Audit name' }), 'Ventura web');
    type(screen.getByRole('textbox', { name: 'Company' }), 'Ventura Viajes');
    type(url, 'https://ventura.example/');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mask all page text' }));
    type(screen.getByRole('textbox', { name: 'Blocked selectors' }), '#card\n[[bad');
    fireEvent.click(create);
    expect(await screen.findByText('Line 2: “[[bad” is not a valid CSS selector.')).toBeTruthy();
    type(screen.getByRole('textbox', { name: 'Blocked selectors' }), '#card');
    fireEvent.click(create);
    const select = await screen.findByRole('combobox', { name: 'Audit' });
    await waitFor(() => expect(select.textContent).toContain('Ventura web'));
    fireEvent.click(screen.getByRole('tab', { name: english('panelWalkHeading') }));
    expect((await screen.findByRole('button', { name: 'Start walk' })).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Add a persona to this audit to start a walk.')).toBeTruthy();
  });

  it('lists personas with edit and an inline delete confirmation', async () => {
    await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      await savePersona(db, { auditId: a.id, name: 'Ana', goal: 'Get a quote' });
    }, 'audit');
    const list = screen.getByRole('list', { name: 'Personas' });
    expect(list.textContent).toContain('Ana');
    expect(list.textContent).toContain('Get a quote');
    for (const name of ['Persona name', 'Segment', 'Locale', 'Job to be done', 'Goal', 'Expectations'])
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Device' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Ana' }));
    expect((screen.getByRole('textbox', { name: 'Persona name' }) as HTMLInputElement).value).toBe('Ana');
    expect(screen.getByRole('button', { name: 'Save persona' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Add persona' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Ana' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm delete Ana' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Personas' })).toBeNull());
  });

  it('shows the walk under way: status, size, counts, controls and steps', async () => {
    const { db, model } = await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      const p = await savePersona(db, { auditId: a.id, name: 'Ana' });
      const w = await putWalk(
        db,
        walkRecord({ auditId: a.id, personaId: p.id, storedBytes: 1_200_000, eventCount: 321, tabIds: [1, 2] }),
      );
      const base = { walkId: w.id, tabId: 1, recorderId: 'r', url: 'https://ventura.example/quote.html' };
      await db.put('steps', { ...base, id: 'a', at: w.startedAt + 5_000, kind: 'visit', title: 'Quote', target: null });
      await db.put('steps', {
        ...base,
        id: 'b',
        at: w.startedAt + 72_000,
        kind: 'tab-opened',
        title: '',
        target: 'button "Next"',
      });
    });
    expect(screen.queryByRole('button', { name: 'Start walk' })).toBeNull();
    expect(screen.getByText('Walking as Ana')).toBeTruthy();
    expect(screen.getByText('Recording')).toBeTruthy();
    expect(screen.getByText('Stored: 1.2 MB')).toBeTruthy();
    expect(screen.getByText('Events: 321')).toBeTruthy();
    expect(screen.getByText('Tabs: 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pause recording' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'End walk' })).toBeTruthy();
    const steps = await screen.findByRole('list', { name: 'Steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['0:05VisitQuote', '1:12Tab openedbutton "Next"/quote.html']);

    const w = model.walk.active.value;
    if (!w) throw new Error('no walk');
    await db.put('walks', { ...w, status: 'paused' });
    await model.walk.changed();
    expect(await screen.findByRole('button', { name: 'Resume recording' })).toBeTruthy();
    expect(screen.getByText('Paused')).toBeTruthy();
  });

  it('ticks its clock without redrawing the walk or its steps', async () => {
    const { model, clock } = await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      const p = await savePersona(db, { auditId: a.id, name: 'Ana' });
      const w = await putWalk(db, walkRecord({ auditId: a.id, personaId: p.id, startedAt: 1_000_000 }));
      await db.put('steps', {
        walkId: w.id,
        tabId: 1,
        recorderId: 'r',
        url: 'https://ventura.example/',
        id: 's',
        at: w.startedAt,
        kind: 'visit',
        title: 'Home',
        target: null,
      });
    });
    await screen.findByRole('list', { name: 'Steps' });
    const drawn = await rendersDuring(async () => {
      clock.now += 65_000;
      model.walk.tick();
      expect(await screen.findByText('1:05')).toBeTruthy();
    });
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).not.toContain(ActiveWalk);
    expect(drawn).not.toContain(LiveSteps);
  });

  it('redraws only the walk’s figures when a flush changes nothing else', async () => {
    const { model } = await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      const p = await savePersona(db, { auditId: a.id, name: 'Ana' });
      await putWalk(db, walkRecord({ auditId: a.id, personaId: p.id, eventCount: 10 }));
    });
    expect(await screen.findByText('Events: 10')).toBeTruthy();
    const w = model.walk.active.value;
    if (!w) throw new Error('no walk');
    const walkNotice = (value: typeof w) => ({
      auditId: w.auditId,
      changes: [{ store: 'walks' as const, op: 'put' as const, value }],
    });
    // A notice that repeats what the panel holds redraws nothing.
    const idle = await rendersDuring(async () => {
      model.dataChanged(walkNotice({ ...w }));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(idle).toEqual([]);
    const drawn = await rendersDuring(async () => {
      model.dataChanged(walkNotice({ ...w, eventCount: 11 }));
      expect(await screen.findByText('Events: 11')).toBeTruthy();
    });
    expect(drawn).toContain(ActiveWalk);
    for (const other of [PanelApp, Journey, PersonaSection, PastWalks]) expect(drawn).not.toContain(other);
  });

  it('shows the latest steps of a long walk, and says how many there are in all', async () => {
    await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      const p = await savePersona(db, { auditId: a.id, name: 'Ana' });
      const w = await putWalk(db, walkRecord({ auditId: a.id, personaId: p.id }));
      const base = {
        walkId: w.id,
        tabId: 1,
        recorderId: 'r',
        url: 'https://ventura.example/',
        title: '',
        kind: 'click' as const,
      };
      for (let i = 0; i < LIVE_STEPS + 50; i++)
        await db.put('steps', { ...base, id: `s${i}`, at: w.startedAt + i * 1000, target: `button "B${i}"` });
    });
    const steps = await screen.findByRole('list', { name: 'Steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(items).toHaveLength(LIVE_STEPS);
    expect(items[0]?.textContent).toContain('button "B50"');
    expect(items.at(-1)?.textContent).toContain(`button "B${LIVE_STEPS + 49}"`);
    expect(steps.getAttribute('start')).toBe('51');
    expect(
      screen.getByText(`Showing the latest ${LIVE_STEPS} of ${LIVE_STEPS + 50} steps; the replay lists them all.`),
    ).toBeTruthy();
  });

  it('lists past walks with a replay link, and raises the storage alerts', async () => {
    const { model } = await mount(async (db) => {
      const a = await createAudit(db, { name: 'Ventura', startUrl: 'https://ventura.example/' });
      const p = await savePersona(db, { auditId: a.id, name: 'Ana' });
      await putWalk(
        db,
        walkRecord({
          id: 'w1',
          auditId: a.id,
          personaId: p.id,
          status: 'ended',
          endReason: 'storage-full',
          endedAt: 1_000_000 + 125_000,
          eventCount: 9,
          storedBytes: 2048,
        }),
      );
    }, 'audit');
    const list = screen.getByRole('list', { name: 'Walks' });
    expect(list.textContent).toContain('Ana');
    expect(list.textContent).toContain('Duration 2:05 · Stopped: storage full · Events: 9 · 2 kB');
    const replay = within(list).getByRole('link', { name: 'Replay' });
    expect(replay.getAttribute('href')).toBe('replay.html#walk=w1');
    expect(replay.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('link', { name: 'Open replays' }).getAttribute('href')).toBe('replay.html');
    const alerts = () => screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts()).toContain('Recording stopped: storage is full. Everything recorded before that is kept.');
    expect(screen.getByText(/Storage is not persistent/)).toBeTruthy();

    model.storage.value = { percent: 83, warn: true, usage: 83, quota: 100 };
    await waitFor(() => expect(alerts()).toContain('Storage is 83% full: export and delete old walks.'));
  });
});
