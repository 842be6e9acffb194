import { validateRequest } from '@/lib/messaging/protocol';

describe('page titles at the boundary', () => {
  const long = 'T'.repeat(2_000);
  const fields = { ces: 5, csat: null, note: '' };

  it('clips a title over 500 characters instead of refusing it, so the page can still be scored', () => {
    const resolve = validateRequest('touchpoint/resolve', { url: 'https://ventura.example/', title: long });
    expect(resolve).toEqual({ ok: true, value: { url: 'https://ventura.example/', title: 'T'.repeat(500) } });
    const score = validateRequest('score/save', { url: 'https://ventura.example/', title: long, fields });
    expect(score.ok && (score.value as { title: string }).title).toBe('T'.repeat(500));
  });

  it('still refuses a title no page would have (a forged message)', () => {
    const huge = 'T'.repeat(65 * 1024);
    expect(validateRequest('touchpoint/resolve', { url: 'https://ventura.example/', title: huge }).ok).toBe(false);
  });
});
