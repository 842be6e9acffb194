import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, TagFields } from '@/lib/model';
import { draftOf, fieldsOf, scoreDraftOf, scoreFieldsOf } from '@/components/tagger/model/tagger-model';

const tag: TagFields = {
  categoryId: 'form-effort',
  severity: 0,
  effort: 7,
  emotion: -2,
  momentOfTruth: 'predictable',
  aspect: 'perception',
  resolution: { status: 'resolved', minutes: 0 },
  note: 'Fine in the end',
};

describe('the tag form’s values', () => {
  it('start from the audit’s first category and middle values', () => {
    const fields = fieldsOf(draftOf(DEFAULT_CATEGORIES));
    expect(fields).toEqual({
      ok: true,
      fields: {
        categoryId: 'findability',
        severity: 2,
        effort: 4,
        emotion: 0,
        momentOfTruth: 'no',
        aspect: 'interaction',
        resolution: { status: 'unresolved', minutes: null },
        note: '',
      },
    });
  });

  it('give back a stored tag unchanged, edges of every scale included, as the worker’s schema takes it', () => {
    const result = fieldsOf(draftOf(DEFAULT_CATEGORIES, tag));
    expect(result).toEqual({ ok: true, fields: tag });
    if (result.ok) expect(TagFields.parse(result.fields)).toEqual(tag);
  });

  it.each([
    ['severity', '5'],
    ['severity', '-1'],
    ['severity', '2.5'],
    ['effort', '0'],
    ['effort', '8'],
    ['effort', ''],
    ['emotion', '3'],
    ['categoryId', 'Not An Id'],
    ['momentOfTruth', 'maybe'],
    ['aspect', 'both'],
    ['resolutionStatus', 'forgotten'],
  ] as const)('refuse %s = %j', (key, value) => {
    const result = fieldsOf({ ...draftOf(DEFAULT_CATEGORIES), [key]: value });
    expect(result).toEqual({ ok: false, errors: { [key]: 'errorChoose' } });
  });

  it.each(['-1', 'abc', 'Infinity', '2000000'])('refuse %j minutes for a resolved friction', (minutes) => {
    const d = { ...draftOf(DEFAULT_CATEGORIES), resolutionStatus: 'resolved' as const, resolutionMinutes: minutes };
    expect(fieldsOf(d)).toEqual({ ok: false, errors: { resolutionMinutes: 'errorMinutes' } });
  });

  it('drop the minutes of an unresolved friction, and read a decimal comma', () => {
    const base = draftOf(DEFAULT_CATEGORIES);
    const unresolved = fieldsOf({ ...base, resolutionMinutes: 'abc' });
    expect(unresolved.ok && unresolved.fields.resolution).toEqual({ status: 'unresolved', minutes: null });
    const comma = fieldsOf({ ...base, resolutionStatus: 'workaround', resolutionMinutes: ' 2,5 ' });
    expect(comma.ok && comma.fields.resolution).toEqual({ status: 'workaround', minutes: 2.5 });
  });

  it('clip and trim the note', () => {
    const result = fieldsOf({ ...draftOf(DEFAULT_CATEGORIES), note: `  ${'x'.repeat(5000)}  ` });
    expect(result.ok && result.fields.note).toHaveLength(4000);
  });
});

describe('the score form’s values', () => {
  it('leave CSAT unrated unless chosen', () => {
    expect(scoreFieldsOf(scoreDraftOf())).toEqual({ ok: true, fields: { ces: 4, csat: null, note: '' } });
    expect(scoreFieldsOf({ ces: '1', csat: '5', note: ' ok ' })).toEqual({
      ok: true,
      fields: { ces: 1, csat: 5, note: 'ok' },
    });
  });

  it('refuse values off the scales', () => {
    expect(scoreFieldsOf({ ces: '8', csat: '6', note: '' })).toEqual({
      ok: false,
      errors: { ces: 'errorChoose', csat: 'errorChoose' },
    });
  });
});
