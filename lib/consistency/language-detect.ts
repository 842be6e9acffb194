/**
 * A small language detector for the languages Touchpoint's audits meet (es, en, ca, pt, fr, de,
 * it): the share of each language's commonest words in the text. A word several languages share
 * ("de", "la", "que") counts for each of them in part, so only the words that tell them apart
 * decide. About 3 kB, against 100 kB and more for franc-min, tinyld or eld, which know languages
 * no audit here needs; and on a web page's prose, stop words are as reliable as trigrams. A few
 * interface words ("contraseña", "password") are in the lists, for pages that are mostly a form.
 */
import { words } from '@/lib/consistency/page-text';

const STOP: Record<string, string> = {
  es: 'el la los las de del y en que un una unos unas por para con no es son se su sus lo al como más pero o este esta estos estas muy también hay ya porque cuando sin sobre entre hasta desde todo todos nuestro nuestra nuestros le les me mi te nos está están ser tiene puede hace donde qué cómo aquí eso usted cada otro hacer año años tu tus ahora a nada durante ni mucho bien nosotros ellos ella él algo ante tras mejor cual sí hemos han ha fue era así solo vez otra otros otras nuestras contraseña cuenta sesión buscar inicio cesta carrito enviar recordar olvidaste',
  en: 'the of and to in is you that it for on with as are this be at or by from your we our an not have has can will all more was but they their which what about if do get so one out there here when how also just these those any only new been would should other a my he she his her them its were did does than then into over after before password login sign remember forgot account search home cart basket submit need',
  ca: 'el la els les de del i en que un una per amb no és són es seu seva als al com més però o aquest aquesta també hi ja perquè quan sense sobre entre fins des tot tots nostre nostra ens ho això aquí està estan ser pot fer on molt els nostres amb',
  pt: 'o a os as de do da dos das e em no na nos nas que um uma por para com não é são se seu sua ao como mais mas ou este esta também há já porque quando sem sobre entre até todo nosso nossa você está ser pode fazer onde muito isso aqui pelo pela nada durante tem ter tenha nós eles ele ela às',
  fr: 'le la les de des du et en un une pour par avec ne pas est sont se son sa ses au aux comme plus mais ou ce cette ces aussi il elle nous vous qui que dans sur tout tous notre votre être peut faire où très ici',
  de: 'der die das und zu in ist sie ich mit den dem des ein eine einen nicht auf für von sich auch es an als wir ihr oder aber wie wenn noch nach bei aus so nur hier sind werden kann mehr über',
  it: 'il lo la i gli le di del della dei e in che un una per con non è sono si suo sua al alla come più ma o questo questa anche ci già perché quando senza tra fino da tutto tutti nostro nostra siamo essere può fare dove molto qui',
};
export const DETECTABLE = Object.keys(STOP);

const WEIGHTS = new Map<string, Map<string, number>>();
{
  const owners = new Map<string, Set<string>>();
  for (const [lang, list] of Object.entries(STOP)) {
    for (const w of list.split(' ')) {
      const set = owners.get(w) ?? new Set<string>();
      set.add(lang);
      owners.set(w, set);
    }
  }
  for (const [w, langs] of owners) WEIGHTS.set(w, new Map([...langs].map((l) => [l, 1 / langs.size])));
}

/** Spellings only one of these languages has ("-ción", "ñ", "-ção", "l·l", "ß"): half a stop word each. */
const SPELLING: [RegExp, string][] = [
  [/ñ|ción$|ciones$|idad$|idades$/, 'es'],
  [/ção$|ções$|[ãõ]|dade$|dades$/, 'pt'],
  [/l·l|ció$|cions$|tat$|ats$/, 'ca'],
  [/zione$|zioni$|ità$/, 'it'],
  [/[ßäö]|ung$|ungen$|keit$|lich$/, 'de'],
  [/eau$|eaux$|[êû]|ité$|ez$/, 'fr'],
  [/ing$|ght$|tion$|ly$/, 'en'],
];

/** Evidence the leader needs (weighted stop words), and how far ahead of the next it must be. */
export const MIN_EVIDENCE = 3;
export const MIN_LEAD = 1.4;
const MAX_WORDS = 5000;

export interface Detected {
  lang: string;
  /** The leader's weighted stop words over the runner-up's (Infinity when alone). */
  lead: number;
  evidence: number;
}

/**
 * The language the text is written in, or null when it holds too few telling words or two
 * languages are too close to call (a short bilingual label, a list of product names).
 */
export function detectLanguage(text: string): Detected | null {
  const score = new Map<string, number>();
  const list = words(text.slice(0, 100_000)).slice(0, MAX_WORDS);
  const add = (lang: string, x: number) => score.set(lang, (score.get(lang) ?? 0) + x);
  for (const raw of list) {
    const lower = raw.toLowerCase();
    const w = WEIGHTS.get(lower);
    if (w) for (const [lang, x] of w) add(lang, x);
    for (const [re, lang] of SPELLING) {
      if (re.test(lower)) {
        add(lang, 0.5);
        break;
      }
    }
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_EVIDENCE) return null;
  const lead = second ? first[1] / second[1] : Number.POSITIVE_INFINITY;
  if (lead < MIN_LEAD) return null;
  return { lang: first[0], lead, evidence: first[1] };
}

/** The primary subtag of a `lang` attribute, lower case (`es-ES` → `es`), or '' when none. */
export function primaryLang(attr: string | null | undefined): string {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(attr ?? '');
  return m ? (m[1] as string).toLowerCase() : '';
}

/** Languages by the names and codes switchers and auditors write (in their own and other tongues). */
const NAMES: Record<string, string> = {
  es: 'es esp spa español espanol castellano spanish espagnol spagnolo spanisch',
  en: 'en eng english inglés ingles anglais inglese englisch',
  ca: 'ca cat català catala catalan catalán valencià valencia',
  eu: 'eu eus euskara euskera basque vasco',
  gl: 'gl glg galego gallego galician',
  pt: 'pt por português portugues portuguese portugués',
  fr: 'fr fra fre français francais french francés frances',
  de: 'de deu ger deutsch german alemán aleman',
  it: 'it ita italiano italian italien',
  nl: 'nl nld nederlands dutch',
  zh: 'zh 中文',
  ja: 'ja 日本語',
  ru: 'ru русский',
  ar: 'ar العربية',
};
const BY_NAME = new Map<string, string>();
for (const [code, list] of Object.entries(NAMES)) for (const n of list.split(' ')) BY_NAME.set(n, code);

/** ISO 639-1 of a language's name or code as a switcher labels it ("ES", "Español", "en-GB"). */
export function languageByName(label: string): string | null {
  const t = label.trim().toLowerCase();
  if (t.length > 30) return null;
  const whole = BY_NAME.get(t);
  if (whole) return whole;
  const code = primaryLang(t);
  return code && BY_NAME.has(code) ? (BY_NAME.get(code) as string) : null;
}
