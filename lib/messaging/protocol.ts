import { z } from 'zod';
import {
  AnchorRect,
  AuditInput,
  Category,
  Channel,
  DataChanged,
  OffsiteEvent,
  OffsiteFields,
  Persona,
  PersonaInput,
  Stage,
  Audit,
  WalkOutcome,
  AnchorSize,
  FlushBatch,
  FlushResult,
  Id,
  Score,
  ScoreFields,
  Tag,
  TagFields,
  Touchpoint,
  Walk,
} from '@/lib/model';

const PageUrl = z.string().max(4096);

/** What the overlay sends to pin a tag; the background adds the walk, tab, touchpoint and ids. */
export const TagDraft = Tag.pick({
  recorderId: true,
  url: true,
  pageTitle: true,
  at: true,
  anchor: true,
  target: true,
  screenshotId: true,
}).extend({ fields: TagFields });

export const Command = z.enum(['tag-friction', 'score-touchpoint']);
export type Command = z.infer<typeof Command>;

/**
 * Every message between Touchpoint's contexts, with its payload and answer. A handler sees only
 * what parsed: messages are a trust boundary (a content script runs next to a hostile page).
 */
export const protocol = {
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
  /** Recorder → background: the touchpoint of the page it is on, created when the page is new. */
  'touchpoint/resolve': {
    request: z.object({ url: PageUrl, title: z.string().max(500) }),
    response: Touchpoint.nullable(),
  },
  /**
   * Recorder → background: capture the visible tab (the overlay hidden first) and keep the part
   * around `rect` (viewport CSS pixels). `screenshotId` is null when the browser refused: Chrome
   * lets an extension capture a tab only after the auditor invoked it there (activeTab).
   */
  'tag/capture': {
    request: z.object({ rect: AnchorRect, viewport: AnchorSize }),
    response: z.object({ screenshotId: Id.nullable(), problem: z.enum(['no-permission', 'failed']).nullable() }),
  },
  /** Recorder → background: pin a new tag. */
  'tag/save': { request: TagDraft, response: Tag },
  /** Recorder → background: change a tag's form fields. */
  'tag/update': { request: z.object({ id: Id, fields: TagFields }), response: Tag },
  'tag/delete': { request: z.object({ id: Id }), response: z.null() },
  /** Recorder → background: the walk's tags on this page (same URL, fragment aside), for markers. */
  'tag/list-page': { request: z.object({ url: PageUrl }), response: z.array(Tag) },
  /** Recorder → background: score the touchpoint of this page; scoring again replaces the score. */
  'score/save': {
    request: z.object({ url: PageUrl, title: z.string().max(500), fields: ScoreFields }),
    response: Score,
  },
  /** Recorder → background: this page's touchpoint's score in the walk, to fill the form. */
  'score/get': { request: z.object({ url: PageUrl }), response: Score.nullable() },
  /**
   * Recorder → background: load the tagging tools (pick mode, forms, markers) into my tab. They
   * are a second content script, injected only when needed, so every page pays only the recorder.
   */
  'tagger/inject': { request: z.object({}), response: z.null() },
  /** Recorder → background: show or hide tag markers on the walk's pages. */
  'overlay/show-tags': { request: z.object({ on: z.boolean() }), response: z.null() },
  /** Background → recorder: the auditor pressed one of Touchpoint's keyboard shortcuts. */
  'overlay/command': { request: z.object({ command: Command }), response: z.null() },
  /**
   * Background → every open view (panels, replay pages): what a command or a flush changed, after
   * the commit. Views apply it to what they hold instead of reading the walk again.
   */
  'data/changed': { request: DataChanged, response: z.null() },
  /** Panel or replay page → background: resolves once the worker has opened (and upgraded) the database. */
  'db/ready': { request: z.object({}), response: z.null() },

  // Commands of the extension's own pages (panel, replay). The worker is the only writer of
  // IndexedDB: each command is validated here, answered with its result, then announced.
  'audit/create': { request: AuditInput, response: Audit },
  'audit/set-categories': {
    request: z.object({ auditId: Id, categories: z.array(Category).min(1).max(60) }),
    response: Audit,
  },
  /** Adds a persona (no `id`) or edits one. */
  'persona/save': { request: z.object({ id: Id.optional(), input: PersonaInput }), response: Persona },
  'persona/delete': { request: z.object({ id: Id }), response: z.null() },
  'touchpoint/edit': {
    request: z.object({
      id: Id,
      edit: z.object({
        name: z.string().trim().min(1).max(200).optional(),
        channel: Channel.optional(),
        stage: Stage.optional(),
      }),
    }),
    response: Touchpoint,
  },
  'touchpoint/merge': { request: z.object({ keepId: Id, goneId: Id }), response: Touchpoint },
  'touchpoint/split': {
    request: z.object({ id: Id, pattern: z.string().min(1).max(1000) }),
    response: z.object({ kept: Touchpoint, created: Touchpoint }).nullable(),
  },
  /** Panel → background: edit any tag of any walk (walk tabs use `tag/update`, limited to their walk). */
  'tag/edit': { request: z.object({ id: Id, fields: TagFields }), response: Tag },
  'tag/remove': { request: z.object({ id: Id }), response: z.null() },
  /** Adds an event of another channel to a walk (no `id`) or edits one. */
  'offsite/save': {
    request: z.object({ walkId: Id, id: Id.optional(), fields: OffsiteFields }),
    response: OffsiteEvent,
  },
  'offsite/delete': { request: z.object({ id: Id }), response: z.null() },
  'walk/outcome': { request: z.object({ walkId: Id, outcome: WalkOutcome }), response: Walk },
} as const;

export type Protocol = typeof protocol;

/** Parses a request against the protocol: the background's guard against a forged message. */
export function validateRequest(name: keyof Protocol, payload: unknown) {
  const r = protocol[name].request.safeParse(payload);
  return r.success
    ? { ok: true as const, value: r.data as unknown }
    : { ok: false as const, error: `Bad ${name}: ${r.error.message}` };
}
