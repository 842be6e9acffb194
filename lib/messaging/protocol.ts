// Over 200 lines on purpose: every message between Touchpoint's contexts, with its payload, answer
// and senders, is in this one map (the brief's "one typed message protocol"); a reader and the
// bounds test (test/unit/messaging/bounds.test.ts) find them all here.
import { z } from 'zod';
import { MAX_MASKS } from '@/lib/capture/mask-boxes';
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
  RecordingStopped,
  Id,
  Score,
  ScoreFields,
  Tag,
  TagFields,
  Touchpoint,
  Walk,
  Anchor,
  Severity,
} from '@/lib/model';
import { Decision, FactKind, PageFacts } from '@/lib/model/fact';
import { IMPORT_SLICE_CHARS, ImportProgress, ImportRefusal, ImportResult, MAX_IMPORT_SLICES } from '@/lib/model/import';
import type { SenderContext } from '@/lib/messaging/sender';

const PageUrl = z.string().max(4096);
/**
 * A page's title, clipped to what a touchpoint or a tag keeps (500) rather than refused: a page
 * may have any length of title, and refusing it made the page impossible to score. The senders
 * clip too; the bound above only stops a forged message from making the worker copy megabytes.
 */
const PageTitle = z
  .string()
  .max(64 * 1024)
  .transform((title) => title.slice(0, 500));

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

/**
 * Who may send a message (checked by registerHandlers before anything else): a walk tab's content
 * script, one of the extension's pages (panel, replay page), or the worker (its broadcasts).
 */
const TAB = ['tab'] as const satisfies readonly SenderContext[];
const PAGE = ['page'] as const satisfies readonly SenderContext[];
/** The walk's own controls: the panel's and the overlay's Pause and End walk. */
const PAGE_OR_TAB = ['page', 'tab'] as const satisfies readonly SenderContext[];
const WORKER = ['worker'] as const satisfies readonly SenderContext[];

export const Command = z.enum(['tag-friction', 'score-touchpoint']);
export type Command = z.infer<typeof Command>;

/**
 * Every message between Touchpoint's contexts, with its payload and answer. A handler sees only
 * what parsed: messages are a trust boundary (a content script runs next to a hostile page).
 */
