import type { Db } from '@/lib/db/open-db';
import { importText } from '@/lib/db/import';
import { sendImport } from '@/lib/import/send-import';
import { IMPORT_SLICE_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_SLICES } from '@/lib/model/import';
import { freshDb } from '../support/seed';
import { dump, exportText, importWorker, seedAudit, walkBy } from './support';

async function twoAudits() {
  const db = await freshDb();
  const here = await seedAudit(db);
  const local = await walkBy(db, here, 'Sam', ['https://ventura.example/']);
  const other = await freshDb();
  const seeded = await seedAudit(other);
  await walkBy(other, seeded, 'Ana', ['https://ventura.example/', 'https://ventura.example/quote.html']);
  return { db, local, text: await exportText(other, seeded.audit.id) };
}

/**
 * The database with one store's `put` failing on its `n`th call (as a full disk makes it fail):
 * the import's transaction is the real one, so what it put before the failure is what an abort
 * must take back.
 */
function failingPut(db: Db, n: number, error: () => Error): Db {
  let puts = 0;
  const wrapStore = (store: object) =>
    new Proxy(store, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (key !== 'put' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
        // The failing put is stored first, then fails: the records before it (and it) are in the
        // transaction when the abort comes.
        return (...args: unknown[]) => {
          const put = v.apply(target, args) as Promise<unknown>;
          return ++puts === n ? put.then(() => Promise.reject(error())) : put;
        };
      },
    });
  return new Proxy(db, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (key !== 'transaction') return typeof v === 'function' ? v.bind(target) : v;
      return (...args: unknown[]) => {
        const tx = v.apply(target, args);
        return new Proxy(tx, {
          get(t, k) {
            const w = Reflect.get(t, k);
            if (k === 'objectStore') return (name: string) => wrapStore(w.call(t, name));
            return typeof w === 'function' ? w.bind(t) : w;
          },
        });
      };
    },
  });
}

describe('the worker’s import', () => {
  it('a full disk: a clear refusal, and nothing of the file written', async () => {
    const { db, text } = await twoAudits();
    const before = await dump(db);
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(await importText(failingPut(db, 12, quota), text)).toEqual({ ok: false, refusal: { kind: 'storage-full' } });
    expect(await dump(db)).toBe(before);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      await importText(
        failingPut(db, 3, () => new Error('boom')),
        text,
      ),
    ).toEqual({
      ok: false,
      refusal: { kind: 'write-failed' },
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(await dump(db)).toBe(before);
    // The same file then imports whole.
    expect(await importText(db, text)).toMatchObject({ ok: true, summary: { added: { walks: 1 } } });
  });

  it('refuses a file whose records have the ids of another audit’s, naming the first', async () => {
    const { db, local, text } = await twoAudits();
    const json = JSON.parse(text);
    const theirs = json.walks[0].id;
    json.walks[0].id = local.id;
    for (const list of ['steps', 'tags', 'scores', 'offsite', 'signals', 'facts']) {
      for (const r of json.walks[0][list]) r.walkId = local.id;
    }
    json.walks[0].scores = json.walks[0].scores.map((s: { id: string }) => ({
      ...s,
      id: s.id.replace(theirs, local.id),
    }));
    const before = await dump(db);
    expect(await importText(db, JSON.stringify(json))).toEqual({
      ok: false,
      refusal: { kind: 'conflict', path: 'walks[0].id' },
    });
    expect(await dump(db)).toBe(before);
  });

  it('reports reading, checking and writing, ending with every record written', async () => {
    const { db, text } = await twoAudits();
    const { send, progress } = importWorker(db);
    const result = await sendImport(send, text, 'imp-1');
    expect(result.ok).toBe(true);
    expect(progress.every((p) => p.sessionId === 'imp-1' && (p.total === 0 || p.done <= p.total))).toBe(true);
    const phases = progress.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    const last = progress.at(-1);
    const added = result.ok ? Object.values(result.summary.added).reduce((a, b) => a + b, 0) : -1;
    expect(last).toMatchObject({ phase: 'writing', done: added, total: added });
  });

  it('takes slices in order only; a commit of slices it does not hold says the session is lost', async () => {
    const { db, text } = await twoAudits();
    const { send, handlers } = importWorker(db);
    const before = await dump(db);
    expect(await send('import/slice', { sessionId: 's', index: 1, text: 'x' })).toEqual({ kind: 'session-lost' });
    expect(await send('import/commit', { sessionId: 'nobody', slices: 0 })).toEqual({
      ok: false,
      refusal: { kind: 'session-lost' },
    });
    expect(await send('import/slice', { sessionId: 's', index: 0, text: text.slice(0, 10) })).toBeNull();
    expect(await send('import/commit', { sessionId: 's', slices: 2 })).toEqual({
      ok: false,
      refusal: { kind: 'session-lost' },
    });
    // Cancelled: its slices are gone.
    expect(await send('import/slice', { sessionId: 'c', index: 0, text })).toBeNull();
    expect(await handlers['import/cancel']({ sessionId: 'c' }, {})).toBeNull();
    expect(await send('import/commit', { sessionId: 'c', slices: 1 })).toEqual({
      ok: false,
      refusal: { kind: 'session-lost' },
    });
    expect(await dump(db)).toBe(before);
    // A file of several slices joins back whole: one of its strings made longer than a slice.
    const json = JSON.parse(text);
    json.generator = `Touchpoint ${'x'.repeat(IMPORT_SLICE_CHARS + 10)}`;
    expect(await sendImport(send, JSON.stringify(json), 'big')).toMatchObject({
      ok: true,
      summary: { added: { walks: 1 } },
    });
  });

  it('refuses slices past the size bound', async () => {
    const { db } = await twoAudits();
    const { send } = importWorker(db);
    const slice = 'x'.repeat(IMPORT_SLICE_CHARS);
    let refusal = null;
    for (let index = 0; index <= MAX_IMPORT_SLICES && !refusal; index++) {
      refusal = await send('import/slice', { sessionId: 'huge', index, text: slice });
    }
    expect(refusal).toEqual({
      kind: 'too-large',
      size: MAX_IMPORT_BYTES + IMPORT_SLICE_CHARS,
      limit: MAX_IMPORT_BYTES,
    });
    // The slices taken so far are dropped.
    expect(await send('import/commit', { sessionId: 'huge', slices: MAX_IMPORT_SLICES })).toEqual({
      ok: false,
      refusal: { kind: 'session-lost' },
    });
  });
});
