// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { createAudit, savePersona } from '@/lib/db/audits';
import { putWalk } from '@/lib/db/walks';
import { localTextStore, type TextStore } from '@/components/panel/model/auditor-name';
import { createPanelModel } from '@/components/panel/model/panel-model';
import { PastWalks } from '@/components/panel/PastWalks';
import { freshDb } from '../support/seed';
import { fakeEnv, walkRecord } from './support';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

function memoryStore(initial: string | null = null): TextStore & { value: string | null } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (v: string) => {
      store.value = v;
    },
  };
  return store;
}

async function panelWith(store: TextStore | null) {
  const db = await freshDb();
  const audit = await createAudit(db, { name: 'Ventura', startUrl: 'http://127.0.0.1:4173/' }, 1_000);
  const persona = await savePersona(db, { auditId: audit.id, name: 'Ana' }, undefined, 1_000);
  const fake = fakeEnv();
  fake.onSend(async (name, payload) => {
    if (name !== 'walk/start') return null;
    const { auditorName } = payload as { auditorName: string };
    return putWalk(db, walkRecord({ auditId: audit.id, personaId: persona.id, auditorName: auditorName.trim() }));
  });
  const model = createPanelModel(db, fake.env, { auditorStore: store });
  await model.load();
  return { model, ...fake };
}

describe('the auditor’s name', () => {
  it('is typed once: a started walk keeps it, and the next panel opens with it', async () => {
    const store = memoryStore();
    const first = await panelWith(store);
    expect(first.model.walk.auditorName.value).toBe('');
    first.model.walk.auditorName.value = '  Bea  ';
    await first.model.walk.start();
    expect(first.sent[0]?.payload).toMatchObject({ auditorName: '  Bea  ' });
    expect(store.value).toBe('Bea');

    const next = await panelWith(store);
    expect(next.model.walk.auditorName.value).toBe('Bea');
    await next.model.walk.start();
    expect(next.sent[0]?.payload).toMatchObject({ auditorName: 'Bea' });
  });

  it('is not kept when the walk did not start, and a broken store only loses it', async () => {
    const store = memoryStore('Ana');
    const p = await panelWith(store);
    p.onSend(async () => {
      throw new Error('refused');
    });
    p.model.walk.auditorName.value = 'Other';
    await p.model.walk.start();
    expect(store.value).toBe('Ana');

    const broken: TextStore = {
      get: () => {
        throw new Error('denied');
      },
      set: () => {
        throw new Error('denied');
      },
    };
    const q = await panelWith(broken);
    expect(q.model.walk.auditorName.value).toBe('');
    q.model.walk.auditorName.value = 'Bea';
    await q.model.walk.start();
    expect(q.sent[0]?.payload).toMatchObject({ auditorName: 'Bea' });
  });

  it('lives in the page’s localStorage in the extension', () => {
    const store = localTextStore('test.auditor');
    store?.set('Bea');
    expect(localStorage.getItem('test.auditor')).toBe('Bea');
    expect(localTextStore('test.auditor')?.get()).toBe('Bea');
  });

  it('is shown on each past walk: whose walk it is', () => {
    const ended = { status: 'ended' as const, endedAt: 2_000_000, endReason: 'auditor' as const };
    const walks = [
      walkRecord({ auditId: 'a', personaId: 'p', auditorName: 'Ana', ...ended }),
      walkRecord({ auditId: 'a', personaId: 'p', auditorName: 'Bea', ...ended }),
      walkRecord({ auditId: 'a', personaId: 'p', ...ended }),
    ];
    const personas = [{ id: 'p', name: 'Traveller' }] as Parameters<typeof PastWalks>[0]['personas'];
    render(<PastWalks walks={walks} personas={personas} onJourney={() => {}} onDelete={() => {}} error={null} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Traveller · by Ana');
    expect(items[1]).toContain('Traveller · by Bea');
    expect(items[2]).toContain('Traveller');
    expect(items[2]).not.toContain('Traveller ·');
  });
});
