/**
 * The site of the bench's generated audit (bench/big-audit.ts): its page templates (one web
 * touchpoint each, across the journey's stages), the order walks go through them, the frictions a
 * page may show (walks meet them again, so auditors agree or not), what each page states (facts,
 * with a few planted divergences), and the off-site events after a walk. Accents throughout.
 */
import type { Anchor } from '@/lib/model/anchor';
import type { FactDraft } from '@/lib/model/fact';
import type { OffsiteEvent } from '@/lib/model/offsite';
import { DEFAULT_CATEGORIES } from '@/lib/model/tag';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { type Actionable, between, type PageSpec, pick, type Rand, seeded, sentence } from './big-page';

export const ORIGIN = 'https://www.viajes-ventura.example';

export interface Template extends Omit<PageSpec, 'heading'> {
  key: string;
  stage: Touchpoint['stage'];
  path: (r: Rand) => string;
}

const FORM_BOOKING = [
  'Nombre',
  'Correo electrónico',
  'Teléfono',
  'DNI o pasaporte',
  'Fecha de nacimiento',
  'Dirección',
];
const FORM_PAY = ['Titular de la tarjeta', 'Correo electrónico', 'Número de tarjeta', 'Caducidad', 'CVC'];
const id5 = (r: Rand) => between(r, 10_000, 99_999);
export const TEMPLATES: Template[] = [
  { key: 'inicio', title: 'Inicio', stage: 'awareness', cards: 180, form: null, path: () => '/' },
  { key: 'destinos', title: 'Destinos', stage: 'consideration', cards: 320, form: null, path: () => '/destinos' },
  { key: 'ofertas', title: 'Ofertas', stage: 'consideration', cards: 360, form: null, path: () => '/ofertas' },
  {
    key: 'viaje',
    title: 'Ficha del viaje',
    stage: 'consideration',
    cards: 90,
    form: null,
    path: (r) => `/viaje/${id5(r)}`,
  },
  {
    key: 'datos',
    title: 'Datos de los viajeros',
    stage: 'purchase',
    cards: 10,
    form: FORM_BOOKING,
    path: (r) => `/reserva/R-${id5(r)}/datos`,
  },
  { key: 'pago', title: 'Pago', stage: 'purchase', cards: 6, form: FORM_PAY, path: (r) => `/reserva/R-${id5(r)}/pago` },
  {
    key: 'confirmacion',
    title: 'Reserva confirmada',
    stage: 'purchase',
    cards: 20,
    form: null,
    path: (r) => `/reserva/R-${id5(r)}/confirmacion`,
  },
  {
    key: 'alta',
    title: 'Crear cuenta',
    stage: 'onboarding',
    cards: 8,
    form: ['Nombre', 'Correo electrónico', 'Contraseña'],
    path: () => '/cuenta/alta',
  },
  { key: 'mis-viajes', title: 'Mis viajes', stage: 'use', cards: 30, form: null, path: () => '/mis-viajes' },
  { key: 'ayuda', title: 'Centro de ayuda', stage: 'support', cards: 120, form: null, path: () => '/ayuda' },
  {
    key: 'articulo',
    title: 'Artículo de ayuda',
    stage: 'support',
    cards: 20,
    form: null,
    path: (r) => `/ayuda/articulo/${id5(r)}`,
  },
  {
    key: 'contacto',
    title: 'Contacto',
    stage: 'support',
    cards: 12,
    form: ['Nombre', 'Correo electrónico', 'Localizador', 'Mensaje'],
    path: () => '/contacto',
  },
  { key: 'opiniones', title: 'Opiniones', stage: 'advocacy', cards: 220, form: null, path: () => '/opiniones' },
  {
    key: 'boletin',
    title: 'Boletín',
    stage: 'loyalty',
    cards: 12,
    form: ['Correo electrónico'],
    path: () => '/boletin',
  },
];
export const T = Object.fromEntries(TEMPLATES.map((t) => [t.key, t])) as Record<string, Template>;
export const SPINE = [
  'inicio',
  'destinos',
  'viaje',
  'viaje',
  'ofertas',
  'viaje',
  'datos',
  'pago',
  'confirmacion',
  'alta',
  'mis-viajes',
  'ayuda',
  'articulo',
  'articulo',
  'contacto',
  'opiniones',
  'boletin',
];
export const DETOURS = ['viaje', 'destinos', 'ofertas', 'articulo', 'inicio', 'mis-viajes', 'viaje', 'ayuda'];

export const NOTES = [
  'El precio final sube 38 € en el último paso: las tasas no se avisan antes.',
  'No encuentro la política de cancelación; el enlace del pie lleva a una página vacía.',
  'El botón «Continuar» no responde hasta que se rellena un campo que no parece obligatorio.',
  'La fecha de nacimiento pide el formato mm/dd/aaaa, poco habitual en España.',
  'El mensaje de error está en inglés: «Invalid card number».',
  '¿Por qué pide el DNI de un bebé de ocho meses? Genera desconfianza.',
  'La búsqueda no reconoce «Cádiz» sin tilde.',
  'Carga lenta (más de 6 s) al filtrar por «pensión completa».',
  'El teléfono del pie no coincide con el de la página de contacto.',
  'Tutea en la ficha y trata de usted en el pago: tono incoherente.',
  '+34 en el campo de teléfono da error; sin prefijo, funciona.',
  '=HIPERVINCULO("x") pegado en la nota, para comprobar el CSV.',
];

