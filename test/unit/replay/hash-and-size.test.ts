import { parseReplayHash, replayHash } from '@/lib/replay/hash';
import { playerSize } from '@/lib/replay/player-size';

describe('replay hash', () => {
  it('reads a walk, a walk at a step, or an audit', () => {
    expect(parseReplayHash('#walk=w1')).toEqual({ auditId: null, walkId: 'w1', stepId: null, tagId: null });
    expect(parseReplayHash('#walk=w1&step=rec%3A12')).toEqual({
      auditId: null,
      walkId: 'w1',
      stepId: 'rec:12',
      tagId: null,
    });
    expect(parseReplayHash('#audit=a1')).toEqual({ auditId: 'a1', walkId: null, stepId: null, tagId: null });
    expect(parseReplayHash('')).toEqual({ auditId: null, walkId: null, stepId: null, tagId: null });
  });

  it('ignores a step without a walk', () => {
    expect(parseReplayHash('#step=s1')).toEqual({ auditId: null, walkId: null, stepId: null, tagId: null });
    expect(parseReplayHash('#tag=t1')).toEqual({ auditId: null, walkId: null, stepId: null, tagId: null });
  });

  it('reads a walk opened at a tag', () => {
    expect(parseReplayHash('#walk=w1&tag=t%3A1')).toEqual({ auditId: null, walkId: 'w1', stepId: null, tagId: 't:1' });
  });

  it('reads a walk opened at a moment, with its page load or without; a junk moment is no moment', () => {
    expect(parseReplayHash('#walk=w1&at=1700000000123&rec=r%3A1')).toEqual({
      auditId: null,
      walkId: 'w1',
      stepId: null,
      tagId: null,
      at: 1_700_000_000_123,
      recorderId: 'r:1',
    });
    expect(parseReplayHash('#walk=w1&at=1700000000123').recorderId).toBeUndefined();
    for (const junk of ['-5', '1e9', 'abc', '0', '99999999999999999']) {
      expect(parseReplayHash(`#walk=w1&at=${junk}&rec=r`)).not.toHaveProperty('at');
    }
    expect(parseReplayHash('#audit=a1&at=5')).not.toHaveProperty('at');
    expect(replayHash({ walkId: 'w1', at: 1_700_000_000_123.4, recorderId: 'r 1' })).toBe(
      '#walk=w1&at=1700000000123&rec=r+1',
    );
    expect(replayHash({ walkId: 'w1', recorderId: 'r1' })).toBe('#walk=w1');
  });

  it('writes what it reads', () => {
    for (const route of [
      { auditId: null, walkId: 'w1', stepId: 'tab:7:tab-opened:123', tagId: null },
      { auditId: null, walkId: 'w1', stepId: null, tagId: 'tag&1' },
      { auditId: 'a&b', walkId: null, stepId: null, tagId: null },
    ]) {
      expect(parseReplayHash(replayHash(route))).toEqual(route);
    }
    expect(replayHash({})).toBe('');
  });
});

describe('playerSize', () => {
  it('keeps the recorded viewport’s shape at the available width', () => {
    expect(playerSize({ width: 880, height: 2_000 }, { width: 1280, height: 800 })).toEqual({
      width: 880,
      height: 550,
    });
  });

  it('caps the height by the space available', () => {
    expect(playerSize({ width: 880, height: 400 }, { width: 400, height: 900 })).toEqual({ width: 880, height: 400 });
  });

  it('never goes below a readable minimum', () => {
    expect(playerSize({ width: 0, height: 0 }, null)).toEqual({ width: 320, height: 200 });
  });
});
