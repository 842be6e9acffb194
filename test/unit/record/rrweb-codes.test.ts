import { EventType, IncrementalSource, MouseInteractions } from '@rrweb/types';
import * as codes from '@/lib/record/rrweb-codes';

const real: Record<keyof typeof codes, object> = { EventType, IncrementalSource, MouseInteractions };

describe('the recorder’s copy of rrweb’s numbers', () => {
  it.each(Object.entries(codes))('matches @rrweb/types’ %s', (name, copy) => {
    const enumObject = real[name as keyof typeof codes] as Record<string, number>;
    for (const [key, value] of Object.entries(copy)) expect([key, value]).toEqual([key, enumObject[key]]);
  });
});