const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
};
export const uuid = (r: Rand) => {
  const h = () =>
    Math.floor(r() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
};

export function anchorOf(a: Actionable): Anchor {
  const clip = (s: string) => s.slice(0, 120);
  return {
    v: 1,
    selector: a.selector,
    tag: a.tag,
    role: a.role,
    name: clip(a.name),
    text: { text: clip(a.name), hash: hash(a.name) },
    context: { text: clip(a.context), hash: hash(a.context) },
    attributes: a.kind === 'field' ? { id: a.selector.slice(1) } : {},
    classes: a.kind === 'button' ? ['btn'] : [],
    ancestors: [{ tag: 'main', id: null, classes: [] }],
    siblingIndex: 0,
    shared: {},
    position: { rect: { x: 120, y: 340, width: 180, height: 44 }, viewport: { width: 1280, height: 800 } },
  };
}

/** A friction the site has: walks that reach its page may meet it. */
export interface Friction {
  template: string;
  /** Which of the page's actionable elements (by index, wrapped). */
  element: number;
  category: string;
  severity: number;
}
export const FRICTIONS: Friction[] = Array.from({ length: 48 }, (_, i) => {
  const r = seeded(1000 + i);
  return {
    template: pick(r, SPINE),
    element: between(r, 0, 40),
    category: (DEFAULT_CATEGORIES[i % DEFAULT_CATEGORIES.length] as { id: string }).id,
    severity: between(r, 0, 4),
  };
});

export function factsOf(key: string, r: Rand): FactDraft[] {
  const f = (kind: FactDraft['kind'], value: string, label = '', source: FactDraft['source'] = 'text'): FactDraft => ({
    kind,
    value,
    raw: value,
    source,
    context: sentence(r, 4, 10).slice(0, 300),
    label,
  });
  const out = [
    f('phone', key === 'contacto' ? '+34910000101' : '+34910000100', 'Atención al cliente', 'link'),
    f('email', 'reservas@viajes-ventura.example', '', 'link'),
    f('language', 'es'),
    f('formality', key === 'pago' ? 'usted' : 'tu'),
    f('navigation', 'destinos | ofertas | escapadas | cruceros | mis viajes | ayuda | contacto | iniciar sesión'),
    f('title-pattern', '{page} | Viajes Ventura'),
    f('colour', key === 'boletin' ? '#e03c28' : '#0055aa', 'primary-button', 'style'),
    f('font', 'inter', 'body', 'style'),
  ];
  if (key === 'viaje' || key === 'confirmacion')
    out.push(f('price', key === 'viaje' ? 'EUR 420.00' : 'EUR 458.00', 'Lisboa 3 noches'));
  if (key !== 'pago') out.push(f('cta', 'reservar', 'book'));
  return out;
}

/** The walk's events in other channels: a call, an email, a chat, after the walk. */
export function offsiteOf(
  s: { n: number; auditId: string; startedAt: number; durationMs: number },
  walkId: string,
  r: Rand,
): OffsiteEvent[] {
  const end = s.startedAt + s.durationMs;
  const base = {
    auditId: s.auditId,
    walkId,
    reschedules: 0,
    transfers: 0,
    repeatedInfo: [] as string[],
    tone: { formality: 'formal' as const, warmth: 'warm' as const },
    createdAt: end,
    updatedAt: end,
  };
  const phone: OffsiteEvent = {
    ...base,
    id: uuid(r),
    touchpointId: 'bench-tp-phone',
    channel: 'phone',
    touchpointName: 'Línea de atención',
    summary: 'Llamó para preguntar por la cancelación gratuita y el traslado.',
    requestedAt: end + 3_600_000,
    answeredAt: end + 3_600_000 + between(r, 60_000, 900_000),
    reschedules: s.n,
    transfers: 1 + s.n,
    repeatedInfo: ['localizador', 'DNI'],
    outcome: s.n === 2 ? 'unresolved' : 'resolved',
    ces: between(r, 1, 5),
    csat: between(r, 1, 4),
    facts: [
      { kind: 'phone', subject: 'atención al cliente', value: '910 000 102' },
      { kind: 'hours', subject: 'atención', value: 'L-V 9:00-18:00' },
    ],
    note: 'Tras dos transferencias, la agente confirmó la política: 48 h antes, sin coste.',
  };
  const email: OffsiteEvent = {
    ...base,
    id: uuid(r),
    touchpointId: 'bench-tp-email',
    channel: 'email',
    touchpointName: 'Correo de confirmación',
    summary: 'Correo de confirmación de la reserva.',
    requestedAt: end + 60_000,
    answeredAt: end + between(r, 120_000, 5_400_000),
    outcome: 'resolved',
    ces: 6,
    csat: 4,
    tone: { formality: 'informal', warmth: 'warm' },
    facts: [
      { kind: 'price', subject: 'Lisboa 3 noches', value: '458,00 €' },
      { kind: 'email', subject: 'reservas', value: 'reservas@viajes-ventura.example' },
    ],
    note: '',
  };
  const chat: OffsiteEvent = {
    ...base,
    id: uuid(r),
    touchpointId: 'bench-tp-chat',
    channel: 'chat',
    touchpointName: 'Chat de ayuda',
    summary: 'Preguntó por la factura a nombre de la empresa.',
    requestedAt: end + 7_200_000,
    answeredAt: null,
    outcome: 'pending',
    ces: null,
    csat: null,
    tone: { formality: null, warmth: 'cold' },
    facts: [],
    note: 'Sin respuesta tras 20 min.',
  };
  return s.n === 0 ? [phone, email] : s.n === 1 ? [chat, phone] : [email];
}
