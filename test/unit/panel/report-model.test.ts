import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { gzip } from '@/lib/codec/gzip';
import { AuditExport } from '@/lib/model';
import { createPresent } from '@/lib/present';
import { type AuditData, loadAudit } from '@/lib/read/audit-data';
import { createReport, type ReportJob } from '@/components/panel/model/report-model';
import type { Message } from '@/components/panel/model/panel-env';
import { walkEvents } from '../../fixtures/events/walk-events';
import { batchOf, freshDb, pageStep, seedWalk, storeFlush, TAB } from '../support/seed';
import { english } from './support';

const present = createPresent({ locale: () => 'en', t: english });

/** A yield the test releases by hand, so it can look at (and cancel) a build between its steps. */
function gate() {
  const waiting: (() => void)[] = [];
  return {
    yieldNow: () => new Promise<void>((resolve) => waiting.push(resolve)),
    get pending() {
      return waiting.length;
    },
    release() {
      waiting.shift()?.();
    },
  };
}

/** Runs a build to its end, releasing every yield and recording the progress seen at each. */
async function drain(g: ReturnType<typeof gate>, job: { value: ReportJob | null }, done: Promise<void>) {
  const seen: string[] = [];
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  while (!finished) {
    await new Promise((r) => setTimeout(r, 0));
    if (job.value) seen.push(`${job.value.step} ${job.value.done}/${job.value.steps}`);
    g.release();
  }
  return [...new Set(seen)];
}

async function setup(t = english) {
  const db = await freshDb();
  const seed = await seedWalk(db);
  await storeFlush(db, batchOf(seed.walk.id, 0, walkEvents, [pageStep(0, 'visit')]), TAB, gzip, 60_000);
  const data = signal<AuditData | null>(await loadAudit(db, seed.audit.id));
  const downloads: { fileName: string; text: string | Blob; type?: string }[] = [];
  const status = signal<Message | null>(null);
  const g = gate();
  const model = createReport({
    db,
    env: { download: (fileName, text, type) => downloads.push({ fileName, text, type }), now: () => 90_000 },
    data,
    status,
    words: { present, t, lang: 'en' },
    yieldNow: g.yieldNow,
  });
  return { db, seed, data, downloads, status, g, model };
}

describe('the Report view model', () => {
  it('builds the report to show in steps that yield, with their progress', async () => {
    const { model, g, seed } = await setup();
    const seen = await drain(g, model.job, model.show());
    expect(seen).toEqual(['read 0/2', 'build 1/2']);
    expect(model.job.value).toBeNull();
    expect(model.shown.value?.report.summary.audit.name).toBe(seed.audit.name);
    expect(model.shown.value?.file.walks).toHaveLength(1);
    expect(model.stale.value).toBe(false);
  });

  it('builds the HTML, shows its size, and writes it only when the auditor saves it', async () => {
    const { model, g, downloads, status } = await setup();
    const seen = await drain(g, model.job, model.export('html'));
    expect(seen).toEqual(['read 0/4', 'build 1/4', 'write 2/4', 'size 3/4']);
    const ready = model.ready.value;
    expect(ready?.fileName).toMatch(/^touchpoint-ventura-viajes-.*-report\.html$/);
    expect(ready?.bytes).toBe(new TextEncoder().encode(ready?.text).length);
    expect(ready?.text).toContain('http-equiv="Content-Security-Policy"');
    expect(status.value).toEqual({ key: 'reportHtmlReady', subs: [present.bytes(ready?.bytes ?? 0)] });
    expect(downloads).toEqual([]);
    model.save();
    expect(downloads).toEqual([{ fileName: ready?.fileName, text: ready?.text, type: 'text/html' }]);
    expect(model.ready.value).toBeNull();
    expect(status.value).toEqual({ key: 'panelExported', subs: [ready?.fileName] });
  });

  it('cancels a build between its steps: nothing is written, and it says so', async () => {
    const { model, g, downloads, status } = await setup();
    const run = model.export('html');
    g.release(); // read
    await expect.poll(() => model.job.value?.step).toBe('read');
    await expect.poll(() => g.pending).toBe(1); // waiting before build
    model.cancel();
    g.release();
    await run;
    expect(model.job.value).toBeNull();
    expect(model.ready.value).toBeNull();
    expect(downloads).toEqual([]);
    expect(status.value).toEqual({ key: 'reportCancelled' });
  });

  it('writes the JSON export, two CSV tables and Markdown from the same file', async () => {
    const { model, g, downloads, seed } = await setup();
    await drain(g, model.job, model.export('json'));
    await drain(g, model.job, model.export('csv'));
    await drain(g, model.job, model.export('markdown'));
    expect(downloads.map((d) => [d.fileName.replace(/\d{4}-\d\d-\d\d/, 'DATE'), d.type])).toEqual([
      ['touchpoint-ventura-viajes-DATE.json', undefined],
      ['touchpoint-ventura-viajes-DATE-tags.csv', 'text/csv'],
      ['touchpoint-ventura-viajes-DATE-touchpoints.csv', 'text/csv'],
      ['touchpoint-ventura-viajes-DATE-report.md', 'text/markdown'],
    ]);
    const saved = downloads[0]?.text;
    const json = AuditExport.parse(JSON.parse(saved instanceof Blob ? await saved.text() : ''));
    expect(json.walks.map((w) => w.id)).toEqual([seed.walk.id]);
    expect(String(downloads[1]?.text).startsWith('\uFEFF')).toBe(true);
    expect(downloads[3]?.text).toContain(seed.audit.name);
  });

  it('says when the audit changed since, and builds it again on Refresh', async () => {
    const { model, g, data, db, seed } = await setup();
    await drain(g, model.job, model.show());
    const first = model.shown.value?.report;
    data.value = await loadAudit(db, seed.audit.id);
    expect(model.stale.value).toBe(true);
    await drain(g, model.job, model.show()); // the same audit: shown as it is until asked
    expect(model.shown.value?.report).toBe(first);
    await drain(g, model.job, model.refresh());
    expect(model.stale.value).toBe(false);
    expect(model.shown.value?.report).not.toBe(first);
  });

  it('a failure gets a clear message, and nothing is written', async () => {
    const failing = ((key, subs) => {
      if (key === 'reportDocTitle') throw new Error('no words');
      return english(key, subs);
    }) as typeof english;
    const { model, g, downloads } = await setup(failing);
    await drain(g, model.job, model.export('html'));
    expect(model.error.value).toEqual({ key: 'panelExportFailed', subs: ['no words'] });
    expect(model.ready.value).toBeNull();
    expect(downloads).toEqual([]);
    expect(model.job.value).toBeNull();
  });
});
