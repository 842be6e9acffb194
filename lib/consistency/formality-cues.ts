/**
 * The words that tell how a page addresses its reader. Spanish: tú, usted or vosotros. "su" alone
 * is not usted (it is also "his", "her", "their"), nor is a bare third-person verb ("puede" is
 * also "it can"); usted needs "usted" itself, a formal imperative, or a formal enclitic
 * ("póngase", "llámenos"). Many imperatives are also other forms ("descubre" = "she discovers",
 * "contacte" = "that I contact"), so those count only where an imperative stands: at the start of
 * a sentence, a button or a heading, or after "no". English: contractions and casual words against
 * uncontracted forms and formal phrases. Each cue has a weight; formality.ts sums them. Longer
 * than 200 lines because it is one table of word lists: split, the registers' lists would drift.
 */

export type Register = 'tu' | 'usted' | 'vosotros' | 'formal' | 'informal';

interface CueSet {
  register: Register;
  weight: number;
  /** Matches anywhere (an unambiguous form) or only where an imperative stands. */
  where: 'anywhere' | 'imperative';
  words: Set<string>;
  /**
   * A tú imperative is also the third person of the indicative: after "no" it is a statement or
   * a question to usted ("¿No encuentra lo que busca?"), never a negative imperative.
   */
  notAfterNo?: boolean;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Regular verbs common in web copy, conjugated: an -ar verb's usted imperative ends in -e and its
 * tú imperative in -a ("confirme", "confirma"); -er and -ir verbs the other way round ("escriba",
 * "escribe"). Verbs whose forms are also common nouns ("marca", "nota", "toma") are left out.
 */
const AR = `confirm revis complet rellen indic seleccion pag acept verific reserv compr llam contact consult visit
  solicit disfrut mir dej pregunt compar calcul busc explor esper cambi cancel gestion actualiz guard utiliz
  inici registr apunt lleg aprovech descarg puls ayud habl escuch cuid elimin modific imagin celebr prepar
  organiz planific`;
const ER_IR = 'descubr escrib recib decid le respond compart acced suscrib aprend añad insist imprim permit abr';
const ortho = (stem: string) => stem.replace(/c$/, 'qu').replace(/g$/, 'gu').replace(/z$/, 'c');
const STEMS_AR = AR.split(/\s+/).filter(Boolean);
const STEMS_ER = ER_IR.split(/\s+/).filter(Boolean);
const USTED_REGULAR = [...STEMS_AR.map((st) => `${ortho(st)}e`), ...STEMS_ER.map((st) => `${st}a`)].join(' ');
const TU_REGULAR = [...STEMS_AR.map((st) => `${st}a`), ...STEMS_ER.map((st) => `${st}e`)].join(' ');

const ES: CueSet[] = [
  { register: 'usted', weight: 3, where: 'anywhere', words: set('usted ustedes ud uds vd vds') },
  {
    register: 'usted',
    weight: 2,
    where: 'anywhere',
    words: set(`póngase pónganse contáctenos llámenos escríbanos regístrese suscríbase únase apúntese infórmese
      diríjase acérquese déjenos cuéntenos síganos pregúntenos visítenos consúltenos permítanos indíquenos
      envíenos hágase olvídese despreocúpese asegúrese identifíquese conéctese relájese decídase anímese
      dígame dígannos atrévase disfrútelo pruébelo descúbralo cómprelo resérvelo`),
  },
  {
    register: 'usted',
    weight: 2,
    where: 'imperative',
    words: set(`descubra contacte llame consulte reserve compre pida elija acceda visite descargue solicite encuentre
      disfrute conozca pruebe añada envíe mire lea venga haga diga ponga tenga dude olvide pierda reciba ahorre
      empiece comience cree inicie complete rellene introduzca seleccione pulse aproveche vea sepa recuerde
      escriba deje siga pregunte confíe compare calcule marque indique explore busque espere`),
  },
  { register: 'usted', weight: 2, where: 'imperative', words: set(USTED_REGULAR) },
  { register: 'tu', weight: 2, where: 'imperative', words: set(TU_REGULAR), notAfterNo: true },
  { register: 'tu', weight: 3, where: 'anywhere', words: set('tú contigo') },
  { register: 'tu', weight: 2, where: 'anywhere', words: set('tu tus tuyo tuya tuyos tuyas') },
  // Negative imperatives are subjunctive: "no dudes" is tú wherever it stands.
  { register: 'tu', weight: 2, where: 'anywhere', words: set('dudes olvides pierdas esperes dejes preocupes') },
  { register: 'tu', weight: 1.5, where: 'anywhere', words: set('te') },
  {
    register: 'tu',
    weight: 2,
    where: 'anywhere',
    words:
      set(`puedes quieres tienes eres estás necesitas sabes buscas haces vas prefieres deseas sueñas aceptas confirmas recibes
      ponte date hazte vente dinos regístrate suscríbete únete apúntate infórmate olvídate déjanos cuéntanos
      síguenos escríbenos llámanos contáctanos pregúntanos visítanos consúltanos acércate relájate decídete
      asegúrate identifícate conéctate anímate atrévete ayúdanos dime pruébalo descúbrelo cómpralo resérvalo`),
  },
  {
    register: 'tu',
    weight: 2,
    where: 'imperative',
    words: set(`descubre contacta llama consulta reserva compra pide elige accede visita descarga solicita encuentra
      disfruta conoce prueba añade envía mira lee ven haz pon ten empieza comienza crea inicia completa rellena
      introduce selecciona pulsa aprovecha recuerda escribe deja sigue pregunta confía compara calcula marca
      indica ahorra recibe entra busca explora`),
    notAfterNo: true,
  },
  {
    register: 'vosotros',
    weight: 3,
    where: 'anywhere',
    words: set('vosotros vosotras os vuestro vuestra vuestros vuestras'),
  },
  {
    register: 'vosotros',
    weight: 2,
    where: 'anywhere',
    words: set(`descubrid contactad venid haced reservad apuntaos registraos suscribíos uníos escribidnos llamadnos
      seguidnos visitadnos consultad comprad pedid elegid acceded disfrutad conoced probad`),
  },
];

const EN: CueSet[] = [
  {
    register: 'informal',
    weight: 1.5,
    where: 'anywhere',
    // "'s" only after words that cannot own anything ("it's", "everything's"): "Ventura's" is a possessive.
    words: set(`it's that's there's what's here's let's who's how's where's everything's nothing's something's
      everyone's`),
  },
  {
    register: 'informal',
    weight: 2,
    where: 'anywhere',
    words: set('hey hiya gonna wanna gotta awesome folks guys yay oops whoa cool stuff'),
  },
  { register: 'informal', weight: 2, where: 'imperative', words: set('grab hop swing') },
  {
    register: 'formal',
    weight: 2,
    where: 'anywhere',
    words: set('kindly hereby herein pursuant sincerely shall whereby thereof'),
  },
];

/** Multi-word cues, matched on the lower-cased sentence with words separated by one space. */
const PHRASES: { register: Register; weight: number; re: RegExp }[] = [
  { register: 'usted', weight: 1.5, re: /\b(?:le|les) (?:\p{L}+(?:amos|emos|imos))\b/u },
  { register: 'usted', weight: 2, re: /\bno (?:se|lo) (?:pierda|preocupe|dude|arrepentirá)\b/u },
  { register: 'tu', weight: 2, re: /\b\p{L}{2,}(?:arás|erás|irás)\b/u },
  // "ti" alone may be "TI" (IT, tecnologías de la información); after a preposition it is "you".
  { register: 'tu', weight: 3, re: /\b(?:para|a|de|en|por|sin|contra|hacia|según) ti\b/u },
  { register: 'vosotros', weight: 2, re: /\b\p{L}{2,}(?:áis|éis)\b/u },
  {
    register: 'formal',
    weight: 1,
    re: /\b(?:you are|we are|you will|we will|do not|does not|cannot|will not|is not|are not|we have|you have|let us)\b/,
  },
  {
    register: 'formal',
    weight: 2,
    re: /\b(?:we would be (?:pleased|happy|delighted)|do not hesitate|should you (?:have|require|need|wish)|at your earliest convenience|dear (?:customer|client|sir|madam)|yours (?:faithfully|sincerely)|we are pleased to)\b/,
  },
  {
    register: 'informal',
    weight: 2,
    re: /\b(?:check (?:it )?out|drop us a line|shoot us|hit us up|hi there|stop by)\b/,
  },
  {
    register: 'informal',
    weight: 2,
    re: /\b(?:not sure|no catch|no worries|no problem|pop (?:in|it|them|round|by)|sink right in|nearly there|got you covered)\b/,
  },
  // Formal English speaks of the reader in the third person: "Clients wishing to … are invited to".
  {
    register: 'formal',
    weight: 2,
    re: /\b(?:clients|customers|visitors|users|members|guests|patients|applicants|passengers)(?: and [a-z]+ [a-z]+)? (?:may|should|must|wishing|who wish|are (?:invited|requested|advised|asked|kindly))\b/,
  },
  { register: 'formal', weight: 2, re: /\b(?:are|is) (?:invited|requested|advised|kindly (?:asked|requested)) to\b/ },
];

export interface Cue {
  register: Register;
  weight: number;
  /** The phrase that showed it: the cue and its neighbours. */
  phrase: string;
}

/** The cues in one sentence; `imperativeHere`: the sentence stands alone as a button or heading. */
export function cuesIn(sentence: string, lang: 'es' | 'en', imperativeHere = false): Cue[] {
  // "1 ud." is one unit (unidad), not usted.
  const lower = sentence
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/\d\s*(?:uds?|unid)\b/g, ' ');
  const tokens = lower.match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];
  const out: Cue[] = [];
  const phraseAt = (i: number) => tokens.slice(Math.max(0, i - 1), i + 2).join(' ');
  const sets = lang === 'es' ? ES : EN;
  tokens.forEach((t, i) => {
    // Where an imperative stands: the sentence's first word, or the word after a leading "no".
    const imperative = i === 0 || (i === 1 && tokens[0] === 'no') || (imperativeHere && i <= 1);
    for (const cs of sets) {
      if (!cs.words.has(t) || (cs.where === 'imperative' && !imperative)) continue;
      if (cs.notAfterNo && i === 1 && tokens[0] === 'no') continue;
      out.push({ register: cs.register, weight: cs.weight, phrase: phraseAt(i) });
      break;
    }
  });
  if (lang === 'en') {
    tokens.forEach((t, i) => {
      if (/^[a-z]+(?:n't|'ll|'re|'ve|'m|'d)$/.test(t))
        out.push({ register: 'informal', weight: 1.5, phrase: phraseAt(i) });
    });
  }
  const joined = tokens.join(' ');
  for (const p of PHRASES) {
    if ((lang === 'es') !== (p.register === 'tu' || p.register === 'usted' || p.register === 'vosotros')) continue;
    const m = p.re.exec(joined);
    if (m) out.push({ register: p.register, weight: p.weight, phrase: m[0] });
  }
  return out;
}
