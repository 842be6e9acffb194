import { clip } from '@/lib/consistency/contact-text';
import type { Extractor } from '@/lib/consistency/extractor';
import { detectLanguage, primaryLang } from '@/lib/consistency/language-detect';
import {
  enoughProse,
  mainContent,
  type Prose,
  prose,
  syllablesEn,
  syllablesEs,
  words,
} from '@/lib/consistency/page-text';

export type Band =
  | 'very-easy'
  | 'easy'
  | 'fairly-easy'
  | 'normal'
  | 'fairly-difficult'
  | 'difficult'
  | 'very-difficult';

export interface Counts {
  words: number;
  sentences: number;
  syllables: number;
}

/** Fernández-Huerta (1959), Flesch adapted to Spanish: 206.84 − 0.60·P − 1.02·F (P syllables, F sentences per 100 words). */
export function fernandezHuerta(c: Counts): number {
  return 206.84 - 0.6 * ((100 * c.syllables) / c.words) - 1.02 * ((100 * c.sentences) / c.words);
}

/** Szigriszt-Pazos (1993) perspicuity, read on the INFLESZ scale: 206.835 − 62.3·syllables/words − words/sentences. */
export function szigrisztPazos(c: Counts): number {
  return 206.835 - (62.3 * c.syllables) / c.words - c.words / c.sentences;
}

/** Flesch reading ease (1948): 206.835 − 1.015·words/sentences − 84.6·syllables/words. */
export function fleschReadingEase(c: Counts): number {
  return 206.835 - (1.015 * c.words) / c.sentences - (84.6 * c.syllables) / c.words;
}

/** Flesch's bands (and Fernández-Huerta's, which keeps them). */
export function fleschBand(score: number): Band {
  if (score >= 90) return 'very-easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly-easy';
  if (score >= 60) return 'normal';
  if (score >= 50) return 'fairly-difficult';
  if (score >= 30) return 'difficult';
  return 'very-difficult';
}

/** INFLESZ's five bands (Barrio-Cantalejo et al. 2008): muy fácil > 80, bastante fácil 65–80, normal 55–65, algo difícil 40–55, muy difícil < 40. */
export function infleszBand(score: number): Band {
  if (score > 80) return 'very-easy';
  if (score >= 65) return 'fairly-easy';
  if (score >= 55) return 'normal';
  if (score >= 40) return 'fairly-difficult';
  return 'very-difficult';
}

export function countText(sentences: string[], lang: 'es' | 'en'): Counts {
  const count = lang === 'es' ? syllablesEs : syllablesEn;
  let w = 0;
  let syl = 0;
  for (const s of sentences) {
    for (const word of words(s)) {
      w++;
      syl += count(word);
    }
  }
  return { words: w, sentences: sentences.length, syllables: syl };
}

/** The prose's language: detected from it, else the declared `lang` of the main content. */
export function proseLanguage(root: Document | Element, p: Prose): string {
  const found = detectLanguage(p.sentences.join(' '));
  if (found) return found.lang;
  return primaryLang(mainContent(root)?.closest('[lang]')?.getAttribute('lang'));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * How easy the main content's prose is to read, for Spanish (INFLESZ band; Fernández-Huerta in
 * the context) and English (Flesch). Only on pages with enough prose (page-text.ts); other
 * languages are not scored. label: the index, since bands of two indices are not one scale.
 */
export const readabilityExtractor: Extractor = {
  kind: 'readability',
  extract(root) {
    const p = prose(root);
    if (!enoughProse(p)) return [];
    const lang = proseLanguage(root, p);
    if (lang !== 'es' && lang !== 'en') return [];
    const c = countText(p.sentences, lang);
    if (c.words === 0 || c.sentences === 0) return [];
    const stats = `${c.words} words, ${c.sentences} sentences, ${c.syllables} syllables`;
    const fact =
      lang === 'es'
        ? {
            value: infleszBand(szigrisztPazos(c)),
            raw: `INFLESZ ${round1(szigrisztPazos(c))}`,
            context: `Fernández-Huerta ${round1(fernandezHuerta(c))}; ${stats}`,
            label: 'INFLESZ',
          }
        : {
            value: fleschBand(fleschReadingEase(c)),
            raw: `Flesch ${round1(fleschReadingEase(c))}`,
            context: stats,
            label: 'Flesch',
          };
    return [
      {
        fact: { kind: 'readability', source: 'text', ...fact, context: clip(fact.context, 300) },
        element: mainContent(root),
      },
    ];
  },
};
