import { importText } from '@/lib/db/import';
import { type ImportProgress, type ImportRefusal, MAX_IMPORT_BYTES } from '@/lib/model/import';
import type { CommandDeps, SomeHandlers } from '@/lib/worker/commands';

type ImportMessage = 'import/slice' | 'import/commit' | 'import/cancel';

/** Tells the open views how far an import is (`import/progress`); never fails the import. */
export type PostProgress = (progress: ImportProgress) => void;

/** A session's slices are dropped when it sends nothing for this long (a panel closed mid-way). */
const SESSION_IDLE_MS = 10 * 60_000;
/** At most this many imports hold slices at once: a new one drops the oldest. */
const MAX_SESSIONS = 3;

interface Session {
  parts: string[];
  chars: number;
  touched: number;
}

/**
 * The panel's import: the file's text arrives in slices (`import/slice`, in order), then
 * `import/commit` parses, checks and writes it in one transaction (lib/db/import.ts) and
 * announces what it added. Slices live in memory only: a worker that restarted in between has
 * lost them, and the commit says so (`session-lost`) for the panel to send the file again.
 */
export function createImportCommands({
  db,
  now,
  announce,
  progress,
}: CommandDeps & { progress?: PostProgress }): SomeHandlers<ImportMessage> {
  const sessions = new Map<string, Session>();

  function sweep(at: number) {
    for (const [id, s] of sessions) if (at - s.touched > SESSION_IDLE_MS) sessions.delete(id);
    while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
  }

  return {
    async 'import/slice'({ sessionId, index, text }): Promise<ImportRefusal | null> {
      const at = now();
      sweep(at);
      let session = sessions.get(sessionId);
      if (index === 0) {
        session = { parts: [], chars: 0, touched: at };
        sessions.delete(sessionId);
        sessions.set(sessionId, session);
        sweep(at);
      }
      if (!session || session.parts.length !== index) {
        sessions.delete(sessionId);
        return { kind: 'session-lost' };
      }
      session.chars += text.length;
      if (session.chars > MAX_IMPORT_BYTES) {
        sessions.delete(sessionId);
        return { kind: 'too-large', size: session.chars, limit: MAX_IMPORT_BYTES };
      }
      session.parts.push(text);
      session.touched = at;
      return null;
    },

    async 'import/commit'({ sessionId, slices }) {
      const session = sessions.get(sessionId);
      sessions.delete(sessionId);
      if (!session || session.parts.length !== slices) return { ok: false, refusal: { kind: 'session-lost' } };
      const text = session.parts.join('');
      session.parts = [];
      const report = (p: Omit<ImportProgress, 'sessionId'>) => progress?.({ sessionId, ...p });
      const result = await importText(db, text, { progress: report });
      if (result.ok) for (const notice of result.notices) announce(notice.auditId, notice.changes);
      return result.ok ? { ok: true, summary: result.summary } : { ok: false, refusal: result.refusal };
    },

    async 'import/cancel'({ sessionId }) {
      sessions.delete(sessionId);
      return null;
    },
  };
}
