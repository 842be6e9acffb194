/**
 * What a value is *of* (its subject), for the comparison: only values of one subject are expected
 * to be equal. Reading it is where most of the tolerance lives: two products' prices, a price with
 * and without tax, a support line and a sales line are different subjects, not a divergence.
 */
import type { FactKind } from '@/lib/model/fact';

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The lines and desks a page may name a phone, an e-mail, hours or an address for. Matched in the
 * label the page gives the value (accents and case folded); the first role that matches wins.
 */
const ROLES: [role: string, words: RegExp][] = [
  ['complaints', /\b(reclamacion|reclamaciones|quejas|complaints?)\b/],
  ['billing', /\b(facturacion|cobros|billing|invoices?|accounts payable)\b/],
  ['press', /\b(prensa|press|media|comunicacion)\b/],
  ['jobs', /\b(empleo|trabaja con nosotros|rrhh|recursos humanos|careers?|jobs)\b/],
  ['privacy', /\b(privacidad|proteccion de datos|dpo|rgpd|gdpr|privacy|data protection)\b/],
  ['bookings', /\b(reservas?|bookings?|reservations?)\b/],
  ['sales', /\b(ventas|venta|comercial|contratacion|presupuestos?|sales|new customers)\b/],
  [
    'support',
    /\b(atencion al cliente|servicio de atencion|soporte|asistencia|ayuda|servicio tecnico|postventa|incidencias|support|customer (service|care)|help ?desk|help|after-?sales)\b/,
  ],
  ['store', /\b(tienda|oficina|sede|store|shop|office|showroom)\b/],
];

/** Local parts of addresses that say what the mailbox is for, when the page names nothing. */
const MAILBOX_ROLES: Record<string, string> = {
  soporte: 'support',
  support: 'support',
  ayuda: 'support',
  help: 'support',
  atencionalcliente: 'support',
  clientes: 'support',
  ventas: 'sales',
  sales: 'sales',
  comercial: 'sales',
  reservas: 'bookings',
  bookings: 'bookings',
  facturacion: 'billing',
  billing: 'billing',
  prensa: 'press',
  press: 'press',
  empleo: 'jobs',
  jobs: 'jobs',
  rrhh: 'jobs',
  careers: 'jobs',
  privacidad: 'privacy',
  privacy: 'privacy',
  dpo: 'privacy',
  rgpd: 'privacy',
  gdpr: 'privacy',
  reclamaciones: 'complaints',
  complaints: 'complaints',
};

/** The role a label names, or '' when it names none ("Teléfono", "Llámanos"). */
export function roleOf(kind: FactKind, value: string, label: string): string {
  const l = fold(label);
  if (l) for (const [role, words] of ROLES) if (words.test(l)) return role;
  if (kind === 'email') {
    const local = fold(value.split('@')[0] ?? '').replace(/[^a-z]/g, '');
    return MAILBOX_ROLES[local] ?? '';
  }
  return '';
}

/** Kinds a site may state once per line or desk (read with roleOf). */
export const ROLE_KINDS: ReadonlySet<FactKind> = new Set(['phone', 'email', 'opening-hours', 'postal-address']);

/** The page says this price is before tax ("sin IVA", "+ VAT", "excl. VAT"). */
const EXCL_TAX =
  /(\bsin (iva|impuestos)\b|\biva no incluido\b|\bimpuestos no incluidos\b|\+ ?(iva|vat|tax)\b|\bmas (iva|impuestos)\b|\bantes de impuestos\b|\bexcl(\.|uding|uye)? ?(iva|vat|tax(es)?)\b|\bex\.? vat\b|\bplus (vat|tax)\b|\bbefore tax\b|\bvat not included\b|\bnet of (vat|tax)\b)/;

/** Marks a price subject stated before tax: compared only with other prices before tax. */
export const EXCL_TAX_MARK = ' [excl-tax]';

/**
 * A price's subject: the product or plan it belongs to (its label), and whether the page says it
 * is before tax. A price with no product named is of nothing known: null, left out, since two
 * unnamed prices are as likely two products as one product twice.
 */
export function priceSubject(label: string, context: string, raw: string): string | null {
  const product = fold(label);
  if (!product) return null;
  const excl = EXCL_TAX.test(fold(`${raw} ${context} ${label}`));
  return excl ? `${product}${EXCL_TAX_MARK}` : product;
}

const EXPRESS = /\b(expres|express|urgente|24 ?h|same.?day|mismo dia|next.?day|premium|prioritario|priority)\b/;

/** A promise's subject: what is promised (delivery, response…), and express apart from standard. */
export function promiseSubject(value: string, label: string): string {
  const what = value.split(' ')[0] ?? '';
  return EXPRESS.test(fold(label)) ? `${what} express` : what;
}

/** The register of a formality value: usted is formal, tú and vosotros informal (English as is). */
export function registerOf(value: string): string | null {
  if (value === 'usted' || value === 'formal') return 'formal';
  if (value === 'tu' || value === 'vosotros' || value === 'informal') return 'informal';
  return null;
}

/**
 * The subject and the value compared, for the kinds compared by equality (measures, language and
 * the role kinds are read elsewhere); null when the fact is not compared. '' is the site as a whole.
 */
export function subjectOf(
  kind: FactKind,
  fact: { value: string; label: string; context: string; raw: string },
): { subject: string; value: string } | null {
  const { value, label } = fact;
  switch (kind) {
    case 'price': {
      const subject = priceSubject(label, fact.context, fact.raw);
      return subject === null ? null : { subject, value };
    }
    case 'promise':
      return { subject: promiseSubject(value, label), value };
    case 'formality': {
      const register = registerOf(value);
      return register ? { subject: '', value: register } : null;
    }
    case 'cta':
      // The action is the subject; the labels used for it are the values.
      return label ? { subject: label, value } : null;
    case 'social': {
      const network = value.split(':')[0] ?? '';
      return network ? { subject: network, value } : null;
    }
    case 'colour':
    case 'font':
    case 'button-shape':
      return { subject: fold(label), value };
    case 'breadcrumbs': {
      // Each page's trail is its own; the first crumb ("Inicio" / "Home") is the site's.
      const root = value.split(' > ')[0]?.trim() ?? '';
      return root && value.includes(' > ') ? { subject: 'root', value: root } : null;
    }
    default:
      return { subject: '', value };
  }
}
