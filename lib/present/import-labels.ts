import type { FieldIssue, ImportRefusal } from '@/lib/model/import';
import { formatBytes, formatCount } from '@/lib/present/format';
import type { MessageKey, Translate } from '@/lib/present/messages';

/** What is wrong with a field, worded to end `the field walks[0].id …`. */
export const FIELD_ISSUE: Record<FieldIssue, MessageKey> = {
  missing: 'importIssueMissing',
  type: 'importIssueType',
  'too-big': 'importIssueTooBig',
  'too-small': 'importIssueTooSmall',
  format: 'importIssueFormat',
  value: 'importIssueValue',
  mismatch: 'importIssueMismatch',
  other: 'importIssueOther',
};

/**
 * Why a file was not imported, in the UI's language: the refusal is stored and sent as a kind
 * with its data (lib/model/import.ts), worded only here. The field path is the file's own
 * (`walks[0].tags[3].severity`): it names JSON keys, which are the same in every language.
 */
export function importRefusalText(r: ImportRefusal, t: Translate, locale: string): string {
  switch (r.kind) {
    case 'not-json':
      return t('importRefusedNotJson');
    case 'not-export':
      return t('importRefusedNotExport');
    case 'newer-version':
      return t('importRefusedNewer', [formatCount(r.version, locale), formatCount(r.supported, locale)]);
    case 'too-large':
      return t('importRefusedTooLarge', [formatBytes(r.size, locale), formatBytes(r.limit, locale)]);
    case 'invalid':
      return t('importRefusedInvalid', [r.path, t(FIELD_ISSUE[r.issue])]);
    case 'conflict':
      return t('importRefusedConflict', r.path);
    case 'storage-full':
      return t('importRefusedStorageFull');
    case 'write-failed':
      return t('importRefusedWriteFailed');
    case 'session-lost':
      return t('importRefusedSessionLost');
  }
}
