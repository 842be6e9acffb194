import { words } from '@/test/unit/support/i18n';
import { type ImportRefusal, MAX_IMPORT_BYTES } from '@/lib/model/import';

const english = words('en').present;
const spanish = words('es').present;

const EVERY: ImportRefusal[] = [
  { kind: 'not-json' },
  { kind: 'not-export' },
  { kind: 'newer-version', version: 4, supported: 3 },
  { kind: 'too-large', size: 250 * 1024 * 1024, limit: MAX_IMPORT_BYTES },
  ...(['missing', 'type', 'too-big', 'too-small', 'format', 'value', 'mismatch', 'other'] as const).map(
    (issue): ImportRefusal => ({ kind: 'invalid', path: 'walks[0].tags[3].severity', issue }),
  ),
  { kind: 'conflict', path: 'walks[1].id' },
  { kind: 'storage-full' },
  { kind: 'write-failed' },
  { kind: 'session-lost' },
];

describe('import refusals, worded at display time', () => {
  it('every kind reads as a whole sentence in English and Spanish, each different', () => {
    for (const p of [english, spanish]) {
      const texts = EVERY.map((r) => p.importRefusal(r));
      for (const text of texts) {
        expect(text).not.toMatch(/MISSING|\$/);
        expect(text.length).toBeGreaterThan(20);
      }
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('names the field, the versions and the sizes', () => {
    const bad: ImportRefusal = { kind: 'invalid', path: 'walks[0].tags[3].severity', issue: 'type' };
    expect(english.importRefusal(bad)).toBe(
      'This is not a valid Touchpoint export: the field walks[0].tags[3].severity has the wrong type.',
    );
    expect(spanish.importRefusal(bad)).toBe(
      'No es una exportación válida de Touchpoint: el campo walks[0].tags[3].severity tiene un tipo incorrecto.',
    );
    expect(english.importRefusal({ kind: 'newer-version', version: 4, supported: 3 })).toContain('(format 4)');
    expect(spanish.importRefusal({ kind: 'newer-version', version: 4, supported: 3 })).toContain('hasta el 3');
    const big = english.importRefusal({ kind: 'too-large', size: 250 * 1024 * 1024, limit: MAX_IMPORT_BYTES });
    expect(big).toContain(english.bytes(MAX_IMPORT_BYTES));
    expect(big).toContain(english.bytes(250 * 1024 * 1024));
    expect(spanish.importMigrated(1)).toBe('Leído de un formato anterior (1) y puesto al día.');
  });
});
