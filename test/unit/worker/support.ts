import type { Change, DataChanged } from '@/lib/model';
import type { Announce } from '@/lib/worker/announce';

/** An `Announce` that keeps what it was told, as the open views would hear it. */
export function heardChanges() {
  const heard: DataChanged[] = [];
  const announce: Announce = (auditId, changes) => {
    if (changes.length > 0) heard.push({ auditId, changes: [...changes] });
  };
  /** Each change as `store op id`, in the order announced: short to compare. */
  const summary = () => heard.flatMap((h) => h.changes.map(describe));
  return { announce, heard, summary, clear: () => void heard.splice(0) };
}

export function describe(c: Change): string {
  if (c.store === 'chunks') return `chunks put ${c.ids.join(',')}`;
  if (c.op === 'delete') return `${c.store} delete ${c.id}`;
  const id = 'id' in c.value ? c.value.id : '';
  return `${c.store} put ${id}`;
}
