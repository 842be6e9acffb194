import { signal } from '@preact/signals';
import { putScreenshot } from '@/lib/db/tags';
import type { DataChanged } from '@/lib/model';
import type { Decision } from '@/lib/model/fact';
import type { AuditData } from '@/lib/read/audit-data';
import { applyChanges } from '@/lib/read/apply-changes';
import { parseReplayHash } from '@/lib/replay/hash';
import { type CompareInput, compare } from '@/lib/consistency/compare';
import { type ConsistencyDeps, createConsistency, placeReplayPath } from '@/components/panel/model/consistency-model';
import { freshDb } from '../support/seed';
import { fakeEnv } from './support';
import {
  AUDIT_ID,
  auditData,
  fakeRunner,
  fourPages,
  pageFacts,
  phoneFact,
  tagOn,
  WALK_ID,
} from './consistency-support';

async function setUp(data: AuditData, comparing: Partial<Pick<ConsistencyDeps, 'compare' | 'compareAsync'>> = {}) {
  const db = await freshDb();
  const fake = fakeEnv();
  const shown = signal<AuditData | null>(data);
  const notices: DataChanged[] = [];
  const runner = fakeRunner();
  const model = createConsistency({
    db,
    env: fake.env,
    data: shown,
    runner,
    country: signal('ES'),
    applyLocal: (notice) => {
      notices.push(notice);
      shown.value = shown.value && applyChanges(shown.value, notice);
    },
    ...comparing,
  });
  return { db, fake, shown, notices, runner, model };
}

const decision = (key: string, status: Decision['status']): Decision => ({
  id: `${AUDIT_ID}:${key}`,
  auditId: AUDIT_ID,
  key,
  kind: 'phone',
  status,
  tagId: null,
  decidedAt: 5,
});

