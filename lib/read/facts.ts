import type { Db } from '@/lib/db/open-db';
import { Decision, PageFacts } from '@/lib/model/fact';

/** One page load's facts record id: replaced, never duplicated, when the page is extracted again. */
export const factsId = (walkId: string, recorderId: string) => `${walkId}:${recorderId}`;
/** A decision's id: one per divergence key in an audit, so deciding again replaces it. */
export const decisionId = (auditId: string, key: string) => `${auditId}:${key}`;

/** The facts read from a walk's page loads, in recording order. */
export async function listFacts(db: Db, walkId: string): Promise<PageFacts[]> {
  const rows = await db.getAllFromIndex('facts', 'byWalk', walkId);
  return rows.map((r) => PageFacts.parse(r)).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export async function getFacts(db: Db, id: string): Promise<PageFacts | undefined> {
  const row = await db.get('facts', id);
  return row ? PageFacts.parse(row) : undefined;
}

/** The auditor's decisions on an audit's divergences, oldest first. */
export async function listDecisions(db: Db, auditId: string): Promise<Decision[]> {
  const rows = await db.getAllFromIndex('decisions', 'byAudit', auditId);
  return rows.map((r) => Decision.parse(r)).sort((a, b) => a.decidedAt - b.decidedAt || a.id.localeCompare(b.id));
}
