import { words } from '@/test/unit/support/i18n';
import {
  Channel,
  DEFAULT_CATEGORIES,
  EndReason,
  FactKind,
  Stage,
  StepKind,
  TARGET_KINDS,
  type TouchpointKpis,
  WalkStatus,
} from '@/lib/model';

const english = words('en').present;
const spanish = words('es').present;

const kpis = (over: Partial<TouchpointKpis>): TouchpointKpis => ({
  touchpointId: 'tp',
  timeMs: 185_000,
  visits: 0,
  jsErrors: 0,
  failedRequests: 0,
  tagsBySeverity: [0, 0, 0, 0, 0],
  meanTagEffort: null,
  steps: 0,
  clicks: 0,
  errors: 0,
  waits: { count: 0, totalMs: 0, maxMs: 0 },
  reschedules: 0,
  transfers: 0,
  meanCes: null,
  meanCsat: null,
  tags: 0,
  ...over,
});

describe('plurals', () => {
  it('names a language in the UI’s language, and keeps a code it does not know', () => {
    expect(english.language('es')).toBe('Spanish');
    expect(spanish.language('en')).toBe('inglés');
    expect(spanish.language('!!')).toBe('!!');
  });

  it('take the form the count asks for, in both languages', () => {
    expect(english.plural('kpiSteps', 1)).toBe('1 step');
    expect(english.plural('kpiSteps', 2)).toBe('2 steps');
    expect(spanish.plural('kpiSteps', 1)).toBe('1 paso');
    expect(spanish.plural('kpiClicks', 1)).toBe('1 clic');
    expect(spanish.plural('kpiClicks', 1200)).toBe('1200 clics');
    expect(spanish.plural('markersMissing', 1)).toContain('No se pudo situar 1 etiqueta');
    expect(spanish.plural('markersMissing', 3)).toContain('No se pudieron situar 3 etiquetas');
  });

  it('word the KPIs of a touchpoint with plurals, spans and decimal marks of the locale', () => {
    const k = kpis({ steps: 1, clicks: 1, waits: { count: 1, totalMs: 65_000, maxMs: 65_000 }, meanCes: 4.5, tags: 2 });
    expect(spanish.kpiPhrases(k)).toEqual([
      'Tiempo: 3 min 5 s',
      '1 paso',
      '1 clic',
      '1 espera (1 min 5 s)',
      'CES 4,5',
      '2 etiquetas',
    ]);
    expect(english.kpiPhrases(k)).toEqual([
      '3 min 5 sec spent',
      '1 step',
      '1 click',
      '1 wait (1 min 5 sec)',
      'CES 4.5',
      '2 tags',
    ]);
  });
});

describe('targets', () => {
  it('are worded at display time, in the UI language', () => {
    const target = { kind: 'button', name: 'Next step' } as const;
    expect(english.target(target)).toBe('button “Next step”');
    expect(spanish.target(target)).toBe('botón «Next step»');
    expect(spanish.target({ kind: 'field', name: 'Full name' })).toBe('campo «Full name»');
    expect(spanish.target({ kind: 'password-field', name: '' })).toBe('campo de contraseña');
    expect(spanish.target({ kind: 'element', name: 'Desde 2.190 €' })).toBe('«Desde 2.190 €»');
    expect(english.target({ kind: 'element', name: '' })).toBe('element');
  });

  it('show a sentence stored before targets were structured as it is, and nothing for none', () => {
    expect(spanish.target('button "Next step"')).toBe('button "Next step"');
    expect(spanish.target(null)).toBe('');
  });
});

describe('labels of every enum', () => {
  const enums: [string, readonly string[], (v: never) => string][] = [
    ['step kinds', StepKind.options, spanish.stepKind],
    ['walk status', WalkStatus.options, spanish.walkStatus],
    ['end reasons', EndReason.options, spanish.endReason],
    ['channels', Channel.options, spanish.channel],
    ['stages', Stage.options, spanish.stage],
    ['fact kinds', FactKind.options, spanish.factKind],
    ['targets', TARGET_KINDS, (kind: never) => spanish.target({ kind, name: '' })],
  ];

  it.each(enums)('%s: each value has its own words', (_, values, label) => {
    const words = values.map((v) => label(v as never));
    for (const w of words) expect(w).toMatch(/\S/);
    expect(new Set(words).size).toBe(words.length);
  });

  it('scales have a label for each point and fall back inside the scale', () => {
    expect([0, 1, 2, 3, 4].map(spanish.severity)).toContain('3 · Grave');
    expect(spanish.ces(7)).toBe('7 · Totalmente de acuerdo');
    expect(spanish.csat(1)).toBe('1 · Muy insatisfecho');
    expect(spanish.emotion(-2)).toBe('−2 · Muy negativa');
    expect(english.emotion(2)).toBe('+2 · Very positive');
    expect(spanish.formality(null)).toBe('Sin anotar');
  });

  it('a walk that ended says why; one still running says so', () => {
    expect(spanish.walkState({ status: 'ended', endReason: 'auditor' })).toBe('Terminado por el auditor');
    expect(spanish.walkState({ status: 'recording', endReason: null })).toBe('Grabando');
  });

  it('default categories are translated; one the auditor added shows as typed', () => {
    const findability = DEFAULT_CATEGORIES[0];
    if (!findability) throw new Error('no default category');
    expect(spanish.category(findability)).toBe('Localización y navegación');
    expect(english.category(findability)).toBe('Findability and navigation');
    expect(spanish.category({ id: 'late-refund', label: 'Late refund' })).toBe('Late refund');
  });
});

describe('figures', () => {
  it('follow the locale given', () => {
    expect(spanish.bytes(24_400)).toBe('24,4 kB');
    expect(english.bytes(24_400)).toBe('24.4 kB');
    expect(spanish.count(1234)).toBe('1234');
    expect(spanish.count(12_345)).toBe('12.345');
    expect(spanish.dateTime(new Date(2026, 11, 4, 19, 11).getTime())).toBe('4 dic 2026, 19:11');
  });
});