describe('the consistency model', () => {
  it('compares the facts of every page of the audit: the contact page’s number against the footer’s', async () => {
    const { model } = await setUp(auditData(fourPages()));
    const [item] = model.items.value;
    expect(model.items.value).toHaveLength(1);
    expect(item?.status).toBe('open');
    expect(item?.divergence.baseline).toBe('+34911111111');
    expect(item?.divergence.values.map((v) => [v.value, v.places.length])).toEqual([
      ['+34911111111', 3],
      ['+34922222222', 1],
    ]);
    expect(model.byKind.value.map((g) => [g.kind, g.items.length])).toEqual([['phone', 1]]);
    expect(model.counts.value).toEqual({ open: 1, confirmed: 0, dismissed: 0, total: 1 });
    expect(model.comparison.value?.byKind.phone).toEqual({ agreeing: 3, total: 4 });
    expect(model.hasFacts.value).toBe(true);
  });

  it('says there are no facts, rather than no divergences, when nothing was read', async () => {
    const { model } = await setUp(auditData([pageFacts('/', [])]));
    expect(model.items.value).toEqual([]);
    expect(model.hasFacts.value).toBe(false);
  });

  it('merges the auditor’s decisions by key, and they hold when the facts are read again', async () => {
    const pages = fourPages();
    const first = await setUp(auditData(pages));
    const key = first.model.items.value[0]?.divergence.key as string;
    const { model, shown } = await setUp(auditData(pages, { decisions: [decision(key, 'dismissed')] }));
    expect(model.items.value[0]?.status).toBe('dismissed');
    expect(model.counts.value).toMatchObject({ open: 0, dismissed: 1 });
    // Recomputed: new records for the same page loads, read later by newer extractors.
    const data = shown.value as AuditData;
    const reread = pages.map((p) => ({ ...p, version: 2, extractedAt: p.extractedAt + 60_000 }));
    shown.value = { ...data, walks: data.walks.map((w) => ({ ...w, facts: reread })) };
    expect(model.items.value[0]?.divergence.key).toBe(key);
    expect(model.items.value[0]?.status).toBe('dismissed');
  });

  it('confirms through the worker: the place’s element, the severity and note given; the decision shows at once', async () => {
    const { model, fake, notices } = await setUp(auditData(fourPages()));
    const d = model.items.value[0]?.divergence;
    if (!d) throw new Error('no divergence');
    const place = d.values[1]?.places[0];
    fake.onSend(async (name, payload) => {
      const p = payload as { key: string; status: Decision['status'] };
      return name === 'consistency/decide' ? { ...decision(p.key, p.status), tagId: null } : null;
    });
    expect(await model.confirm(d, place ?? null, 4, '  Wrong number on the contact page ')).toBe(true);
    expect(fake.sent).toEqual([
      {
        name: 'consistency/decide',
        payload: {
          auditId: AUDIT_ID,
          key: d.key,
          kind: 'phone',
          status: 'confirmed',
          place: {
            factsId: place?.type === 'page' ? place.factsId : '',
            anchor: expect.objectContaining({ selector: '#contact-phone' }),
          },
          severity: 4,
          note: 'Wrong number on the contact page',
        },
      },
    ]);
    expect(notices.at(-1)?.changes).toEqual([
      { store: 'decisions', op: 'put', value: expect.objectContaining({ key: d.key }) },
    ]);
    expect(model.items.value[0]?.status).toBe('confirmed');
    expect(model.status.value).toEqual({ key: 'consistencyConfirmed' });
  });

  it('dismisses without a place, and undo forgets the decision', async () => {
    const { model, fake } = await setUp(auditData(fourPages()));
    const d = model.items.value[0]?.divergence;
    if (!d) throw new Error('no divergence');
    fake.onSend(async (name, payload) => {
      const p = payload as { key: string; status: Decision['status'] };
      return name === 'consistency/decide' ? decision(p.key, p.status) : null;
    });
    await model.dismiss(d);
    expect(fake.sent[0]?.payload).toMatchObject({ status: 'dismissed', place: null, severity: d.severity, note: '' });
    expect(model.counts.value).toMatchObject({ open: 0, dismissed: 1 });
    await model.undo(d);
    expect(fake.sent[1]).toEqual({ name: 'consistency/undo', payload: { auditId: AUDIT_ID, key: d.key } });
    expect(model.items.value[0]?.status).toBe('open');
    expect(model.status.value).toEqual({ key: 'consistencyUndone' });
  });

  it('shows a refused command as an error and keeps the divergence open', async () => {
    const { model, fake } = await setUp(auditData(fourPages()));
    const d = model.items.value[0]?.divergence;
    if (!d) throw new Error('no divergence');
    fake.onSend(async () => {
      throw new Error('The audit is gone.');
    });
    expect(await model.dismiss(d)).toBe(false);
    expect(model.error.value).toEqual({ key: 'panelActionFailed', subs: ['The audit is gone.'] });
    expect(model.items.value[0]?.status).toBe('open');
    expect(model.busy.value).toBe(false);
  });

  it('opens a divergence with the screenshot of a tag on the same element of the same page load', async () => {
    const pages = fourPages();
    const contact = pages[3] as (typeof pages)[number];
    const tagged = tagOn(contact, '#contact-phone', '00000000-0000-4000-8000-00000000ee01');
    // Same page load, another element: not this value's element.
    const elsewhere = tagOn(contact, '#other', '00000000-0000-4000-8000-00000000ee02');
    const { model, db, fake } = await setUp(auditData(pages, { tags: [elsewhere, tagged] }));
    for (const id of ['00000000-0000-4000-8000-00000000ee01', '00000000-0000-4000-8000-00000000ee02'])
      await putScreenshot(db, {
        id,
        walkId: WALK_ID,
        mime: 'image/png',
        width: 10,
        height: 10,
        focus: { x: 0, y: 0, width: 10, height: 10 },
        blob: new Blob(['png']),
        createdAt: 1,
      });
    const d = model.items.value[0]?.divergence;
    const place = d?.values[1]?.places[0];
    if (!d || !place) throw new Error('no divergence');
    expect(model.tagOn(place)?.id).toBe(tagged.id);
    expect(model.tagOn(d.values[0]?.places[0] ?? place)).toBeNull();
    model.open(d.key);
    await vi.waitFor(() => expect(model.shots.value.get(tagged.id)).toBe('blob:test/1'));
    expect([...model.shots.value.keys()]).toEqual([tagged.id]);
    model.close();
    await vi.waitFor(() => expect(fake.revoked).toEqual(['blob:test/1']));
  });

  it('opens the replay at the moment and page load a value was read', async () => {
    const { model, fake } = await setUp(auditData(fourPages()));
    const place = model.items.value[0]?.divergence.values[1]?.places[0];
    if (place?.type !== 'page') throw new Error('no page place');
    model.openPlace(place);
    expect(fake.opened).toEqual([placeReplayPath(place)]);
    const route = parseReplayHash((fake.opened[0] ?? '').replace('/replay.html', ''));
    expect(route).toMatchObject({ walkId: WALK_ID, at: place.at, recorderId: place.recorderId });
  });

  it('compares again when facts change, not on a flush of the walk under way', async () => {
    const calls: unknown[] = [];
    const { shown, model } = await setUp(auditData(fourPages()), {
      compare: (input) => {
        calls.push(input);
        return compare(input);
      },
    });
    expect(model.items.value).toHaveLength(1);
    const data = shown.value as AuditData;
    // A flush: new steps and chunks, the same facts.
    shown.value = { ...data, walks: data.walks.map((w) => ({ ...w, chunkIds: ['c1'], steps: [] })) };
    expect(model.items.value).toHaveLength(1);
    expect(calls).toHaveLength(1);
    shown.value = { ...data, walks: data.walks.map((w) => ({ ...w, facts: w.facts.slice(0, 3) })) };
    expect(model.items.value).toHaveLength(0);
    expect(calls).toHaveLength(2);
  });

  it('compares nothing while no view reads the comparison, however often facts change', async () => {
    const calls: unknown[] = [];
    const { shown } = await setUp(auditData(fourPages()), {
      compare: (input) => {
        calls.push(input);
        return compare(input);
      },
    });
    const data = shown.value as AuditData;
    for (let k = 3; k > 0; k--)
      shown.value = { ...data, walks: data.walks.map((w) => ({ ...w, facts: w.facts.slice(0, k) })) };
    expect(calls).toHaveLength(0);
  });

  it('with a worker, shows its answer, keeps the last one while the next is computed, and asks once per change', async () => {
    const asked: CompareInput[] = [];
    const answers: (() => void)[] = [];
    const { shown, model } = await setUp(auditData(fourPages()), {
      compareAsync: (input) => {
        asked.push(input);
        return new Promise((resolve) => answers.push(() => resolve(compare(input))));
      },
    });
    expect(model.items.value).toHaveLength(0);
    (answers.shift() as () => void)();
    await Promise.resolve();
    await Promise.resolve();
    expect(model.items.value).toHaveLength(1);
    const data = shown.value as AuditData;
    shown.value = { ...data, walks: data.walks.map((w) => ({ ...w, facts: w.facts.slice(0, 3) })) };
    // Until the worker answers, the last comparison stays.
    expect(model.items.value).toHaveLength(1);
    expect(model.items.value).toHaveLength(1);
    expect(asked).toHaveLength(2);
    (answers.shift() as () => void)();
    await Promise.resolve();
    await Promise.resolve();
    expect(model.items.value).toHaveLength(0);
    expect(asked).toHaveLength(2);
  });

  it('passes the runner’s state and asks it to read everything again', async () => {
    const { model, runner } = await setUp(auditData(fourPages()));
    runner.pending.value = 3;
    expect(model.pending.value).toBe(3);
    model.recompute();
    expect(runner.asked).toHaveLength(1);
  });

  it('compares off-site events too, each traced to its event and its touchpoint', async () => {
    const facts = [
      pageFacts('/', [phoneFact('+34911111111', '911 111 111', 'footer a')]),
      pageFacts('/viajes', [phoneFact('+34911111111', '911 111 111', 'footer a')]),
    ];
    const data = auditData(facts, {
      offsite: [
        {
          id: '00000000-0000-4000-8000-0000000000c1',
          auditId: AUDIT_ID,
          walkId: WALK_ID,
          touchpointId: '00000000-0000-4000-8000-0000000000d1',
          channel: 'phone',
          touchpointName: 'Support line',
          summary: 'Called',
          requestedAt: 1,
          answeredAt: null,
          reschedules: 0,
          transfers: 0,
          repeatedInfo: [],
          outcome: 'resolved',
          ces: null,
          csat: null,
          tone: { formality: null, warmth: null },
          facts: [{ kind: 'phone', subject: '', value: '933 333 333' }],
          note: '',
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    });
    data.touchpoints = [
      { id: '00000000-0000-4000-8000-0000000000d1', name: 'Support line' } as AuditData['touchpoints'][number],
    ];
    const { model } = await setUp(data);
    const d = model.items.value[0]?.divergence;
    const call = d?.values.find((v) => v.value === '+34933333333')?.places[0];
    expect(call).toMatchObject({ type: 'offsite', channel: 'phone', eventId: '00000000-0000-4000-8000-0000000000c1' });
    expect(model.touchpointName(call?.type === 'offsite' ? call.touchpointId : '')).toBe('Support line');
    expect(model.comparison.value?.byChannel.phone).toEqual({ agreeing: 0, total: 1 });
  });
});
