import { EXTRACTORS } from '@/lib/consistency/registry';
import type { FactKind } from '@/lib/model/fact';
import type { PageFactsOut } from '@/lib/model/facts-output';
import { extractAllWith, openFactsSession } from '@/scripts/facts/extract';
import {
  badLabels,
  type CorpusPage,
  hitsNearMiss,
  LABELLED_KINDS,
  loadCorpus,
  pageText,
  pct,
  type Tally,
  tally,
} from '../support/corpus';

// Precision and recall of every extractor on the labelled corpus (test/fixtures/consistency/,
// README.md there), read in headless Chromium through `npm run facts`'s harness so that computed
// styles are real. Issue 12 asks for at least 0.95 of each, per kind.

const THRESHOLD = 0.95;
/** Measures quote a sample sentence as their raw, which may hold anything the page says. */
const MEASURES = new Set<FactKind>(['readability', 'sentence-length', 'exclamation']);
const corpus = loadCorpus();
const results = new Map<string, PageFactsOut>();

beforeAll(async () => {
  const session = await openFactsSession({ country: 'ES' });
  try {
    const read = await extractAllWith(
      session,
      corpus.map((p) => ({ input: p.file, country: p.country })),
    );
    for (const [i, p] of corpus.entries()) results.set(p.name, read[i] as PageFactsOut);
  } finally {
    await session.close();
  }
}, 60_000);

describe('the labelled consistency corpus', () => {
  it('has at least 30 pages in Spanish and English, each read without error', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const langs = new Set(corpus.flatMap((p) => p.facts.filter((f) => f.kind === 'language').map((f) => f.value)));
    expect([...langs].sort()).toEqual(['en', 'es']);
    const failed = corpus.map((p) => results.get(p.name)).filter((r) => !r || r.error || r.failed.length > 0);
    expect(failed).toEqual([]);
  });

  it('labels every value in its kind’s documented format (lib/model/fact.ts)', () => {
    expect(corpus.flatMap(badLabels)).toEqual([]);
  });

  it('plants each near-miss on its page, and no extractor takes one for a fact', () => {
    const absent = corpus.flatMap((p) =>
      p.nearMisses.filter((n) => !pageText(p.html).includes(n)).map((n) => `${p.name}: ${n}`),
    );
    expect(absent).toEqual([]);
    const taken = corpus.flatMap((p: CorpusPage) =>
      (results.get(p.name)?.facts ?? [])
        .filter((f) => !MEASURES.has(f.kind))
        .flatMap((f) =>
          p.nearMisses.filter((n) => hitsNearMiss(f.raw, n)).map((n) => `${p.name}: ${f.kind} «${f.raw}» ≈ ${n}`),
        ),
    );
    expect(taken).toEqual([]);
  });

  it(`reaches ${THRESHOLD} precision and recall for every kind that has an extractor`, () => {
    const tallies = new Map<FactKind, Tally>();
    for (const page of corpus) tally(tallies, page.name, page.facts, results.get(page.name)?.facts ?? []);
    const built = new Set(EXTRACTORS.map((e) => e.kind));
    const rows: string[] = [];
    const below: string[] = [];
    for (const kind of LABELLED_KINDS) {
      const t = tallies.get(kind) ?? { labelled: 0, extracted: 0, matched: 0, missed: [], spurious: [] };
      const precision = t.extracted === 0 ? 0 : t.matched / t.extracted;
      const recall = t.labelled === 0 ? 0 : t.matched / t.labelled;
      const state = !built.has(kind)
        ? 'no extractor'
        : t.labelled === 0
          ? 'no labels'
          : precision >= THRESHOLD && recall >= THRESHOLD
            ? 'ok'
            : 'BELOW';
      rows.push(
        `${kind.padEnd(18)} ${String(t.labelled).padStart(8)} ${String(t.extracted).padStart(9)} ` +
          `${pct(t.matched, t.extracted).padStart(9)} ${pct(t.matched, t.labelled).padStart(6)}  ${state}`,
      );
      if (state === 'BELOW') below.push(kind);
      // Every mismatch of a failing kind; of all kinds with CORPUS_DETAIL=1 (for whoever tunes an extractor).
      if (state === 'BELOW' || (process.env.CORPUS_DETAIL && state !== 'no extractor')) {
        rows.push(...t.missed.map((m) => `    missed   ${m}`), ...t.spurious.map((s) => `    spurious ${s}`));
      }
    }
    console.log(
      `Consistency corpus: ${corpus.length} pages\n${'kind'.padEnd(18)} labelled extracted precision recall\n${rows.join('\n')}`,
    );
    expect(below).toEqual([]);
  });
});
