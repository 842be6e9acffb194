import { signal } from '@preact/signals';
import type { MessageKey } from '@/lib/i18n';
import type { Category, Score, ScoreFields, Tag, TagFields, Target } from '@/lib/model';
import type { Box } from '@/components/tagger/model/pick';

/** The tag form's values as the form holds them (numbers as strings from <select>s). */
export interface TagDraftFields {
  categoryId: string;
  severity: string;
  effort: string;
  emotion: string;
  momentOfTruth: TagFields['momentOfTruth'];
  aspect: TagFields['aspect'];
  resolutionStatus: TagFields['resolution']['status'];
  resolutionMinutes: string;
  note: string;
}

export function draftOf(categories: readonly Category[], tag?: TagFields): TagDraftFields {
  return {
    categoryId: tag?.categoryId ?? categories[0]?.id ?? 'findability',
    severity: String(tag?.severity ?? 2),
    effort: String(tag?.effort ?? 4),
    emotion: String(tag?.emotion ?? 0),
    momentOfTruth: tag?.momentOfTruth ?? 'no',
    aspect: tag?.aspect ?? 'interaction',
    resolutionStatus: tag?.resolution.status ?? 'unresolved',
    resolutionMinutes:
      tag?.resolution.minutes === null || tag?.resolution.minutes === undefined ? '' : String(tag.resolution.minutes),
    note: tag?.note ?? '',
  };
}

type Errors<T> = Partial<Record<keyof T, MessageKey>>;

export type FieldsResult = { ok: true; fields: TagFields } | { ok: false; errors: Errors<TagDraftFields> };

/** An integer from `text` within [min, max], or null. */
function intIn(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

const oneOf = <T extends string>(v: string, options: readonly T[]): v is T =>
  (options as readonly string[]).includes(v);

/**
 * The form's values as TagFields, or the fields in error (by message key). Checked by hand: the
 * tagger is a content script, and zod is not bundled into it; the worker parses again.
 */
export function fieldsOf(d: TagDraftFields): FieldsResult {
  const errors: Errors<TagDraftFields> = {};
  // Any id of the audit's taxonomy (a tag keeps its category even if the taxonomy changed since).
  if (!/^[a-z0-9-]{1,60}$/.test(d.categoryId)) errors.categoryId = 'errorChoose';
  const severity = intIn(d.severity, 0, 4);
  if (severity === null) errors.severity = 'errorChoose';
  const effort = intIn(d.effort, 1, 7);
  if (effort === null) errors.effort = 'errorChoose';
  const emotion = intIn(d.emotion, -2, 2);
  if (emotion === null) errors.emotion = 'errorChoose';
  if (!oneOf(d.momentOfTruth, ['predictable', 'unexpected', 'no'] as const)) errors.momentOfTruth = 'errorChoose';
  if (!oneOf(d.aspect, ['perception', 'interaction'] as const)) errors.aspect = 'errorChoose';
  if (!oneOf(d.resolutionStatus, ['resolved', 'workaround', 'unresolved'] as const)) {
    errors.resolutionStatus = 'errorChoose';
  }
  const minutesText = d.resolutionMinutes.trim().replace(',', '.');
  const minutes = minutesText === '' || d.resolutionStatus === 'unresolved' ? null : Number(minutesText);
  if (minutes !== null && (!Number.isFinite(minutes) || minutes < 0 || minutes > 1_000_000)) {
    errors.resolutionMinutes = 'errorMinutes';
  }
  if (severity === null || effort === null || emotion === null || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
      categoryId: d.categoryId,
      severity,
      effort,
      emotion,
      momentOfTruth: d.momentOfTruth,
      aspect: d.aspect,
      resolution: { status: d.resolutionStatus, minutes },
      note: d.note.trim().slice(0, 4000),
    },
  };
}

export interface ScoreDraft {
  ces: string;
  csat: string;
  note: string;
}

export function scoreDraftOf(s?: Score | null): ScoreDraft {
  return { ces: String(s?.ces ?? 4), csat: s?.csat ? String(s.csat) : '', note: s?.note ?? '' };
}

export type ScoreResult = { ok: true; fields: ScoreFields } | { ok: false; errors: Errors<ScoreDraft> };

/** The score form's values as ScoreFields; CSAT may be left unrated. */
export function scoreFieldsOf(d: ScoreDraft): ScoreResult {
  const ces = intIn(d.ces, 1, 7);
  const csat = d.csat === '' ? null : intIn(d.csat, 1, 5);
  const errors: Errors<ScoreDraft> = {};
  if (ces === null) errors.ces = 'errorChoose';
  if (d.csat !== '' && csat === null) errors.csat = 'errorChoose';
  if (ces === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: { ces, csat, note: d.note.trim().slice(0, 4000) } };
}

/** A tag placed on the page: where its element is drawn now, or null when it was not found. */
export interface PlacedMarker {
  tag: Tag;
  n: number;
  box: Box | null;
}

/** The tagger's state; components only render it. */
export function createTaggerModel() {
  return {
    /** 'picking': choosing an element; 'tag': the tag form; 'score': the score form. */
    view: signal<'none' | 'picking' | 'tag' | 'score'>('none'),
    /** The element under the pointer (or chosen by keyboard) while picking. */
    hover: signal<Box | null>(null),
    hoverLabel: signal(''),
    /** The tag being written: new (no id) or edited. */
    editing: signal<{ id: string | null; target: Target; draft: TagDraftFields } | null>(null),
    errors: signal<Errors<TagDraftFields>>({}),
    scoreErrors: signal<Errors<ScoreDraft>>({}),
    scoreDraft: signal<ScoreDraft>(scoreDraftOf()),
    touchpointName: signal(''),
    busy: signal(false),
    /** A problem to show in the open form. */
    problem: signal<string | null>(null),
    markers: signal<PlacedMarker[]>([]),
    markersOn: signal(false),
    /** The marker whose tag form just closed: focus goes back to it. */
    focusMarker: signal<string | null>(null),
    /** Hidden for the instant a screenshot is taken. */
    hidden: signal(false),
  };
}

export type TaggerModel = ReturnType<typeof createTaggerModel>;
