import { decodeSegment, recordedViewport } from '@/lib/replay/decode';
import { gunzip, gzip } from '@/lib/codec/gzip';
import { T0, walkEvents } from '../../fixtures/events/walk-events';
import { chunk, segment } from './helpers';

const firstHalf = walkEvents.slice(0, 6);
const secondHalf = walkEvents.slice(6);

async function segmentOf(...parts: (readonly unknown[] | 'broken' | 'not-events')[]) {
  const s = segment('rec', T0);
  let seq = 0;
  for (const part of parts) {
    const data =
      part === 'broken'
        ? new Uint8Array([31, 139, 8, 0, 1, 2, 3])
        : await gzip(part === 'not-events' ? '{"hello":1}' : JSON.stringify(part));
    s.chunks.push(chunk('rec', seq, T0, data));
    seq += 10;
  }
  return s;
}

describe('decodeSegment', () => {
  it('joins the chunks’ events in order', async () => {
    const d = await decodeSegment(await segmentOf(firstHalf, secondHalf), gunzip);
    expect(d.problem).toBeNull();
    expect(d.events).toHaveLength(walkEvents.length);
    expect(d.firstTs).toBe(T0);
    expect(d.lastTs).toBe(T0 + 7300);
  });

  it('plays up to a damaged chunk, and says so', async () => {
    const d = await decodeSegment(await segmentOf(firstHalf, 'broken', secondHalf), gunzip);
    expect(d.problem).toBe('partial');
    expect(d.events).toHaveLength(firstHalf.length);
  });

  it('calls a page unreadable when the chunk with its snapshot is damaged', async () => {
    const d = await decodeSegment(await segmentOf('broken', secondHalf), gunzip);
    expect(d).toMatchObject({ problem: 'unreadable', events: [] });
  });

  it('treats a chunk that is not an array of events as damaged', async () => {
    const d = await decodeSegment(await segmentOf('not-events'), gunzip);
    expect(d.problem).toBe('unreadable');
  });

  it('calls a page without a snapshot too short to play', async () => {
    const d = await decodeSegment(await segmentOf(secondHalf), gunzip);
    expect(d).toMatchObject({ problem: 'too-short', events: [] });
  });
});

describe('recordedViewport', () => {
  it('reads the page size from the Meta event', () => {
    expect(recordedViewport([...walkEvents])).toEqual({ width: 1280, height: 800 });
    expect(recordedViewport([])).toBeNull();
  });
});
