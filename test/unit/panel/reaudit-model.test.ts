import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { gzip } from '@/lib/codec/gzip';
import { createAudit } from '@/lib/db/audits';
import type { Audit } from '@/lib/model/audit';
import { createPresent } from '@/lib/present';
import { type AuditData, loadAudit } from '@/lib/read/audit-data';
import { listAudits } from '@/lib/read/audits';
import { createReport, type ReportJob } from '@/components/panel/model/report-model';
import type { Message } from '@/components/panel/model/panel-env';
import { walkEvents } from '../../fixtures/events/walk-events';
import { batchOf, freshDb, pageStep, seedWalk, storeFlush, TAB } from '../support/seed';
import { english } from './support';

const present = createPresent({ locale: () => 'en', t: english });

/** Every yield of the model waits for the test; `drain` releases them one by one, noting the progress. */
function gate() {
  const waiting: (() => void)[] = [];
  return {
    yieldNow: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => waiting.shift()?.(),
  };
}

async function drain(
  g: ReturnType<typeof gate>,
  job: { value: ReportJob | null },
  done: Promise<void>,
  act?: () => void,
) {
  const seen: string[] = [];
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  while (!finished) {
    await new Promise((r) => setTimeout(r, 0));
    if (job.value) seen.push(`${job.value.step} ${job.value.done}/${job.value.steps}`);
    if (act && seen.includes('read 2/4')) act();
    g.release();
  }
  return [...new Set(seen)];
}

/** The seeded audit (one walk, created at 1 000), a later one of the same site, one of another site. */
async function setup() {
  const db = await freshDb();
  const seed = await seedWalk(db);
  await storeFlush(db, batchOf(seed.walk.id, 0, walkEvents, [pageStep(0, 'visit')]), TAB, gzip, 60_000);
  const later = await createAudit(
    db,
    { name: 'Ventura <re-audit>', company: '', startUrl: 'https://ventura.example/' },
    5_000,
  );
  const other = await createAudit(db, { name: 'Elsewhere', company: '', startUrl: 'https://other.example/' }, 9_000);
  const audits = signal<Audit[]>(await listAudits(db));
  const data = signal<AuditData | null>(await loadAudit(db, seed.audit.id));
  const downloads: { fileName: string; text: string | Blob; type?: string }[] = [];
  const g = gate();
  const model = createReport({
    db,
    env: { download: (fileName, text, type) => downloads.push({ fileName, text, type }), now: () => 90_000 },
    data,
    status: signal<Message | null>(null),
    words: { present, t: english, lang: 'en' },
    audits,
    yieldNow: g.yieldNow,
  });
  return { db, seed, later, other, data, downloads, g, model };
}

describe('comparing the report with another audit', () => {
  it('offers the other audits, those of the same site first', async () => {
    const { model, later, other } = await setup();
    expect(model.others.value.sameSite.map((a) => a.id)).toEqual([later.id]);
    expect(model.others.value.otherSites.map((a) => a.id)).toEqual([other.id]);
  });

  it('builds the comparison in steps (this audit, then the other), the older audit as before', async () => {
    const { model, g, seed, later, data } = await setup();
    const seen = await drain(g, model.job, model.compare(later.id));
    expect(seen).toEqual(['read 0/4', 'build 1/4', 'read 2/4', 'build 3/4']);
    const shown = model.comparison.value;
    expect(shown?.otherId).toBe(later.id);
    expect(shown?.reaudit.before.id).toBe(seed.audit.id);
    expect(shown?.reaudit.after.name).toBe('Ventura <re-audit>');
    // The later audit walked nothing: every touchpoint this one walked is "before only".
    const walked = model.shown.value?.report.touchpoints.map((r) => r.touchpointId) ?? [];
    expect(walked.length).toBeGreaterThan(0);
    expect(shown?.reaudit.gone.map((t) => t.touchpointId)).toEqual(walked);
    expect(shown?.reaudit.touchpoints).toEqual([]);
    // A report built again (the Refresh button) is another file: the comparison is no longer shown.
    data.value = { ...(data.value as AuditData) };
    await drain(g, model.job, model.refresh());
    expect(model.comparison.value).toBeNull();
  });

  it('the HTML and Markdown exports carry the comparison shown, escaped', async () => {
    const { model, g, later, downloads } = await setup();
    await drain(g, model.job, model.compare(later.id));
    await drain(g, model.job, model.export('html'));
    const text = model.ready.value?.text ?? '';
    expect(text).toContain('id="reaudit"');
    expect(text).toContain('Comparison with another audit');
    expect(text).toContain('Ventura &lt;re-audit&gt;');
    expect(text).not.toContain('<re-audit>');
    await drain(g, model.job, model.export('markdown'));
    const md = String(downloads.at(-1)?.text);
    expect(md).toContain('## Comparison with another audit');
    expect(md).toContain('Walked before only');
  });

  it('Cancel while the other audit is read: nothing is compared', async () => {
    const { model, g, later } = await setup();
    const seen = await drain(g, model.job, model.compare(later.id), () => model.cancel());
    expect(seen).toContain('read 2/4');
    expect(model.comparison.value).toBeNull();
    expect(model.job.value).toBeNull();
  });
});
