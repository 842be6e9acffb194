import type { z } from 'zod';

// Reads zod 4 schemas through their definitions (`_zod.def`), the one place every kind of schema
// describes itself: what the protocol tests need to build a valid payload of any message, and
// then to break it one field at a time.

type Schema = z.core.$ZodType;
type Path = (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: zod's definitions differ by kind; read as data
type Def = any;

const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const ok = (s: Schema, v: unknown) => (s as unknown as z.ZodType).safeParse(v).success;

/** The largest length a string or array schema allows, or undefined when it has no bound. */
export function maxLength(s: Schema): number | undefined {
  let max: number | undefined;
  for (const c of def(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'max_length') max = Math.min(max ?? d.maximum, d.maximum);
    if (d.check === 'length_equals') max = d.length;
  }
  return max;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'prefault', 'catch']);
const STRINGS = ['a', 'https://ventura.example/', '0123abcd', '2026-01-01', 'a@example.com', 'x'.repeat(8)];

/** A value the schema accepts, every optional part filled in (so that every field can be broken), or undefined. */
export function sample(s: Schema): unknown {
  const d = def(s);
  switch (d.type) {
    case 'string': {
      const min = d.checks?.find((c: Def) => c._zod.def.check === 'min_length')?._zod.def.minimum ?? 0;
      for (const base of STRINGS) {
        const v = base.length >= min ? base : base + 'a'.repeat(min - base.length);
        if (ok(s, v)) return v;
      }
      return ok(s, crypto.randomUUID()) ? crypto.randomUUID() : undefined;
    }
    case 'number':
      return [0, 1, 2, 3, 4, 5, 7, 10, 100, 1_000, 100_000].find((n) => ok(s, n));
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(d.entries)[0];
    case 'literal':
      return d.values[0];
    case 'null':
      return null;
    case 'unknown':
    case 'any':
      return null;
    case 'array': {
      const item = sample(d.element);
      const min = d.checks?.find((c: Def) => c._zod.def.check === 'min_length')?._zod.def.minimum ?? 1;
      return Array.from({ length: Math.max(1, min) }, () => structuredClone(item));
    }
    case 'object':
      return Object.fromEntries(Object.entries(d.shape).map(([k, v]) => [k, sample(v as Schema)]));
    case 'record':
      return {};
    case 'union':
      for (const o of d.options) {
        const v = sample(o);
        if (ok(s, v)) return v;
      }
      return undefined;
    case 'pipe':
      return sample(d.in);
    case 'lazy':
      return sample(d.getter());
    default:
      return WRAPPERS.has(d.type) ? sample(d.innerType) : undefined;
  }
}

export interface Leaf {
  path: Path;
  /** string, array, number, boolean, enum, object… */
  type: string;
  max: number | undefined;
}

/** Every field of `value` (a value `s` accepts) with the schema that holds it: strings, arrays and the rest. */
export function leaves(s: Schema, value: unknown, path: Path = [], out: Leaf[] = []): Leaf[] {
  const d = def(s);
  if (WRAPPERS.has(d.type)) {
    if (value !== undefined && value !== null) leaves(d.innerType, value, path, out);
    return out;
  }
  if (d.type === 'pipe') return leaves(d.in, value, path, out);
  if (d.type === 'lazy') return leaves(d.getter(), value, path, out);
  if (d.type === 'union') {
    const option = d.options.find((o: Schema) => ok(o, value));
    if (option) leaves(option, value, path, out);
    return out;
  }
  if (path.length > 0) out.push({ path, type: d.type, max: maxLength(s) });
  if (d.type === 'object' && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(d.shape))
      leaves(v as Schema, (value as Record<string, unknown>)[k], [...path, k], out);
  }
  if (d.type === 'array' && Array.isArray(value) && value.length > 0) leaves(d.element, value[0], [...path, 0], out);
  return out;
}

/** Every string or array in `s` (however deep) that has no upper bound, as a dotted path. */
export function unbounded(s: Schema, path = '', out: string[] = [], seen = new Set<Schema>()): string[] {
  if (seen.has(s)) return out;
  seen.add(s);
  const d = def(s);
  const here = path || '(payload)';
  if ((d.type === 'string' || d.type === 'array') && maxLength(s) === undefined) out.push(here);
  if (d.type === 'array') unbounded(d.element, `${path}[]`, out, seen);
  if (d.type === 'object') {
    for (const [k, v] of Object.entries(d.shape)) unbounded(v as Schema, path ? `${path}.${k}` : k, out, seen);
    if (d.catchall && def(d.catchall).type !== 'never') out.push(`${here}.*`);
  }
  // A record is bounded when its keys are an enum (a fixed set); its values must be bounded too.
  if (d.type === 'record') {
    if (def(d.keyType).type !== 'enum') out.push(`${here}{}`);
    unbounded(d.valueType, `${path}{}`, out, seen);
  }
  if (d.type === 'union') for (const o of d.options) unbounded(o, path, out, seen);
  if (d.type === 'tuple') for (const [i, o] of d.items.entries()) unbounded(o, `${path}[${i}]`, out, seen);
  if (d.type === 'pipe') unbounded(d.in, path, out, seen);
  if (d.type === 'lazy') unbounded(d.getter(), path, out, seen);
  if (WRAPPERS.has(d.type)) unbounded(d.innerType, path, out, seen);
  return out;
}

/** `value` with the field at `path` replaced (a deep copy: the original stays valid). */
export function withField(value: unknown, path: Path, field: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) at[last] = field;
  return copy;
}

/** A value of the wrong type for a field of `type`. */
export function wrongType(type: string): unknown {
  if (type === 'string' || type === 'enum' || type === 'literal') return 12_345;
  if (type === 'number') return 'not a number';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return 'not a list';
  return 12_345; // an object: not a string either, which some unions accept instead
}
