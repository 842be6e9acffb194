import { Target } from '@/lib/model';

describe('a stored target', () => {
  it('is what was acted on, as data', () => {
    expect(Target.parse({ kind: 'button', name: 'Next step' })).toEqual({ kind: 'button', name: 'Next step' });
    expect(Target.parse(null)).toBeNull();
  });

  it('may be the English sentence of a record stored before targets were data', () => {
    expect(Target.parse('button "Next step"')).toBe('button "Next step"');
  });

  it('refuses a kind Touchpoint does not know, and a name past 300 characters', () => {
    expect(Target.safeParse({ kind: 'widget', name: 'x' }).success).toBe(false);
    expect(Target.safeParse({ kind: 'link', name: 'x'.repeat(301) }).success).toBe(false);
  });
});
