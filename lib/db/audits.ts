import {
  Audit,
  type AuditInput,
  AuditInput as AuditInputSchema,
  type Category,
  originOf,
  Persona,
  type PersonaInput,
} from '@/lib/model';
import { PersonaInput as PersonaInputSchema } from '@/lib/model';
import type { Db } from '@/lib/db/open-db';

/** Audits and their personas. Every read is parsed: IndexedDB is a trust boundary too. */
export async function createAudit(db: Db, input: AuditInput, now = Date.now()): Promise<Audit> {
  const fields = AuditInputSchema.parse(input);
  const audit = Audit.parse({
    ...fields,
    id: crypto.randomUUID(),
    origins: [originOf(fields.startUrl)],
    createdAt: now,
  });
  await db.put('audits', audit);
  return audit;
}

/** Adds a persona (no `id`) or edits one; an edit keeps the persona's audit and creation time. */
export async function savePersona(db: Db, input: PersonaInput, id?: string, now = Date.now()): Promise<Persona> {
  const fields = PersonaInputSchema.parse(input);
  const tx = db.transaction('personas', 'readwrite');
  const existing = id ? await tx.store.get(id) : undefined;
  if (id && !existing) throw new Error('That persona no longer exists.');
  if (existing && existing.auditId !== fields.auditId) throw new Error('That persona belongs to another audit.');
  const persona = Persona.parse({ ...fields, id: id ?? crypto.randomUUID(), createdAt: existing?.createdAt ?? now });
  await tx.store.put(persona);
  await tx.done;
  return persona;
}

/** Deletes a persona; answers it as it was (undefined when it was already gone). */
export async function deletePersona(db: Db, id: string): Promise<Persona | undefined> {
  const tx = db.transaction('personas', 'readwrite');
  const row = await tx.store.get(id);
  if (row) await tx.store.delete(id);
  await tx.done;
  return row ? Persona.parse(row) : undefined;
}

/** Replaces an audit's friction taxonomy. Tags keep their category ids; a removed one shows its id. */
export async function setAuditCategories(db: Db, auditId: string, categories: Category[]): Promise<Audit> {
  const tx = db.transaction('audits', 'readwrite');
  const row = await tx.store.get(auditId);
  if (!row) throw new Error('That audit no longer exists.');
  const next = Audit.parse({ ...row, categories });
  await tx.store.put(next);
  await tx.done;
  return next;
}
