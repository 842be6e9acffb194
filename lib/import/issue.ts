import type { FieldIssue, ImportRefusal } from '@/lib/model/import';

export type Path = readonly PropertyKey[];

/** `['walks', 0, 'tags', 3, 'severity']` → `walks[0].tags[3].severity`, as people read it. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out.slice(0, 1000);
}

/** The value at `path` in the file as read (undefined when it is not there). */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The zod issue codes worded as the few kinds the panel says (lib/present/import-labels.ts). */
const BY_CODE: Record<string, FieldIssue> = {
  invalid_type: 'type',
  too_big: 'too-big',
  too_small: 'too-small',
  invalid_format: 'format',
  invalid_value: 'value',
  invalid_union: 'value',
  not_multiple_of: 'value',
  custom: 'value',
};

/** The refusal for a field: where it is and what is wrong with it (`missing` when it is absent). */
export function invalidField(root: unknown, path: Path, code: string): ImportRefusal {
  // Whatever check a field failed, an absent one is missing (an enum reports it as a wrong value).
  const absent = valueAt(root, path) === undefined;
  return { kind: 'invalid', path: formatPath(path), issue: absent ? 'missing' : (BY_CODE[code] ?? 'other') };
}
