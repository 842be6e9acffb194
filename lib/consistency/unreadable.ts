import type { FactKind } from '@/lib/model/fact';
import { FactKind as FactKinds } from '@/lib/model/fact';

/**
 * The kinds read without the page's text: images, computed styles and the icon. Under the audit's
 * *Mask all page text* the recording holds no text (rrweb wrote `*` for every character), so every
 * other kind would read masks as if they were the page's words: those are listed as unreadable and
 * not extracted, and the worker drops any that arrive anyway.
 */
export const READ_WITHOUT_TEXT: ReadonlySet<FactKind> = new Set<FactKind>([
  'logo',
  'colour',
  'font',
  'button-shape',
  'favicon',
]);

/** The kinds that cannot be read on a page of an audit that masks (or does not mask) all text. */
export function unreadableKinds(maskAllText: boolean): FactKind[] {
  return maskAllText ? FactKinds.options.filter((k) => !READ_WITHOUT_TEXT.has(k)) : [];
}
