import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CTA_ACTIONS } from '@/lib/consistency/cta-actions';
import { formatWeek, parseWeek } from '@/lib/consistency/weekly-hours';
import { FactKind } from '@/lib/model/fact';

// The labelled corpus of test/fixtures/consistency/ (README.md there): each page `name.html` and
// its `name.json`, the facts it holds and the near-misses it plants. Shared by corpus.test.ts.

export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/consistency/', import.meta.url));
/** Written in labels where a value holds the corpus folder's own URL (a saved page's local favicon). */
const CORPUS_TOKEN = '{corpus}';

/** The kinds the corpus labels: every kind but the three measures (readability, sentence length, exclamations). */
const MEASURES: readonly FactKind[] = ['readability', 'sentence-length', 'exclamation'];
export const LABELLED_KINDS: readonly FactKind[] = FactKind.options.filter((k) => !MEASURES.includes(k));
/** Kinds whose label is part of what is matched: a price belongs to its product, a CTA to its action. */
const LABEL_MATCHED = new Set<FactKind>(['price', 'cta']);

export interface Label {
  kind: FactKind;
  value: string;
  label?: string;
}
export interface CorpusPage {
  name: string;
  file: string;
  html: string;
  country: string;
  facts: Label[];
  nearMisses: string[];
}

export function loadCorpus(): CorpusPage[] {
  const base = pathToFileURL(CORPUS_DIR).href.replace(/\/$/, '');
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const raw = JSON.parse(readFileSync(path.join(CORPUS_DIR, f), 'utf8')) as {
        facts: Label[];
        nearMisses: string[];
        country?: string;
      };
      return {
        name,
        file: path.join(CORPUS_DIR, `${name}.html`),
        html: readFileSync(path.join(CORPUS_DIR, `${name}.html`), 'utf8'),
        country: raw.country ?? 'ES',
        facts: raw.facts.map((x) => ({ ...x, value: x.value.replaceAll(CORPUS_TOKEN, base) })),
        nearMisses: raw.nearMisses,
      };
    });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** What is compared: kind and value, and for price and CTA the label too (case and spacing aside). */
export function keyOf(f: { kind: FactKind; value: string; label?: string }): string {
  return LABEL_MATCHED.has(f.kind)
    ? `${f.kind}\u0000${f.value}\u0000${squash(f.label ?? '')}`
    : `${f.kind}\u0000${f.value}`;
}

/**
 * Per kind: labelled and extracted facts and the matches, over distinct keys per page. A page
 * states a fact once however many times it repeats it (a phone as a `tel:` link, its text and the
 * JSON-LD is one fact), and extractors rightly return each place; across pages every key counts.
 */
export interface Tally {
  labelled: number;
  extracted: number;
  matched: number;
  missed: string[];
  spurious: string[];
}

export function tally(
  tallies: Map<FactKind, Tally>,
  page: string,
  labels: Label[],
  extracted: { kind: FactKind; value: string; label?: string }[],
): void {
  const want = new Map<string, Label>();
  for (const l of labels) want.set(keyOf(l), l);
  const got = new Map<string, { kind: FactKind }>();
  for (const f of extracted) if (LABELLED_KINDS.includes(f.kind)) got.set(keyOf(f), f);
  const t = (kind: FactKind) => {
    if (!tallies.has(kind)) tallies.set(kind, { labelled: 0, extracted: 0, matched: 0, missed: [], spurious: [] });
    return tallies.get(kind) as Tally;
  };
  const show = (k: string) => `${page}: ${k.split('\u0000').slice(1).join(' · ')}`;
  for (const [k, l] of want) {
    const x = t(l.kind);
    x.labelled++;
    if (got.has(k)) x.matched++;
    else x.missed.push(show(k));
  }
  for (const [k, f] of got) {
    const x = t(f.kind);
    x.extracted++;
    if (!want.has(k)) x.spurious.push(show(k));
  }
}

