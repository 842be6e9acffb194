import { DEFAULT_CATEGORIES } from '@/lib/model/tag';
import { EXPORT_SCHEMA_VERSION } from '@/lib/model/export';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets each key the object lacks; a key present (even wrong) is left for the schema to judge. */
function fill(target: unknown, defaults: () => Json): void {
  if (!isObject(target)) return;
  for (const [key, value] of Object.entries(defaults())) if (!(key in target)) target[key] = value;
}

function eachWalk(file: Json, run: (walk: unknown) => void): void {
  if (Array.isArray(file.walks)) for (const w of file.walks) run(w);
}

/**
 * Each step reads a file of format N-1 as format N: what the newer format added, with the value
 * that says "none recorded". The schema (lib/model/export.ts) has the same defaults; the steps
 * say it here, one per format, so that what an older file becomes is written down and tested.
 * Only absent keys are added, so a refusal's path is still the path in the file as it was written.
 */
const STEPS: Record<number, (file: Json) => void> = {
  // 1 → 2: the journey. Touchpoints, tags, scores, off-site events, signals and KPIs came with
  // format 2, and walk outcomes and the audit's friction categories with them.
  2: (file) => {
    fill(file, () => ({ touchpoints: [] }));
    fill(file.audit, () => ({ categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })) }));
    eachWalk(file, (w) => fill(w, () => ({ tags: [], scores: [], offsite: [], signals: [], kpis: [], outcome: null })));
  },
  // 2 → 3: consistency. Each walk's facts, the auditor's decisions and the divergences.
  3: (file) => {
    eachWalk(file, (w) => fill(w, () => ({ facts: [] })));
    fill(file, () => ({ decisions: [], divergences: [] }));
  },
  // 3 → 4: store a page once. Each walk's shared stylesheet texts; older chunks hold theirs inline.
  4: (file) => {
    eachWalk(file, (w) => fill(w, () => ({ assets: [] })));
  },
};

/**
 * A parsed file of format `from` (1 ≤ from ≤ current) brought to the current format, in place,
 * step by step. Returns the file with `schemaVersion` set to the current one.
 */
export function migrate(file: Json, from: number): Json {
  for (let v = from + 1; v <= EXPORT_SCHEMA_VERSION; v++) STEPS[v]?.(file);
  file.schemaVersion = EXPORT_SCHEMA_VERSION;
  return file;
}
