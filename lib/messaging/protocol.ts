import { z } from 'zod';
import { FlushBatch, FlushResult, Id, RecorderContext, Walk } from '../model';

/**
 * Every message between Touchpoint's contexts, with its payload and answer. A handler sees only
 * what parsed: messages are a trust boundary (a content script runs next to a hostile page).
 */
export const protocol = {
  /** Recorder → background, on injection: am I in a walk tab, and how do I record? */
  'recorder/hello': { request: z.object({}), response: RecorderContext.nullable() },
  /** Recorder → background: store these events; the answer comes after the commit. */
  'recorder/flush': { request: FlushBatch, response: FlushResult },
  /** Background → recorder: deliver everything held now (the walk is about to end). */
  'recorder/drain': { request: z.object({}), response: z.null() },
  /** Panel → background: start a walk (opens the start URL, or takes the given tab). */
  'walk/start': {
    request: z.object({
      auditId: Id,
      personaId: Id,
      auditorName: z.string().max(120),
      tabId: z.number().int().optional(),
    }),
    response: Walk,
  },
  'walk/end': { request: z.object({ walkId: Id }), response: Walk.nullable() },
  'walk/pause': { request: z.object({ walkId: Id, paused: z.boolean() }), response: Walk.nullable() },
  /** Background → recorders and pages: the walk changed (paused, resumed, ended, grew). */
  'walk/changed': { request: z.object({ walk: Walk }), response: z.null() },
} as const;

export type Protocol = typeof protocol;

/** Parses a request against the protocol: the background's guard against a forged message. */
export function validateRequest(name: keyof Protocol, payload: unknown) {
  const r = protocol[name].request.safeParse(payload);
  return r.success
    ? { ok: true as const, value: r.data as unknown }
    : { ok: false as const, error: `Bad ${name}: ${r.error.message}` };
}
