import { readFileSync } from 'node:fs';
import { build } from 'rolldown';
import { fixHookSetterGetter, rrwebHookSetterFix } from '@/scripts/rrweb-hook-setter-fix';
import { rrwebUntaintedFix } from '@/scripts/rrweb-untainted-fix';

const builds = [
  'node_modules/@rrweb/record/dist/record.js',
  'node_modules/@rrweb/record/dist/record.cjs',
  'node_modules/@rrweb/record/dist/record.umd.cjs',
];

type HookSetter = (
  target: object,
  key: string,
  d: { set(this: unknown, v: unknown): void },
  isRevoked: boolean,
  win: { Object: Pick<ObjectConstructor, 'getOwnPropertyDescriptor' | 'defineProperty'> },
) => () => void;

/** rrweb's own hookSetter, taken out of the build's text and made callable (its revoke uses `window`). */
function hookSetterOf(code: string): HookSetter {
  const m = /function hookSetter\([\s\S]*?\n\}\n/.exec(code);
  if (!m) throw new Error('hookSetter not found');
  return new Function('window', `${m[0]}; return hookSetter;`)({ Object }) as HookSetter;
}

/**
 * defineProperty as a Firefox content script sees it on a DOM prototype (an Xray wrapper): the
 * new descriptor replaces the property whole, a field left out is not kept from the old one
 * (measured in firefox-esr 153.8). configurable stays true so that the hook can be revoked, as it
 * can in Firefox.
 */
const xrayLike = {
  Object: {
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    defineProperty<T>(target: T, key: PropertyKey, d: PropertyDescriptor): T {
      delete (target as Record<PropertyKey, unknown>)[key];
      return Object.defineProperty(target, key, { ...d, configurable: true });
    },
  },
};

/** A prototype whose `value` is a get+set accessor, like HTMLTextAreaElement.prototype's. */
function field() {
  class Field {
    #v = 'typed';
    get value() {
      return this.#v;
    }
    set value(v: string) {
      this.#v = v;
    }
  }
  return { proto: Field.prototype, el: new Field() as { value: unknown } };
}

const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('the rrweb hookSetter getter fix', () => {
  it.each(builds)('keeps the built-in getter where a setter-only definition loses it, in %s', async (file) => {
    const original = readFileSync(file, 'utf8');
    // The realm reproduces the bug with rrweb as published: reads give undefined.
    const buggy = field();
    hookSetterOf(original)(buggy.proto, 'value', { set() {} }, false, xrayLike);
    expect(buggy.el.value).toBeUndefined();

    const { proto, el } = field();
    const seen: unknown[] = [];
    const revoke = hookSetterOf(fixHookSetterGetter(original))(
      proto,
      'value',
      {
        set(this: unknown, v) {
          seen.push([this, v]);
        },
      },
      false,
      xrayLike,
    );
    expect(el.value).toBe('typed');
    el.value = 'changed';
    expect(el.value).toBe('changed');
    await nextTask();
    expect(seen).toEqual([[el, 'changed']]);
    revoke();
    el.value = 'after';
    await nextTask();
    expect(seen).toHaveLength(1);
    expect(el.value).toBe('after');
  });

  it('changes nothing else in the build, and still works where defineProperty merges', () => {
    const original = readFileSync(builds[0] as string, 'utf8');
    const fixed = fixHookSetterGetter(original);
    expect(fixed.replace(/\n\s*get: original && original\.get,/, '')).toBe(original);
    const { proto, el } = field();
    hookSetterOf(fixed)(proto, 'value', { set() {} }, false, { Object });
    expect(el.value).toBe('typed');
  });

  it('refuses code whose hookSetter no longer has the bug (fixed upstream, or changed)', () => {
    const once = fixHookSetterGetter(readFileSync(builds[0] as string, 'utf8'));
    expect(() => fixHookSetterGetter(once)).toThrow(/changed its hookSetter/);
    expect(() => fixHookSetterGetter('export const record = () => {};')).toThrow(/rrweb-hook-setter-fix/);
  });

  it('is applied where the content scripts import @rrweb/record, beside the untainted-check fix', async () => {
    const out = await build({
      input: 'virtual-entry',
      cwd: process.cwd(),
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === 'virtual-entry' ? id : null),
          load: (id) => (id === 'virtual-entry' ? "export { record } from '@rrweb/record';" : null),
        },
        rrwebUntaintedFix() as never,
        rrwebHookSetterFix() as never,
      ],
    });
    const code = out.output.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
    const hook = hookSetterOf(code);
    const { proto, el } = field();
    hook(proto, 'value', { set() {} }, false, xrayLike);
    expect(el.value).toBe('typed');
  });
});
