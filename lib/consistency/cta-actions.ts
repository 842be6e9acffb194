/**
 * What a call to action does, whatever it is called: "Comprar", "Comprar ahora" and "Buy now" all
 * buy. The groups are the `label` of cta facts (lib/model/fact.ts), so the comparison sees the
 * same action named two ways as one subject with two values. Labels are matched whole (after
 * trimming arrows and punctuation), accents and case ignored, against phrases in Spanish
 * (Peninsular and Latin American wording) and English: a label that merely contains a verb
 * ("Comprar en tienda física: horarios") is not a call to action and maps to nothing.
 * Longer than 200 lines because it is one table of phrases, one per line: split, it would scatter
 * the groups.
 */

export const CTA_ACTIONS = [
  'add-to-cart',
  'buy',
  'checkout',
  'book',
  'quote',
  'contact',
  'call',
  'subscribe',
  'sign-up',
  'log-in',
  'download',
  'learn-more',
  'search',
  'send',
  'start',
] as const;
export type CtaAction = (typeof CTA_ACTIONS)[number];

/** Each group's phrases, accents stripped, lower case; `…` ends a phrase that may go on ("now", "here"). */
const PHRASES: Record<CtaAction, string[]> = {
  'add-to-cart': [
    'anadir a la cesta',
    'anadir al carrito',
    'anadir a mi cesta',
    'anadir a la bolsa',
    'agregar al carrito',
    'agregar a la cesta',
    'anadir',
    'add to cart',
    'add to basket',
    'add to bag',
    'add to trolley',
  ],
  buy: [
    'comprar',
    'comprar ahora',
    'compra ahora',
    'compra ya',
    'compralo',
    'compre ahora',
    'buy',
    'buy now',
    'buy it now',
    'purchase',
    'shop now',
    'comprar ya',
  ],
  checkout: [
    'tramitar pedido',
    'finalizar compra',
    'finalizar pedido',
    'realizar pedido',
    'hacer pedido',
    'confirmar pedido',
    'pagar',
    'ir a pagar',
    'ir a la caja',
    'checkout',
    'check out',
    'proceed to checkout',
    'place order',
    'pay now',
  ],
  book: [
    'reservar',
    'reserva',
    'reserva ahora',
    'reservar ahora',
    'reserve ahora',
    'reserve',
    'reserva tu plaza',
    'reservar plaza',
    'reservar cita',
    'pedir cita',
    'solicitar cita',
    'pide cita',
    'book',
    'book now',
    'book a table',
    'book an appointment',
    'reserve now',
    'make a reservation',
    'reserve a table',
  ],
  quote: [
    'pedir presupuesto',
    'solicitar presupuesto',
    'solicita presupuesto',
    'pide presupuesto',
    'solicite presupuesto',
    'presupuesto sin compromiso',
    'solicitar cotizacion',
    'request a quote',
    'get a quote',
    'get a free quote',
    'request quote',
    'request a free quote',
  ],
  contact: [
    'contactar',
    'contacta',
    'contacte',
    'contactanos',
    'contactenos',
    'contacta con nosotros',
    'contacte con nosotros',
    'contactar con nosotros',
    'ponte en contacto',
    'pongase en contacto',
    'escribenos',
    'escribanos',
    'contacto',
    'contact',
    'contact us',
    'get in touch',
    'talk to us',
    'talk to sales',
    'contact sales',
    'hablar con ventas',
    'habla con nosotros',
  ],
  call: ['llamar', 'llamanos', 'llamenos', 'llama ahora', 'llamar ahora', 'call', 'call us', 'call now'],
  subscribe: [
    'suscribirse',
    'suscribirme',
    'suscribete',
    'suscribase',
    'suscribir',
    'apuntarme',
    'subscribe',
    'subscribe now',
    'sign up for our newsletter',
    'join our newsletter',
  ],
  'sign-up': [
    'registrarse',
    'registrarme',
    'registrate',
    'registrese',
    'crear cuenta',
    'crear una cuenta',
    'crea tu cuenta',
    'crear mi cuenta',
    'darse de alta',
    'date de alta',
    'sign up',
    'register',
    'register account',
    'register an account',
    'create account',
    'create an account',
    'join',
    'join now',
    'join us',
    'get started for free',
  ],
  'log-in': [
    'iniciar sesion',
    'inicia sesion',
    'acceder',
    'accede',
    'entrar',
    'identificarse',
    'mi cuenta',
    'log in',
    'login',
    'sign in',
    'my account',
  ],
  download: [
    'descargar',
    'descarga',
    'descargar ahora',
    'descarga la app',
    'descargar pdf',
    'download',
    'download now',
  ],
  'learn-more': [
    'mas informacion',
    'saber mas',
    'ver mas',
    'leer mas',
    'descubre mas',
    'descubrir mas',
    'descubra mas',
    'informate',
    'mas info',
    'learn more',
    'read more',
    'find out more',
    'see more',
    'discover more',
    'more info',
    'more information',
  ],
  search: ['buscar', 'busca', 'search', 'find'],
  send: ['enviar', 'enviar mensaje', 'enviar consulta', 'enviar solicitud', 'send', 'send message', 'submit'],
  start: [
    'empezar',
    'empieza ahora',
    'empezar ahora',
    'comenzar',
    'get started',
    'start now',
    'start free trial',
    'prueba gratis',
    'probar gratis',
    'try for free',
    'try it free',
  ],
};

/** Trailing words that do not change the action ("Reservar ahora" = "Reservar"). */
const FILLER = /\s+(?:ahora|ya|aqui|hoy|now|here|today)$/;
/** An account provider after the action does not change it either ("Register with Google"). */
const PROVIDER =
  /\s+(?:with|using|via|con)\s+(?:google|facebook|apple|microsoft|github|linkedin|twitter|x|email|e mail|correo)$/;

const INDEX = new Map<string, CtaAction>();
for (const action of CTA_ACTIONS) for (const p of PHRASES[action]) INDEX.set(p, action);

/** Accents off, lower case, one space, no arrows or punctuation at the ends: what is matched. */
export function matchKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The label as the fact's value: lower case, spaces collapsed, arrows and icons trimmed. */
export function ctaValue(label: string): string {
  return label
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}¡¿]+|[^\p{L}\p{N}!?)]+$/gu, '')
    .toLowerCase();
}

/** The action a label names, or null when it names none this table knows. */
export function ctaAction(label: string): CtaAction | null {
  if (label.length > 80) return null;
  const key = matchKey(label);
  if (key === '' || key.split(' ').length > 7) return null;
  const bare = key.replace(PROVIDER, '');
  return (
    INDEX.get(key) ??
    INDEX.get(key.replace(FILLER, '')) ??
    INDEX.get(bare) ??
    INDEX.get(bare.replace(FILLER, '')) ??
    null
  );
}
