import { Channel, Phase, phaseOf, Stage, Touchpoint } from '@/lib/model';

const valid = {
  id: 'tp-1',
  auditId: 'audit-1',
  name: '  Carrito ',
  channel: 'web',
  stage: 'purchase',
  stageGuessed: true,
  patterns: ['shop.example/cart'],
  createdAt: 1,
};

describe('the touchpoint model', () => {
  it('lists the channels and the stages in journey order', () => {
    expect(Channel.options).toEqual([
      'web',
      'mobile-web',
      'app',
      'email',
      'phone',
      'chat',
      'social',
      'store',
      'ads',
      'other',
    ]);
    expect(Stage.options).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'onboarding',
      'use',
      'support',
      'loyalty',
      'advocacy',
    ]);
    expect(Phase.options).toEqual(['before', 'during', 'after']);
  });

  it('puts each stage in its phase, and the phases in stage order', () => {
    expect(Stage.options.map(phaseOf)).toEqual([
      'before',
      'before',
      'during',
      'during',
      'during',
      'after',
      'after',
      'after',
    ]);
  });

  it('accepts a web touchpoint and an off-site one, trimming the name', () => {
    expect(Touchpoint.parse(valid)).toEqual({ ...valid, name: 'Carrito' });
    const call = { ...valid, channel: 'phone', stage: 'support', stageGuessed: false, patterns: [] };
    expect(Touchpoint.parse(call)).toEqual({ ...call, name: 'Carrito' });
  });

  it('rejects unknown channels and stages, blank names and empty patterns', () => {
    for (const bad of [
      { channel: 'fax' },
      { stage: 'retention' },
      { name: '   ' },
      { patterns: [''] },
      { stageGuessed: 'yes' },
      { createdAt: -1 },
    ])
      expect(Touchpoint.safeParse({ ...valid, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });
});
