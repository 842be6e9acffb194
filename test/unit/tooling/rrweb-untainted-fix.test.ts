import { readFileSync } from 'node:fs';
import { fixUntaintedCheck } from '../../../scripts/rrweb-untainted-fix';

const builds = ['node_modules/@rrweb/record/dist/record.js', 'node_modules/@rrweb/record/dist/record.umd.cjs'];

/** The object literal `const NAME = { … };` as written in the build. */
function literal(code: string, name: string): string {
  const m = new RegExp(`const ${name} = \\{[^}]*\\}`).exec(code);
  if (!m) throw new Error(`${name} not found`);
  return m[0];
}

describe('the rrweb untainted-prototype fix', () => {
  it.each(builds)('lists querySelector and querySelectorAll as methods of Element, not accessors, in %s', (file) => {
    const fixed = fixUntaintedCheck(readFileSync(file, 'utf8'));
    const accessors = literal(fixed, 'testableAccessors');
    const methods = literal(fixed, 'testableMethods');
    expect(accessors).toMatch(/Element: \["shadowRoot"\],/);
    expect(accessors).not.toContain('querySelector');
    expect(methods).toMatch(/Element: \["querySelector", "querySelectorAll"\],/);
    // Nothing else in the check moves.
    expect(literal(fixed, 'testableMethods').replace(/Element: \[[^\]]*\],/, '')).toBe(
      literal(readFileSync(file, 'utf8'), 'testableMethods').replace(/Element: \[[^\]]*\],/, ''),
    );
  });

  it('refuses code whose check no longer has the bug (fixed upstream, or changed)', () => {
    const once = fixUntaintedCheck(readFileSync(builds[0] as string, 'utf8'));
    expect(() => fixUntaintedCheck(once)).toThrow(/changed its untainted-prototype check/);
    expect(() => fixUntaintedCheck('export const record = () => {};')).toThrow(/rrweb-untainted-fix/);
  });
});
