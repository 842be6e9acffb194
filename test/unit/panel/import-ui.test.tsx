// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { signal } from '@preact/signals';
import type { Db } from '@/lib/db/open-db';
import { validateRequest } from '@/lib/messaging/protocol';
import type { MessageName } from '@/lib/messaging/types';
import { type ImportProgress, MAX_IMPORT_BYTES } from '@/lib/model/import';
import type { Announce } from '@/lib/worker/announce';
import { createAuditCommands } from '@/lib/worker/audit-commands';
import { createImportCommands } from '@/lib/worker/import-commands';
import { createImports } from '@/components/panel/model/import-model';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { PanelApp } from '@/components/panel/PanelApp';
import { ImportAudit, ImportNotes } from '@/components/panel/ImportAudit';
import { exportText, seedAudit, walkBy } from '../import/support';
import { freshDb } from '../support/seed';
import { fakeEnv } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

/** The panel on the Audit view over `db`, its messages answered by the worker's audit and import commands. */
async function mount(db: Db) {
  const fake = fakeEnv();
  const model = createPanelModel(db, fake.env);
  const deps = {
    db,
    now: () => fake.clock.now,
    announce: ((auditId, changes) => {
      setImmediate(() => model.dataChanged({ auditId, changes: [...changes] }));
    }) satisfies Announce,
  };
  const handlers = {
    ...createAuditCommands(deps),
    ...createImportCommands({ ...deps, progress: (p) => void setImmediate(() => model.importProgress(p)) }),
  } as unknown as Record<string, (payload: unknown, sender: object) => Promise<unknown>>;
  fake.onSend(async (name, payload) => {
    const parsed = validateRequest(name as MessageName, payload);
    if (!parsed.ok) throw new Error(parsed.error);
    return handlers[name]?.(parsed.value, {});
  });
  await model.load();
  const view = render(<PanelApp model={model} locale="en" viewStore={{ get: () => 'audit', set: () => undefined }} />);
  return { model, view };
}

