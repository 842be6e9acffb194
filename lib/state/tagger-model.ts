import { signal } from '@preact/signals';
import type { Category, Score, ScoreFields, Tag, TagFields } from '../model';
import type { Box } from '../tagging/pick';

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

export type FieldsResult =
  | { ok: true; fields: TagFields }
  | { ok: false; errors: Partial<Record<keyof TagDraftFields, string>> };

/**
 * The form's values as TagFields, or the fields in error (by message key). Checked by hand: the
 * tagger is a content script, and zod is not bundled into it; the worker parses again.
 */
export function fieldsOf(d: TagDraftFields): FieldsResult {
  const minutesText = d.resolutionMinutes.trim().replace(',', '.');
  const minutes = minutesText === '' ? null : Number(minutesText);
  if (minutes !== null && (!Number.isFinite(minutes) || minutes < 0)) {
    return { ok: false, errors: { resolutionMinutes: 'errorMinutes' } };
  }
  return {
    ok: true,
    fields: {
      categoryId: d.categoryId,
      severity: Number(d.severity),
      effort: Number(d.effort),
      emotion: Number(d.emotion),
      momentOfTruth: d.momentOfTruth,
      aspect: d.aspect,
      resolution: { status: d.resolutionStatus, minutes: d.resolutionStatus === 'unresolved' ? null : minutes },
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

export function scoreFieldsOf(d: ScoreDraft): ScoreFields {
  return { ces: Number(d.ces), csat: d.csat === '' ? null : Number(d.csat), note: d.note.trim().slice(0, 4000) };
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
    editing: signal<{ id: string | null; target: string | null; draft: TagDraftFields } | null>(null),
    errors: signal<Partial<Record<keyof TagDraftFields, string>>>({}),
    scoreDraft: signal<ScoreDraft>(scoreDraftOf()),
    touchpointName: signal(''),
    busy: signal(false),
    /** A problem to show in the open form. */
    problem: signal<string | null>(null),
    markers: signal<PlacedMarker[]>([]),
    markersOn: signal(false),
    /** Hidden for the instant a screenshot is taken. */
    hidden: signal(false),
  };
}

export type TaggerModel = ReturnType<typeof createTaggerModel>;
