// String heuristics that tell what survives a rebuild or a re-render of a page from what does not.
import type { TextFingerprint } from '@/lib/model/anchor';
import { ANCHOR_TEXT_MAX } from '@/lib/model/anchor-constants';

/** Attributes that test suites put on elements precisely so they can be found again. */
export const TEST_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy'] as const;

/** Prefixes of ids that frameworks number per render: Ember, ExtJS, JSF, Bootstrap-Vue, YUI, UI kits. */
const GENERATED_PREFIX =
  /^(ember|ext-gen|ext-comp|j_idt|__bvid__|yui_|mui-|radix-|headlessui-|react-select-|downshift-|rc_|rc-|vs\d|uid-|id-)\d*/i;

/**
 * An id a framework generated, which changes between renders: React's useId (`:r1:`, `«r1»`,
 * `_r_1_`), `ember123`, long hex or uuids, long digit runs (counters, timestamps).
 */
export function isGeneratedId(id: string): boolean {
  if (/[:«»]/.test(id) || /^_r_[0-9a-z]+_$/.test(id)) return true;
  if (GENERATED_PREFIX.test(id) && /\d/.test(id)) return true;
  if (/[0-9a-f]{8,}/i.test(id) && /\d/.test(id)) return true;
  return /\d{4,}/.test(id);
}

export function stableId(el: Element): string | null {
  const id = el.getAttribute('id')?.trim();
  return id && id.length <= 200 && !isGeneratedId(id) ? id : null;
}

/**
 * A suffix a bundler or CSS-in-JS library appends: letters and digits mixed (`x7f3a`), not a word
 * with a number after it (`step2`), which authors write.
 */
function isHash(s: string): boolean {
  return s.length >= 5 && s.length <= 12 && /^[a-z0-9]+$/i.test(s) && /\d[a-z]/i.test(s);
}

/**
 * The stable part of a class token: CSS-modules and styled hashes are cut off
 * (`btn_x7f3a` → `btn`, `Card_title__a1b2c` → `Card_title`), and tokens that are nothing but a
 * hash (`css-1x2y3z`, `sc-bdVaJa`, `jsx-123456`) are dropped.
 */
export function classStem(token: string): string | null {
  if (/^(css|sc|jsx|emotion|svelte|astro)-/i.test(token)) return null;
  const m = /^(.+?)(?:_{1,2}|-{1,2})([a-z0-9]+)$/i.exec(token);
  if (m?.[1] && m[2] && isHash(m[2])) return m[1];
  return isHash(token) ? null : token;
}

export function classStems(el: Element, max = 8): string[] {
  const out: string[] = [];
  for (const token of (el.getAttribute('class') ?? '').split(/\s+/)) {
    const stem = token ? classStem(token) : null;
    if (stem && stem.length <= 80 && !out.includes(stem)) out.push(stem);
    if (out.length === max) break;
  }
  return out;
}

export function testIdOf(el: Element): string | null {
  for (const attr of TEST_ATTRIBUTES) {
    const v = el.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return null;
}

/** A URL without credentials, query or fragment: those carry tokens and personal data. */
export function urlPath(raw: string | null): string | null {
  const v = raw?.trim();
  if (!v || /^(data|blob|javascript):/i.test(v)) return null;
  const path = v.replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]*@/i, '$1//').split(/[?#]/)[0] ?? '';
  return path ? path.slice(0, 300) : null;
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** FNV-1a, 32 bits: a short, deterministic fingerprint, not a secret. */
export function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function fingerprint(text: string): TextFingerprint {
  const t = normalise(text);
  return { text: t.slice(0, ANCHOR_TEXT_MAX), hash: hash32(t) };
}

export function clip(text: string): string {
  return normalise(text).slice(0, ANCHOR_TEXT_MAX);
}
