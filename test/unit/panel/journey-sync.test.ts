import { putScreenshot, putTag } from '@/lib/db/tags';
import { addStep } from '@/lib/db/walks';
import type { DataChanged } from '@/lib/model';
import * as audits from '@/lib/read/audits';
import * as walks from '@/lib/read/walks';
import { createPanelModel, type PanelModel } from '@/components/panel/model/panel-model';
import { emptyOffsite } from '@/components/panel/model/offsite-form';
import { settle } from '../support/clock';
import { freshDb, seedWalk } from '../support/seed';
import { tag, touchpoint } from '../read/samples';
import { connectWorker, fakeEnv } from './support';

/** An ended walk of one page (one touchpoint) with one tag, and two panels open on its audit. */
async function twoPanels() {
  const db = await freshDb();
  const { audit, walk } = await seedWalk(db, { status: 'ended', endedAt: 90_000, endReason: 'auditor' });
  await db.put('touchpoints', { ...touchpoint('tp1', 3, ['ventura.example/quote']), auditId: audit.id });
  const url = 'https://ventura.example/quote';
  await addStep(db, {
    id: 's1',
    walkId: walk.id,
    tabId: 7,
    recorderId: 'r',
    at: 4_000,
    kind: 'visit',
    url,
    title: 'Quote',
    target: null,
  });
  await putTag(db, tag('t1', walk.id, 5_000, { auditId: audit.id, touchpointId: 'tp1', url }));
  const panel = async () => {
    const fake = fakeEnv();
    const worker = connectWorker(db, fake);
    const model = createPanelModel(db, fake.env);
    await model.load();
    return { model, fake, worker };
  };
  const a = await panel();
  const b = await panel();
  // The worker's broadcast reaches every open panel.
  const everyone = (n: DataChanged) => {
    a.model.dataChanged(n);
    b.model.dataChanged(n);
  };
  a.worker.to(everyone);
  b.worker.to(everyone);
  return { db, audit, walk, a: a.model, b: b.model, sentByA: a.fake.sent, revokedByB: b.fake.revoked };
}

const names = (m: PanelModel) => m.journey.items.value.map((i) => i.touchpoint.name);
const severities = (m: PanelModel) => m.journey.items.value.flatMap((i) => i.tags.map((t) => t.severity));

describe('two panels on one audit', () => {
  it('see each other’s edits from the worker’s notices, without reading the walk again', async () => {
    const { a, b, sentByA } = await twoPanels();
    expect(names(b)).toEqual(['tp1']);
    const reads = [vi.spyOn(walks, 'listSteps'), vi.spyOn(audits, 'listPersonas'), vi.spyOn(walks, 'listWalks')];

    const t1 = a.journey.items.value[0]?.tags[0];
    if (!t1) throw new Error('no tag');
    expect(await a.journey.updateTag(t1.id, { ...t1, severity: 1 })).toBe(true);
    expect(severities(a)).toEqual([1]);
    expect(await a.journey.editTouchpoint('tp1', { name: 'Quote form' })).toBe(true);
    expect(names(a)).toEqual(['Quote form']);
    a.journey.offsiteForm.values.value = {
      ...emptyOffsite(100_000),
      touchpointName: 'Call centre',
      summary: 'Asked for the price',
    };
    expect(await a.journey.submitOffsite()).toBe(true);
    await settle();

    expect(severities(b)).toEqual([1]);
    expect(names(b)).toEqual(expect.arrayContaining(['Quote form', 'Call centre']));
    expect(b.journey.items.value.flatMap((i) => i.offsite.map((e) => e.summary))).toEqual(['Asked for the price']);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    expect(sentByA.map((m) => m.name)).toEqual(['tag/edit', 'touchpoint/edit', 'offsite/save']);
    // The spies do see reads: opening the panel again reads the audit.
    await b.load();
    expect(reads[0]).toHaveBeenCalled();
    for (const read of reads) read.mockRestore();
  });

  it('sees a tag removed and an outcome saved in the other', async () => {
    const { a, b } = await twoPanels();
    expect(await a.journey.deleteTag('t1')).toBe(true);
    expect(await a.journey.saveOutcome({ goal: 'partly', minutes: 12, nps: 6, note: 'Gave up on the form' })).toBe(
      true,
    );
    await settle();
    expect(severities(b)).toEqual([]);
    expect(b.journey.walk.value?.outcome).toMatchObject({ goal: 'partly', nps: 6 });
  });

  it('reports a command the worker refused, and changes nothing', async () => {
    const { a } = await twoPanels();
    expect(await a.journey.editTouchpoint('gone', { name: 'X' })).toBe(false);
    expect(a.journey.error.value?.key).toBe('panelActionFailed');
    expect(names(a)).toEqual(['tp1']);
  });

  it('shows a tag’s screenshot, read once by id, and lets its URL go with the tag', async () => {
    const { db, walk, a, b, revokedByB } = await twoPanels();
    const shot = {
      id: 'shot-1',
      walkId: walk.id,
      mime: 'image/png' as const,
      width: 2,
      height: 1,
      focus: { x: 0, y: 0, width: 1, height: 1 },
      blob: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }),
      createdAt: 1,
    };
    await putScreenshot(db, shot);
    const t1 = a.journey.items.value[0]?.tags[0];
    if (!t1) throw new Error('no tag');
    const pinned = { ...t1, id: 't2', at: 6_000, screenshotId: 'shot-1' };
    await putTag(db, pinned);
    b.dataChanged({ auditId: walk.auditId, changes: [{ store: 'tags', op: 'put', value: pinned }] });
    await vi.waitFor(() => expect(b.journey.shots.value.get('t2')).toMatch(/^blob:test\//));
    const url = b.journey.shots.value.get('t2');
    b.dataChanged({ auditId: walk.auditId, changes: [{ store: 'tags', op: 'delete', id: 't2' }] });
    await vi.waitFor(() => expect(b.journey.shots.value.has('t2')).toBe(false));
    expect(revokedByB).toContain(url);
  });

  it('lists an audit created in the other panel without leaving the one it shows', async () => {
    const { audit, a, b } = await twoPanels();
    a.auditForm.name.value = 'Second audit';
    a.auditForm.startUrl.value = 'https://ventura.example/';
    await a.createAudit();
    await settle();
    expect(a.audit.value?.name).toBe('Second audit');
    expect(b.audits.value.map((x) => x.name)).toContain('Second audit');
    expect(b.audit.value?.id).toBe(audit.id);
  });
});