export const protocol = {
  /** Recorder → background: store these events; the answer comes after the commit. */
  'recorder/flush': { from: TAB, request: FlushBatch, response: FlushResult },
  /** Recorder → background: this page's recording stopped (a bound it hit): the walk keeps a step. */
  'recorder/stopped': { from: TAB, request: RecordingStopped, response: z.null() },
  /** Background → recorder: deliver everything held now (the walk is about to end). */
  'recorder/drain': { from: WORKER, request: z.object({}), response: z.null() },
  /** Panel → background: start a walk (opens the start URL, or takes the given tab). */
  'walk/start': {
    from: PAGE,
    request: z.object({
      auditId: Id,
      personaId: Id,
      auditorName: z.string().max(120),
      tabId: z.number().int().optional(),
    }),
    response: Walk,
  },
  'walk/end': { from: PAGE_OR_TAB, request: z.object({ walkId: Id }), response: Walk.nullable() },
  'walk/pause': {
    from: PAGE_OR_TAB,
    request: z.object({ walkId: Id, paused: z.boolean() }),
    response: Walk.nullable(),
  },
  /**
   * Background → the recorders of the walk's tabs: the walk changed (paused, resumed, ended).
   * Views (panels, replay pages) hear it as a `data/changed` walk put.
   */
  'walk/changed': { from: WORKER, request: z.object({ walk: Walk }), response: z.null() },
  /** Recorder → background: the touchpoint of the page it is on, created when the page is new. */
  'touchpoint/resolve': {
    from: TAB,
    request: z.object({ url: PageUrl, title: PageTitle }),
    response: Touchpoint.nullable(),
  },
  /**
   * Recorder → background: capture the visible tab (the overlay hidden first) and keep the part
   * around `rect` (viewport CSS pixels). `screenshotId` is null when the browser refused: Chrome
   * lets an extension capture a tab only after the auditor invoked it there (activeTab).
   */
  'tag/capture': {
    from: TAB,
    // `masks`: the boxes the worker paints over before the picture is stored (lib/capture/mask-boxes.ts);
    // `pixelRatio`: the page's devicePixelRatio, image pixels per CSS pixel (lib/capture/crop.ts).
    request: z.object({
      rect: AnchorRect,
      viewport: AnchorSize,
      masks: z.array(AnchorRect).max(MAX_MASKS).default([]),
      pixelRatio: z.number().positive().max(16).optional(),
    }),
    response: z.object({ screenshotId: Id.nullable(), problem: z.enum(['no-permission', 'failed']).nullable() }),
  },
  /** Recorder → background: pin a new tag. */
  'tag/save': { from: TAB, request: TagDraft, response: Tag },
  /** Recorder → background: change a tag's form fields. */
  'tag/update': { from: TAB, request: z.object({ id: Id, fields: TagFields }), response: Tag },
  'tag/delete': { from: TAB, request: z.object({ id: Id }), response: z.null() },
  /**
   * Recorder → background: the tag form was cancelled, so the screenshot taken when its element was
   * picked is no one's; deleted when it is of the sender's walk and no tag holds it.
   */
  'tag/discard-capture': { from: TAB, request: z.object({ screenshotId: Id }), response: z.null() },
  /** Recorder → background: the walk's tags on this page (same URL, fragment aside), for markers. */
  'tag/list-page': { from: TAB, request: z.object({ url: PageUrl }), response: z.array(Tag) },
  /** Recorder → background: score the touchpoint of this page; scoring again replaces the score. */
  'score/save': {
    from: TAB,
    request: z.object({ url: PageUrl, title: PageTitle, fields: ScoreFields }),
    response: Score,
  },
  /** Recorder → background: this page's touchpoint's score in the walk, to fill the form. */
  'score/get': { from: TAB, request: z.object({ url: PageUrl }), response: Score.nullable() },
  /**
   * Recorder → background: load the tagging tools (pick mode, forms, markers) into my tab. They
   * are a second content script, injected only when needed, so every page pays only the recorder.
   */
  'tagger/inject': { from: TAB, request: z.object({}), response: z.null() },
  /** Recorder → background: show or hide tag markers on the walk's pages. */
  'overlay/show-tags': { from: TAB, request: z.object({ on: z.boolean() }), response: z.null() },
  /** Background → recorder: the auditor pressed one of Touchpoint's keyboard shortcuts. */
  'overlay/command': { from: WORKER, request: z.object({ command: Command }), response: z.null() },
  /**
   * Background → every open view (panels, replay pages): what a command or a flush changed, after
   * the commit. Views apply it to what they hold instead of reading the walk again.
   */
  'data/changed': { from: WORKER, request: DataChanged, response: z.null() },
  /** Panel or replay page → background: resolves once the worker has opened (and upgraded) the database. */
  'db/ready': { from: PAGE, request: z.object({}), response: z.null() },

  // Commands of the extension's own pages (panel, replay). The worker is the only writer of
  // IndexedDB: each command is validated here, answered with its result, then announced.
  'audit/create': { from: PAGE, request: AuditInput, response: Audit },
  'audit/set-categories': {
    from: PAGE,
    request: z.object({ auditId: Id, categories: z.array(Category).min(1).max(60) }),
    response: Audit,
  },
  /** Adds a persona (no `id`) or edits one. */
  'persona/save': { from: PAGE, request: z.object({ id: Id.optional(), input: PersonaInput }), response: Persona },
  'persona/delete': { from: PAGE, request: z.object({ id: Id }), response: z.null() },
  'touchpoint/edit': {
    from: PAGE,
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
  'touchpoint/merge': { from: PAGE, request: z.object({ keepId: Id, goneId: Id }), response: Touchpoint },
  'touchpoint/split': {
    from: PAGE,
    request: z.object({ id: Id, pattern: z.string().min(1).max(1000) }),
    response: z.object({ kept: Touchpoint, created: Touchpoint }).nullable(),
  },
  /** Panel → background: edit any tag of any walk (walk tabs use `tag/update`, limited to their walk). */
  'tag/edit': { from: PAGE, request: z.object({ id: Id, fields: TagFields }), response: Tag },
  'tag/remove': { from: PAGE, request: z.object({ id: Id }), response: z.null() },
  /** Adds an event of another channel to a walk (no `id`) or edits one. */
  'offsite/save': {
    from: PAGE,
    request: z.object({ walkId: Id, id: Id.optional(), fields: OffsiteFields }),
    response: OffsiteEvent,
  },
  'offsite/delete': { from: PAGE, request: z.object({ id: Id }), response: z.null() },
  'walk/outcome': { from: PAGE, request: z.object({ walkId: Id, outcome: WalkOutcome }), response: Walk },
  /** Deletes an ended walk with everything recorded or added on it; the walk being recorded is refused. */
  'walk/delete': { from: PAGE, request: z.object({ walkId: Id }), response: z.null() },
  /** Deletes an audit with its walks, personas and touchpoints; refused while one of its walks records. */
  'audit/delete': { from: PAGE, request: z.object({ auditId: Id }), response: z.null() },

  // Consistency (issue 12). Facts are extracted off the page, by the panel from the recording
  // (lib/facts), and stored by the worker like every other record.
  /** Panel → background: the facts of one recorded page load; replaces the record of that page load. */
  'facts/put': { from: PAGE, request: PageFacts, response: z.null() },
  /**
   * Panel → background: the auditor's decision on a divergence (lib/consistency/compare.ts).
   * Confirming pins a friction tag of category "inconsistency" on `place` (a page fact's element);
   * deciding again replaces the decision (and removes the tag a confirmation made).
   */
  'consistency/decide': {
    from: PAGE,
    request: z.object({
      auditId: Id,
      key: Decision.shape.key,
      kind: FactKind,
      status: Decision.shape.status,
      /** For a confirmation: the page load (PageFacts id) and the fact's element to tag. */
      place: z.object({ factsId: PageFacts.shape.id, anchor: Anchor }).nullable(),
      severity: Severity,
      note: z.string().trim().max(4000),
    }),
    response: Decision,
  },
  /** Panel → background: forget a decision (and the tag its confirmation made). */
  'consistency/undo': { from: PAGE, request: z.object({ auditId: Id, key: Decision.shape.key }), response: z.null() },

  // Import (issue 13). The panel sends a JSON export's text in slices (a file can be tens of MB and
  // runtime messages are JSON-serialised), then commits: the worker parses, checks and writes it in
  // one transaction, reporting `import/progress` on the way. Refusals are kinds, worded by the panel.
  /** Panel → background: slice `index` (0, 1, 2…, in order) of the file's text; null when taken. */
  'import/slice': {
    from: PAGE,
    request: z.object({
      sessionId: Id,
      index: z.number().int().nonnegative().max(MAX_IMPORT_SLICES),
      text: z.string().max(IMPORT_SLICE_CHARS),
    }),
    response: ImportRefusal.nullable(),
  },
  /** Panel → background: every slice is sent (`slices` of them): import the file. */
  'import/commit': {
    from: PAGE,
    request: z.object({ sessionId: Id, slices: z.number().int().nonnegative().max(MAX_IMPORT_SLICES) }),
    response: ImportResult,
  },
  /** Panel → background: forget the slices of an import the auditor cancelled. */
  'import/cancel': { from: PAGE, request: z.object({ sessionId: Id }), response: z.null() },
  /** Background → every open view: how far an import is (the panel shows its own session's). */
  'import/progress': { from: WORKER, request: ImportProgress, response: z.null() },
} as const;

export type Protocol = typeof protocol;

/**
 * Parses a request against the protocol: the guard against a forged or broken message. The error
 * names the message and each wrong field on one line (`Bad persona/delete: id: Invalid input…`).
 */
export function validateRequest(name: keyof Protocol, payload: unknown) {
  const r = protocol[name].request.safeParse(payload);
  if (r.success) return { ok: true as const, value: r.data as unknown };
  const issues = r.error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message);
  return { ok: false as const, error: `Bad ${name}: ${issues.join('; ')}` };
}

/** The contexts that may send a message: what the worker and the pages pass to registerHandlers. */
export function sentBy(name: keyof Protocol): readonly SenderContext[] {
  return protocol[name].from;
}
