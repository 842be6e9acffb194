/**
 * The page's prose for the voice and tone kinds: the visible text of its main content in blocks,
 * its sentences and words, and syllables for Spanish and English. Navigation, banners, footers,
 * asides, buttons, forms and headings are not prose: their words would read as many very short
 * "sentences" and skew every measure. Pure and bounded: the page is untrusted. Longer than 200
 * lines because the blocks, sentences, words and syllables are one definition of "the prose"
 * that every voice measure shares; split, they could drift apart.
 */

const SKIP_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'select',
  'option',
  'svg',
  'head',
  'iframe',
  'object',
  'button',
  'form',
  'label',
  'nav',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'input',
  'dialog',
]);
const SKIP_ROLES =
  /^(?:navigation|button|banner|contentinfo|menu|menubar|dialog|alertdialog|search|tablist|complementary)$/i;
/** Cookie and consent banners are the same on every page and say nothing about the page's voice. */
const SKIP_CLASS = /cookie|consent|gdpr|breadcrumb|skip-link|visually-hidden|sr-only/i;
const BLOCK_TAGS = new Set([
  'p',
  'li',
  'div',
  'td',
  'th',
  'dd',
  'dt',
  'blockquote',
  'section',
  'article',
  'figcaption',
  'pre',
  'address',
  'tr',
  'ul',
  'ol',
  'table',
  'main',
  'br',
  'hr',
]);
const MAX_CHARS = 200_000;
const MAX_VISITS = 100_000;

export interface ProseOptions {
  /** Keep headings, buttons and forms (formality counts the imperatives of buttons). */
  keepControls?: boolean;
}

function bodyOf(root: Document | Element): Element | null {
  return 'body' in root ? (root.body ?? root.documentElement) : root;
}

/** The page's main content: `main` or `[role=main]` when it has one, else the body. */
export function mainContent(root: Document | Element): Element | null {
  const body = bodyOf(root);
  return body?.querySelector('main, [role="main" i]') ?? body;
}

function skipped(el: Element, keepControls: boolean): boolean {
  const tag = el.tagName.toLowerCase();
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The page's banner and footer, not an article's own header or footer (inside main or an article).
  if ((tag === 'header' || tag === 'footer') && !el.parentElement?.closest('article, main, [role="main" i]'))
    return true;
  const control = /^(?:button|form|label|input|h[1-6])$/.test(tag) || /^button$/i.test(el.getAttribute('role') ?? '');
  if (keepControls && control) return false;
  if (SKIP_TAGS.has(tag)) return true;
  const role = el.getAttribute('role') ?? '';
  if (role && SKIP_ROLES.test(role)) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return cls.length < 500 && SKIP_CLASS.test(cls);
}

export interface Block {
  text: string;
  /** The element the block's text is in (the nearest block ancestor): the fact's anchor. */
  element: Element;
}

/**
 * The visible prose of the main content as blocks of text, in document order: a block breaks at
 * paragraphs, list items, cells and `<br>`. Bounded in characters and nodes visited.
 */
