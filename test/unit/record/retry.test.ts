import { withRetry } from '@/lib/record/retry';

describe('withRetry', () => {
  it('returns the first success after failures', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Error('worker asleep');
        return 'ok';
      },
      4,
      1,
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the last try with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error(`fail ${calls}`);
        },
        3,
        1,
      ),
    ).rejects.toThrow('fail 3');
    expect(calls).toBe(3);
  });
});