/** The documented format of each labelled kind's value (lib/model/fact.ts): a label must follow it. */
const FORMATS: Partial<Record<FactKind, (v: string) => boolean>> = {
  phone: (v) => /^\+[1-9]\d{6,14}$/.test(v),
  email: (v) => /^[^\sA-Z@]+@[^\sA-Z@]+\.[a-z]{2,}$/.test(v),
  'postal-address': (v) =>
    /^[a-z0-9]{2,5}(?: [0-9][a-z]{2})? \S.*$/.test(v) && v === v.toLowerCase() && !v.includes(','),
  'opening-hours': (v) => {
    const w = parseWeek(v);
    return w !== null && formatWeek(w) === v;
  },
  price: (v) => /^[A-Z]{3} \d+\.\d{2}$/.test(v),
  promise: (v) => /^(delivery|response|refund|return) \d+-\d+ (h|d|wd)$/.test(v),
  'legal-name': (v) => v === v.toLowerCase() && !v.includes(','),
  social: (v) => /^[a-z]+:\S+$/.test(v) && v === v.toLowerCase(),
  logo: (v) => /^(https?|file):\/\/[^?]+$/.test(v),
  colour: (v) => /^#[0-9a-f]{6}$/.test(v),
  font: (v) => v === v.toLowerCase() && !/[,"']/.test(v),
  'button-shape': (v) => /^radius \d+px height \d+px$/.test(v),
  favicon: (v) => /^(https?|file):\/\/[^?]+$/.test(v),
  'title-pattern': (v) => v.includes('{page}'),
  language: (v) => /^[a-z]{2}$/.test(v),
  formality: (v) => ['usted', 'tu', 'vosotros', 'formal', 'informal'].includes(v),
  cta: (v) => v === v.toLowerCase() && v.trim() === v,
  navigation: (v) => v === v.toLowerCase(),
  'footer-links': (v) => v === v.toLowerCase(),
  breadcrumbs: (v) => v === v.toLowerCase() && v.includes(' > '),
  'language-switcher': (v) => /^[a-z]{2}(,[a-z]{2})+$/.test(v) && v.split(',').join() === v.split(',').sort().join(),
};
const LABEL_FORMATS: Partial<Record<FactKind, (l: string) => boolean>> = {
  cta: (l) => (CTA_ACTIONS as readonly string[]).includes(l),
  colour: (l) => ['primary-button', 'link', 'heading'].includes(l),
  font: (l) => ['body', 'heading'].includes(l),
  'button-shape': (l) => l === 'primary-button',
};

/** The labels of a page that break their kind's documented format, as `kind value` lines. */
export function badLabels(page: CorpusPage): string[] {
  return page.facts
    .filter(
      (f) =>
        !LABELLED_KINDS.includes(f.kind) ||
        !(FORMATS[f.kind]?.(f.value) ?? true) ||
        !(LABEL_FORMATS[f.kind]?.(f.label ?? '') ?? true),
    )
    .map((f) => `${page.name}: ${f.kind} ${f.value} ${f.label ?? ''}`);
}

/** The page's text as a reader gets it from the markup (entities decoded, tags out), for near-miss checks. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/&copy;/g, '©')
    .replace(/\s+/g, ' ');
}

/**
 * `part` inside `whole` without cutting a word ("24 h" is not inside "24 horas"); digits may be cut,
 * since a phone read from the middle of an IBAN is exactly the mistake looked for.
 */
function holds(whole: string, part: string): boolean {
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^\p{L}/u.test(part) ? '(?<!\\p{L})' : '';
  const after = /\p{L}$/u.test(part) ? '(?!\\p{L})' : '';
  return new RegExp(`${before}${escaped}${after}`, 'u').test(whole);
}

/** Whether a fact's raw text is, or holds, or is part of a string the page planted as not a fact. */
export function hitsNearMiss(raw: string, nearMiss: string): boolean {
  const r = squash(raw);
  const n = squash(nearMiss);
  return r.length >= 4 && n.length > 0 && (holds(r, n) || holds(n, r));
}

export const pct = (n: number, d: number): string => (d === 0 ? '—' : (n / d).toFixed(2));