export function proseBlocks(root: Document | Element, opts: ProseOptions = {}): Block[] {
  const main = mainContent(root);
  if (!main) return [];
  const keep = opts.keepControls === true;
  const blocks: Block[] = [];
  let current = '';
  let owner: Element = main;
  let total = 0;
  let visits = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, element: owner });
    current = '';
  };
  // An explicit stack with exit markers: an untrusted page can nest deeper than the call stack.
  const stack: (Node | { exit: Element })[] = [main];
  while (stack.length > 0 && total < MAX_CHARS && visits++ < MAX_VISITS) {
    const item = stack.pop() as Node | { exit: Element };
    if ('exit' in item) {
      flush();
      continue;
    }
    if (item.nodeType === 3) {
      const data = (item as Text).data.slice(0, MAX_CHARS - total);
      if (current === '' && item.parentElement) owner = item.parentElement;
      current += data;
      total += data.length;
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    if (el !== main && skipped(el, keep)) continue;
    const tag = el.tagName.toLowerCase();
    const breaks = BLOCK_TAGS.has(tag) || (keep && /^(?:button|h[1-6]|label)$/.test(tag));
    if (breaks) {
      flush();
      stack.push({ exit: el });
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
  }
  flush();
  return blocks;
}

const ABBREVIATIONS = new Set(
  'sr sra srta dr dra d dña ud uds vd vds etc ej p pág núm nº tel tfno avda av c mr mrs ms st vs approx no fig e.g i.e inc ltd co'.split(
    ' ',
  ),
);

/** A block's sentences: split after . ! ? … when the next starts a sentence, abbreviations kept. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+["»”’)]*\s+(?=[¡¿"«“(]?[\p{Lu}\d])/gu)) {
    const end = (m.index ?? 0) + m[0].length;
    const before = text.slice(start, m.index ?? 0);
    const lastWord = (before.split(/\s+/).pop() ?? '').toLowerCase();
    if (m[0].startsWith('.') && ABBREVIATIONS.has(lastWord)) continue;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Words: runs of letters (with inner apostrophes or hyphens); numbers alone are not words. */
export function words(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

export interface Prose {
  sentences: string[];
  words: number;
  /** The block elements the sentences came from, in order: anchors and context. */
  elements: Element[];
}

/** Words a fragment needs, without a closing mark, to count as a sentence (list items, captions). */
const MIN_UNPUNCTUATED_WORDS = 8;
/** Sentences shorter than this are labels, not sentences ("Más.", "¡Gracias!" still count: 1). */
const MIN_SENTENCE_WORDS = 1;

/**
 * The prose's sentences: a block's sentences when it ends with a closing mark, or has enough words
 * to be a sentence without one; short unpunctuated fragments (labels, prices, dates) are dropped.
 */
export function prose(root: Document | Element): Prose {
  const out: Prose = { sentences: [], words: 0, elements: [] };
  for (const block of proseBlocks(root)) {
    const n = words(block.text).length;
    if (n === 0) continue;
    if (!/[.!?…]["»”’)]*$/.test(block.text) && n < MIN_UNPUNCTUATED_WORDS) continue;
    for (const s of splitSentences(block.text)) {
      const w = words(s).length;
      if (w < MIN_SENTENCE_WORDS) continue;
      out.sentences.push(s);
      out.words += w;
      out.elements.push(block.element);
      if (out.sentences.length >= 5000) return out;
    }
  }
  return out;
}

/**
 * The minimum prose for a measure of a page's voice (readability, sentence length, exclamations):
 * below it, one sentence moves the figure too much to compare pages. 100 words is what the
 * readability formulas' authors sampled; 5 sentences makes "per 100 sentences" mean something.
 */
export const MIN_PROSE_WORDS = 100;
export const MIN_PROSE_SENTENCES = 5;

export function enoughProse(p: Prose): boolean {
  return p.words >= MIN_PROSE_WORDS && p.sentences.length >= MIN_PROSE_SENTENCES;
}

const ES_STRONG = new Set('aeoáéóíú'.split(''));
const ES_VOWEL = new Set('aeiouáéíóúü'.split(''));

/**
 * Spanish syllables: one per vowel nucleus. Weak vowels (i, u, ü) join a neighbour in a diphthong
 * or triphthong ("ciudad", "buey"); two strong vowels (a, e, o, or an accented í/ú) are a hiatus
 * ("leer", "país"). A final "y" after a vowel is part of the diphthong ("hoy"); "y" alone is one.
 */
export function syllablesEs(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  if (w === '') return 0;
  if (w === 'y') return 1;
  let count = 0;
  let prev = '';
  for (const ch of w) {
    if (ES_VOWEL.has(ch)) {
      if (!ES_VOWEL.has(prev) || (ES_STRONG.has(ch) && ES_STRONG.has(prev))) count++;
    }
    prev = ch;
  }
  return Math.max(1, count);
}

/**
 * English syllables, the usual heuristic (no dictionary): vowel groups, less a silent final "e"
 * ("make") and "-es"/"-ed" that add none ("makes", "liked", but "boxes", "wanted"), plus "-le" after a consonant
 * ("table"). Short words are one syllable.
 */
export function syllablesEn(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouyscxgzh]es|[^laeiouydt]ed|[^laeiouy]e)$/, (m) => m.slice(0, 1)).replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}
