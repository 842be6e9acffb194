import { toSegments } from '@/lib/replay/segments';
import { chunk, mark, step } from './helpers';

describe('toSegments', () => {
  it('groups chunks and steps by recorder, pages in the order they began', () => {
    const segments = toSegments(
      [mark('quote', 9_000), mark('home', 1_000)],
      [chunk('quote', 10, 9_400), chunk('home', 0, 1_000), chunk('quote', 0, 9_000)],
      [step('q2', 9_500, 'quote'), step('h1', 1_000, 'home'), step('q1', 9_000, 'quote'), step('t', 5_000, null)],
    );
    expect(segments.map((s) => s.recorderId)).toEqual(['home', 'quote']);
    expect(segments[1]?.chunks.map((c) => c.seqFrom)).toEqual([0, 10]);
    expect(segments[1]?.steps.map((s) => s.id)).toEqual(['q1', 'q2']);
  });

  it('drops a recorder that stored no events', () => {
    expect(toSegments([mark('empty', 1_000)], [], [])).toEqual([]);
  });

  it('keeps a chunk whose recorder mark is missing playable, named by its steps’ URL', () => {
    const [only] = toSegments([], [chunk('orphan', 0, 4_000)], [step('o', 4_100, 'orphan')]);
    expect(only).toMatchObject({ recorderId: 'orphan', startedAt: 4_000, url: 'https://ventura.example/o' });
  });
});
