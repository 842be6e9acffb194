import { describe, expect, it } from 'vitest';
import { RECORDER_CONTEXT_KEY, takeRecorderContext } from '@/lib/walk/recorder-context';

const context = {
  walkId: 'w1',
  auditId: 'a1',
  categories: [],
  tabId: 3,
  personaName: 'Ana',
  startedAt: 1,
  paused: false,
  maskAllText: false,
  blockSelectors: [],
  keepParams: [],
  typedParams: [],
  showTags: true,
  tagsHere: 0,
};

describe('takeRecorderContext', () => {
  it('takes the context left by the worker once: a second recorder in the document finds none', () => {
    const scope: Record<string, unknown> = { [RECORDER_CONTEXT_KEY]: context };
    expect(takeRecorderContext(scope)).toEqual(context);
    expect(RECORDER_CONTEXT_KEY in scope).toBe(false);
    expect(takeRecorderContext(scope)).toBeNull();
  });

  it('finds nothing where no context was left, or something that is not one', () => {
    expect(takeRecorderContext({})).toBeNull();
    expect(takeRecorderContext({ [RECORDER_CONTEXT_KEY]: null })).toBeNull();
    expect(takeRecorderContext({ [RECORDER_CONTEXT_KEY]: { walkId: 7 } })).toBeNull();
  });
});
