import { describe, expect, it } from 'vitest';
import { Change, DataChanged } from '@/lib/model';

describe('Change', () => {
  it('accepts a delete by id and a chunks notice, and refuses an unknown store or a put without its record', () => {
    expect(Change.safeParse({ store: 'tags', op: 'delete', id: 't1' }).success).toBe(true);
    expect(Change.safeParse({ store: 'chunks', op: 'put', walkId: 'w1', ids: ['c1'] }).success).toBe(true);
    expect(
      Change.safeParse({ store: 'chunks', op: 'put', walkId: 'w1', ids: ['c1'], data: 'x' }).data,
    ).not.toHaveProperty('data');
    expect(Change.safeParse({ store: 'secrets', op: 'delete', id: 'x' }).success).toBe(false);
    expect(Change.safeParse({ store: 'tags', op: 'put' }).success).toBe(false);
    expect(DataChanged.safeParse({ auditId: 'a1', changes: [{ store: 'steps', op: 'delete', id: 's' }] }).success).toBe(
      false,
    );
  });
});
