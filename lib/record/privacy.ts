// The audit's privacy options as every reader of the page applies them: the recorder (steps), the
// tagger (anchors, targets, page titles, screenshot masks) and the worker (where records arrive).
// rrweb gets the same options as its own settings (lib/record/options.ts). No browser globals: the
// document comes in as a parameter, so the pure anchors may use it.
import type { Anchor, Target } from '@/lib/model';
import { fingerprint } from '@/lib/anchors/stable';

/** The fingerprint of no text. */
const EMPTY_HASH = fingerprint('').hash;

/** What an audit asks to hide (lib/model/audit.ts `privacy`). */
export interface PrivacyOptions {
  /** No text of the page anywhere: not in the recording, steps, anchors, titles, names, screenshots. */
  maskAllText: boolean;
  /** Elements (and their descendants) of which nothing is kept. */
  blockSelectors: readonly string[];
}

/** The options made ready for a document: the blocked selectors joined, the invalid ones dropped. */
export interface TextPolicy {
  maskAll: boolean;
  /** One selector list, or null when nothing is blocked. */
  blocked: string | null;
}

export const OPEN_POLICY: TextPolicy = { maskAll: false, blocked: null };

/** The selectors a document accepts: a bad selector in the audit's settings must break nothing. */
export function validSelectors(doc: Document, selectors: readonly string[]): string[] {
  return selectors.filter((s) => {
    try {
      doc.createDocumentFragment().querySelector(s);
      return true;
    } catch {
      return false;
    }
  });
}

export function textPolicy(options: PrivacyOptions | undefined, doc: Document): TextPolicy {
  if (!options) return OPEN_POLICY;
  const valid = validSelectors(doc, options.blockSelectors);
  return { maskAll: options.maskAllText, blocked: valid.length ? valid.join(',') : null };
}

/** Whether `el` is blocked: it, or an element around it, matches a blocked selector. */
export function isBlocked(el: Element, policy: TextPolicy): boolean {
  return policy.blocked !== null && el.closest(policy.blocked) !== null;
}

/** Whether any text read from `el` (its own, its descendants') could come from a blocked element. */
export function touchesBlocked(el: Element, policy: TextPolicy): boolean {
  return policy.blocked !== null && (el.closest(policy.blocked) !== null || el.querySelector(policy.blocked) !== null);
}

/** Whether no text may be read from `el`: all text is masked, or a blocked element is in or around it. */
export function hidesText(el: Element, policy: TextPolicy): boolean {
  return policy.maskAll || touchesBlocked(el, policy);
}

/** A target without its name, where the page's text is hidden: the kind stays. */
export function textlessTarget(target: Target): Target {
  if (target === null) return null;
  return typeof target === 'string' ? '' : { ...target, name: '' };
}

/**
 * An anchor without the page's text (name, text and context fingerprints with their hashes, the
 * placeholder): what the worker stores under "Mask all page text", whatever a page sent. A find
 * leaves out the features an anchor recorded nothing for (lib/anchors/score.ts).
 */
export function textlessAnchor(anchor: Anchor): Anchor {
  const empty = { text: '', hash: EMPTY_HASH };
  const { placeholder: _placeholder, ...attributes } = anchor.attributes;
  return { ...anchor, name: '', text: empty, context: empty, attributes };
}
