import { signal } from '@preact/signals';
import type { MessageKey } from '@/lib/i18n';
import { type Fact, type OffsiteEvent, type OffsiteFields, OffsiteFields as OffsiteSchema } from '@/lib/model';

/** The off-site event form's values, as the inputs hold them. */
export interface OffsiteValues {
  channel: OffsiteFields['channel'];
  touchpointName: string;
  summary: string;
  /** `datetime-local` values: local time, minutes. */
  requestedAt: string;
  answeredAt: string;
  noAnswer: boolean;
  reschedules: string;
  transfers: string;
  repeatedInfo: string;
  outcome: OffsiteFields['outcome'];
  ces: string;
  csat: string;
  formality: string;
  warmth: string;
  facts: { kind: Fact['kind']; subject: string; value: string }[];
  note: string;
}

export type OffsiteErrors = Partial<Record<keyof OffsiteValues, MessageKey>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp as a `datetime-local` value, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(v: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v)) return null;
  const ms = new Date(v).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function emptyOffsite(now: number): OffsiteValues {
  return {
    channel: 'phone',
    touchpointName: '',
    summary: '',
    requestedAt: toLocalInput(now),
    answeredAt: toLocalInput(now),
    noAnswer: false,
    reschedules: '0',
    transfers: '0',
    repeatedInfo: '',
    outcome: 'resolved',
    ces: '',
    csat: '',
    formality: '',
    warmth: '',
    facts: [],
    note: '',
  };
}

export function valuesOf(e: OffsiteEvent): OffsiteValues {
  return {
    channel: e.channel,
    touchpointName: e.touchpointName,
    summary: e.summary,
    requestedAt: toLocalInput(e.requestedAt),
    answeredAt: e.answeredAt === null ? toLocalInput(e.requestedAt) : toLocalInput(e.answeredAt),
    noAnswer: e.answeredAt === null,
    reschedules: String(e.reschedules),
    transfers: String(e.transfers),
    repeatedInfo: e.repeatedInfo.join('\n'),
    outcome: e.outcome,
    ces: e.ces === null ? '' : String(e.ces),
    csat: e.csat === null ? '' : String(e.csat),
    formality: e.tone.formality ?? '',
    warmth: e.tone.warmth ?? '',
    facts: e.facts.map((f) => ({ ...f })),
    note: e.note,
  };
}

const count = (v: string): number | null => (/^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : null);

/** The form's values as OffsiteFields, or the fields in error (as message keys). */
export function validateOffsite(
  v: OffsiteValues,
): { ok: true; fields: OffsiteFields } | { ok: false; errors: OffsiteErrors } {
  const errors: OffsiteErrors = {};
  if (!v.touchpointName.trim()) errors.touchpointName = 'errorRequiredText';
  if (!v.summary.trim()) errors.summary = 'errorRequiredText';
  const requestedAt = fromLocalInput(v.requestedAt);
  if (requestedAt === null) errors.requestedAt = 'errorDateTime';
  const answeredAt = v.noAnswer ? null : fromLocalInput(v.answeredAt);
  if (!v.noAnswer && answeredAt === null) errors.answeredAt = 'errorDateTime';
  else if (requestedAt !== null && answeredAt !== null && answeredAt < requestedAt)
    errors.answeredAt = 'errorAnswerBefore';
  const reschedules = count(v.reschedules);
  if (reschedules === null) errors.reschedules = 'errorCount';
  const transfers = count(v.transfers);
  if (transfers === null) errors.transfers = 'errorCount';
  if (v.facts.some((f) => !f.value.trim())) errors.facts = 'errorFact';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = OffsiteSchema.safeParse({
    channel: v.channel,
    touchpointName: v.touchpointName,
    summary: v.summary,
    requestedAt,
    answeredAt,
    reschedules,
    transfers,
    repeatedInfo: v.repeatedInfo
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    outcome: v.outcome,
    ces: v.ces === '' ? null : Number(v.ces),
    csat: v.csat === '' ? null : Number(v.csat),
    tone: { formality: v.formality || null, warmth: v.warmth || null },
    facts: v.facts.map((f) => ({ kind: f.kind, subject: f.subject.trim(), value: f.value.trim() })),
    note: v.note,
  });
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? 'note') as keyof OffsiteValues;
    return { ok: false, errors: { [key]: 'errorRequiredText' } };
  }
  return { ok: true, fields: parsed.data };
}

/** The form's state: values, errors, and which event it edits (null: a new one). */
export function createOffsiteForm(now: () => number) {
  return {
    values: signal<OffsiteValues>(emptyOffsite(now())),
    errors: signal<OffsiteErrors>({}),
    editingId: signal<string | null>(null),
    reset(): void {
      this.values.value = emptyOffsite(now());
      this.errors.value = {};
      this.editingId.value = null;
    },
    edit(e: OffsiteEvent): void {
      this.values.value = valuesOf(e);
      this.errors.value = {};
      this.editingId.value = e.id;
    },
  };
}

export type OffsiteForm = ReturnType<typeof createOffsiteForm>;