/** Picks files in the import's file picker (the hidden input the button opens). */
function pick(container: Element, files: File[]): void {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

/** A drag event as Chrome sends it, carrying `types` and `files` (happy-dom's DataTransfer holds no files). */
function drag(el: HTMLElement, type: 'dragover' | 'drop', types: string[], files: File[]): Event {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
  el.dispatchEvent(e);
  return e;
}

async function counts(db: Db) {
  return { walks: await db.count('walks'), tags: await db.count('tags'), audits: await db.count('audits') };
}

/** Bea's export: an audit with one walk of hers, one tag on it. */
async function beasExport(): Promise<string> {
  const source = await freshDb();
  const seeded = await seedAudit(source);
  await walkBy(source, seeded, 'Bea', ['https://ventura.example/', 'https://ventura.example/quote.html']);
  // Without its screenshot: happy-dom's Blob does not survive fake-indexeddb (the import tests cover them).
  for (const tag of await source.getAll('tags')) await source.put('tags', { ...tag, screenshotId: null });
  await source.clear('screenshots');
  return exportText(source, seeded.audit.id);
}

describe('importing an audit in the panel', () => {
  it('imports a picked file: its size, what it added and by whom; a second import adds nothing', async () => {
    const text = await beasExport();
    const db = await freshDb();
    const { view } = await mount(db);
    const button = screen.getByRole('button', { name: 'Import an audit (JSON)' });
    expect(button.getAttribute('aria-describedby')).toBe('import-hint');

    pick(view.container, [new File([text], 'ventura.json', { type: 'application/json' })]);
    const done = await screen.findByText('New audit “Ventura Viajes” imported: 1 walk and 1 tag.');
    const result = done.closest('[role="status"]') as HTMLElement;
    expect(result.textContent).toMatch(/ventura\.json \(\d+(\.\d+)? kB\)/);
    expect(within(result).getByText('Walked by Bea.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Audit' }).textContent).toContain('Ventura Viajes'),
    );
    const walks = await screen.findByRole('list', { name: 'Walks' });
    expect(walks.textContent).toContain('by Bea');
    expect(await counts(db)).toEqual({ walks: 1, tags: 1, audits: 1 });

    pick(view.container, [new File([text], 'ventura.json', { type: 'application/json' })]);
    expect(
      await screen.findByText('The audit “Ventura Viajes” already holds everything in this file: nothing was added.'),
    ).toBeTruthy();
    expect(await counts(db)).toEqual({ walks: 1, tags: 1, audits: 1 });
  });

  it('refuses a broken file naming the first bad field, and changes nothing', async () => {
    const text = await beasExport();
    const broken = JSON.parse(text);
    broken.walks[0].tags[0].severity = 'high';
    const db = await freshDb();
    const { view } = await mount(db);
    pick(view.container, [new File([JSON.stringify(broken)], 'broken.json')]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.json');
    expect(alert.textContent).toContain('walks[0].tags[0].severity');
    expect(alert.textContent).toContain('was not imported');
    expect(await counts(db)).toEqual({ walks: 0, tags: 0, audits: 0 });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('takes a file dropped anywhere on the panel, from any view', async () => {
    const text = await beasExport();
    const db = await freshDb();
    const { view, model } = await mount(db);
    fireEvent.click(screen.getByRole('tab', { name: 'Walk' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Walk' }).getAttribute('aria-selected')).toBe('true'));
    const main = view.container.querySelector('main') as HTMLElement;
    const file = new File([text], 'dropped.json');
    expect(drag(main, 'dragover', ['Files'], [file]).defaultPrevented).toBe(true);
    expect(model.imports.dragging.value).toBe(true);
    expect(drag(main, 'drop', ['Files'], [file]).defaultPrevented).toBe(true);
    expect(model.imports.dragging.value).toBe(false);
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Audit' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByText('New audit “Ventura Viajes” imported: 1 walk and 1 tag.')).toBeTruthy();
    // A drag of text (no files) is left to the page.
    expect(drag(main, 'dragover', ['text/plain'], []).defaultPrevented).toBe(false);
    expect(model.imports.dragging.value).toBe(false);
  });
});

describe('the import model', () => {
  const file = (name: string, size: number, text: () => Promise<string>) => ({ name, size, text });

  it('refuses a file over the bound before reading it', async () => {
    const read = vi.fn(async () => '{}');
    const imports = createImports({ send: vi.fn(), newId: () => 's', status: signal(null), onImported: vi.fn() });
    await imports.importFiles([file('huge.json', MAX_IMPORT_BYTES + 1, read)]);
    expect(read).not.toHaveBeenCalled();
    expect(imports.outcomes.value).toEqual([
      {
        fileName: 'huge.json',
        size: MAX_IMPORT_BYTES + 1,
        kind: 'refused',
        refusal: { kind: 'too-large', size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES },
      },
    ]);
  });

  it('shows its own import’s progress only, and imports files given meanwhile after it', async () => {
    let commit: (v: unknown) => void = () => undefined;
    const sent: string[] = [];
    const send = vi.fn(async (name: string, payload: { sessionId: string }) => {
      sent.push(`${name}:${payload.sessionId}`);
      if (name === 'import/slice') return null;
      return new Promise((resolve) => {
        commit = resolve;
      });
    });
    let n = 0;
    const imports = createImports({
      send: send as never,
      newId: () => `s${++n}`,
      status: signal(null),
      onImported: vi.fn(async () => undefined),
    });
    render(
      <>
        <ImportAudit imports={imports} />
        <ImportNotes imports={imports} />
      </>,
    );
    const first = imports.importFiles([file('a.json', 2048, async () => '{"a":1}')]);
    expect(imports.busy.value).toBe(true);
    await waitFor(() => expect(sent).toEqual(['import/slice:s1', 'import/commit:s1']));
    const progress = (p: Partial<ImportProgress>) =>
      imports.heard({ sessionId: 's1', phase: 'writing', done: 3, total: 10, ...p });
    progress({ sessionId: 'other', phase: 'checking' });
    expect(imports.run.value?.stage).toBe('sending');
    progress({});
    expect(imports.run.value).toMatchObject({ stage: 'writing', done: 3, total: 10 });
    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('value')).toBe('3');
    expect(screen.getByText(/a\.json \(2 kB\) · Saving…/)).toBeTruthy();

    void imports.importFiles([file('b.json', 10, async () => 'nope')]);
    commit({ ok: false, refusal: { kind: 'not-export' } });
    await waitFor(() => expect(sent.at(-1)).toBe('import/commit:s2'));
    commit({ ok: false, refusal: { kind: 'not-json' } });
    await first;
    await waitFor(() => expect(imports.busy.value).toBe(false));
    expect(imports.outcomes.value.map((o) => [o.fileName, o.kind === 'refused' && o.refusal.kind])).toEqual([
      ['a.json', 'not-export'],
      ['b.json', 'not-json'],
    ]);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      expect.stringContaining('a.json (2 kB) was not imported.'),
      expect.stringContaining('b.json (10 B) was not imported.'),
    ]);
  });

  it('says when the worker could not be reached', async () => {
    const imports = createImports({
      send: (async () => {
        throw new Error('No answer from Touchpoint.');
      }) as never,
      newId: () => 's',
      status: signal(null),
      onImported: vi.fn(),
    });
    await imports.importFiles([file('a.json', 5, async () => '{}')]);
    expect(imports.outcomes.value[0]).toMatchObject({
      kind: 'failed',
      error: { key: 'importFailed', subs: ['a.json', 'No answer from Touchpoint.'] },
    });
  });
});
