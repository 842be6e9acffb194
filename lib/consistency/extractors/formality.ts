import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { type Cue, cuesIn, type Register } from '@/lib/consistency/formality-cues';
import { detectLanguage, primaryLang } from '@/lib/consistency/language-detect';
import { mainContent, proseBlocks, splitSentences } from '@/lib/consistency/page-text';

/**
 * The evidence a register needs to be the page's: a weighted sum of at least MIN_WEIGHT (one
 * pronoun such as "usted", a possessive "tu" and a "te", or two contractions) and at least LEAD times the next
 * register's. Below that the page says too little, or mixes registers without one leading, and
 * no fact is given rather than a guess.
 */
export const MIN_WEIGHT = 3;
export const LEAD = 2;
const MAX_TEXT = 100_000;

/** A block that is a control or heading by itself, where a lone imperative is one ("Reserva"). */
const CONTROL = 'button, a, h1, h2, h3, h4, h5, h6, label, [role="button" i], summary';

/**
 * The page's register (tú, usted or vosotros in Spanish; formal or informal in English) from the
 * main content, its headings and its buttons (the banner, navigation and footer are the same on
 * every page and are left out). raw: the phrase of the strongest cue; label: the language.
 */
export const formalityExtractor: Extractor = {
  kind: 'formality',
  extract(root) {
    const blocks = proseBlocks(root, { keepControls: true });
    const all = blocks
      .map((b) => b.text)
      .join('\n')
      .slice(0, MAX_TEXT);
    const detected =
      detectLanguage(all)?.lang ?? primaryLang(mainContent(root)?.closest('[lang]')?.getAttribute('lang'));
    if (detected !== 'es' && detected !== 'en') return [];
    const lang = detected;
    const sums = new Map<Register, number>();
    const best = new Map<Register, { cue: Cue; element: Element }>();
    let chars = 0;
    for (const block of blocks) {
      chars += block.text.length;
      if (chars > MAX_TEXT) break;
      const standalone = block.element.matches(CONTROL) || block.element.closest(CONTROL) !== null;
      for (const sentence of splitSentences(block.text)) {
        const lone = standalone && sentence.split(/\s+/).length <= 6;
        for (const cue of cuesIn(sentence.replace(/^[¡¿"«“(\s]+/, ''), lang, lone)) {
          sums.set(cue.register, (sums.get(cue.register) ?? 0) + cue.weight);
          const prev = best.get(cue.register);
          if (!prev || cue.weight > prev.cue.weight) best.set(cue.register, { cue, element: block.element });
        }
      }
    }
    const ranked = [...sums].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first || first[1] < MIN_WEIGHT || (second && first[1] < LEAD * second[1])) return [];
    const evidence = best.get(first[0]);
    if (!evidence) return [];
    const context = ranked.map(([r, w]) => `${r} ${Math.round(w * 10) / 10}`).join(', ');
    return [
      {
        fact: {
          kind: 'formality',
          value: first[0],
          raw: clip(evidence.cue.phrase, 500),
          source: 'text',
          context: clip(context, 300),
          label: lang,
        },
        element: evidence.element,
      },
    ];
  },
  readValue(text) {
    // What an auditor notes of a call or an email: the register's name, or the text itself.
    const t = text.trim().toLowerCase();
    if (/^(?:tú|tu|tuteo|tutea)$/.test(t)) return 'tu';
    if (/^(?:usted|ustedes|trato de usted)$/.test(t)) return 'usted';
    if (/^vosotros$/.test(t)) return 'vosotros';
    if (/^(?:formal|informal)$/.test(t)) return t;
    const sum = new Map<Register, number>();
    const lang = detectLanguage(text)?.lang === 'en' ? 'en' : 'es';
    for (const s of splitSentences(text.slice(0, 10_000)))
      for (const c of cuesIn(s.replace(/^[¡¿"«“(\s]+/, ''), lang))
        sum.set(c.register, (sum.get(c.register) ?? 0) + c.weight);
    const ranked = [...sum].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first || first[1] < 2 || (second && first[1] < LEAD * second[1])) return null;
    return first[0];
  },
};
