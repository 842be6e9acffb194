import messages from '../../../public/_locales/en/messages.json';
import { type MessageKey, translatorOf } from '@/lib/present';
import type { Chunk, RecorderMark, Step } from '@/lib/model';
import type { Segment } from '@/lib/replay/segments';

/** Small builders for replay tests: only the fields the replay logic reads are meaningful. */
export function step(id: string, at: number, recorderId: string | null, kind: Step['kind'] = 'click'): Step {
  return {
    id,
    walkId: 'w',
    tabId: 1,
    recorderId,
    at,
    kind,
    url: `https://ventura.example/${id}`,
    title: '',
    target: null,
  };
}

export function chunk(
  recorderId: string,
  seqFrom: number,
  firstTs: number,
  data: Uint8Array = new Uint8Array(),
): Chunk {
  return {
    id: `${recorderId}:${seqFrom}`,
    walkId: 'w',
    tabId: 1,
    recorderId,
    seqFrom,
    seqTo: seqFrom,
    firstTs,
    lastTs: firstTs,
    rawBytes: 0,
    data: data as Chunk['data'],
  };
}

export function mark(recorderId: string, startedAt: number, tabId = 1, url = `https://ventura.example/${recorderId}`) {
  return { recorderId, walkId: 'w', tabId, url, startedAt, storedThrough: 0 } satisfies RecorderMark;
}

export function segment(recorderId: string, startedAt: number, steps: Step[] = [], tabId = 1): Segment {
  return { recorderId, tabId, url: `https://ventura.example/${recorderId}`, startedAt, chunks: [], steps };
}

/** `browser.i18n.getMessage` as Chrome does it, over the English messages, for component tests. */
export const english = (key: string, subs?: string | string[]): string =>
  translatorOf(messages)(key as MessageKey, subs);
