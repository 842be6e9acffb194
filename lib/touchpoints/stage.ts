import type { Channel, Stage } from '@/lib/model';
import { hostOf, isLocale, patternOf, splitPattern } from '@/lib/touchpoints/url-pattern';

/**
 * A first guess at a new touchpoint's stage, from English and Spanish keywords; the auditor
 * confirms or changes it. Rules, and why:
 * - Where: path words first (`/mi-cuenta/pedidos`), then subdomain labels (`ayuda.banco.es`),
 *   the page title only when they say nothing: titles sell ("Buy the best shoes") on any page.
 * - The home page (no path, or only a locale or `/home`, `/inicio`) is awareness; "home" is no
 *   keyword elsewhere, as it names products too (`/insurance/home`).
 * - Which stage when words of several meet: the first in STAGE_RULES. Content sections first,
 *   as their slugs mention anything (`/blog/reserva-anticipada`); then support, whose articles
 *   name every flow (`/help/payment`); then the purchase flow, which holds reviews and sign-ups
 *   of its own (`/checkout/review`, `/checkout/register`); then advocacy, loyalty and onboarding,
 *   which live inside accounts (`/account/rewards`); then the account itself; consideration last.
 * - Words match whole (`cart` not `carta`); plurals are listed where they mean the same stage,
 *   and left out where they do not (`order` is buying, `orders` is an account's history).
 * - Nothing matches: consideration, the stage most pages of a site serve.
 */

/** Keywords, accent-free and lowercase, comma-separated; earlier stages win (see above). */
const STAGE_RULES: readonly (readonly [Stage, string])[] = [
  [
    'awareness',
    `blog, news, noticias, press, prensa, magazine, revista, articles, articulos, stories, inspiration,
     inspiracion, landing, lp, campaign, campana, about, about us, sobre nosotros, quienes somos,
     actualidad`,
  ],
  [
    'support',
    `help, support, contact, contact us, contacto, contactar, contacta, faq, faqs, ayuda, soporte,
     returns, return, devoluciones, devolucion, claims, reclamaciones, reclamacion, incidencias,
     incidencia, complaints, customer service, customer care, atencion al cliente, help center,
     centro de ayuda, preguntas frecuentes, warranty, garantia, servicio tecnico`,
  ],
  [
    'purchase',
    `cart, basket, checkout, check out, carrito, cesta, quote, presupuesto, cotizacion, cotizar, booking,
     book, book now, reserva, reservar, pago, pagar, payment, pay, order, pedido, compra, comprar, buy,
     purchase, finalizar compra, subscribe, suscribirse, contratar, contratacion, solicitar, solicitud,
     apply, confirmation, confirmacion, thank you, gracias`,
  ],
  [
    'advocacy',
    `review, reviews, write a review, opiniones, opinion, opina, valoraciones, valorar, valora, rate,
     refer, referral, referrals, refer a friend, invite, invita, invitar, recomienda, recomendar,
     testimonials, testimonios, ambassador, embajadores, share, comparte`,
  ],
  [
    'loyalty',
    `loyalty, rewards, reward, club, puntos, points, fidelidad, fidelizacion, membership, members,
     miembros, premios, vip, cashback, ventajas, renew, renewal, renovar, renovacion`,
  ],
  [
    'onboarding',
    `signup, sign up, register, registration, registro, registrate, welcome, bienvenida, bienvenido, alta,
     darse de alta, onboarding, get started, getting started, primeros pasos, create account,
     crear cuenta, activate, activation, activar, activacion, verify, verificar, setup`,
  ],
  [
    'use',
    `account, my account, myaccount, mi cuenta, micuenta, dashboard, profile, perfil, settings, ajustes,
     configuracion, preferences, preferencias, orders, pedidos, mis pedidos, order history, login, log in,
     signin, sign in, logon, acceso, acceder, iniciar sesion, area clientes, area cliente, area privada,
     banca online, banca digital, online banking, bookings, my bookings, mis reservas, trips, mis viajes,
     tracking, track, seguimiento, billing, facturas, invoices`,
  ],
  [
    'consideration',
    `product, products, producto, productos, catalog, catalogue, catalogo, compare, comparar, comparador,
     comparativa, pricing, prices, precios, tarifas, tarifa, plans, planes, destination, destinations,
     destino, destinos, category, categories, categoria, categorias, shop, tienda, search, buscar,
     busqueda, results, resultados, hotels, hoteles, hotel, flights, vuelos, item, dp, features,
     caracteristicas, offers, ofertas, deals, collections, coleccion, simulador, simulator, calculadora,
     calculator, insurance, seguros, loans, prestamos, hipotecas, mortgages, tarjetas, cards`,
  ],
];

const HOME_WORDS = new Set(['home', 'inicio', 'portada', 'index', 'start']);

/** Lowercase, accents gone, words separated by single spaces and padded: ` mi cuenta `. */
function words(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return ` ${plain.join(' ')} `;
}

const RULES = STAGE_RULES.map(([stage, list]) => [stage, list.split(/\s*,\s*/).map((k) => ` ${k} `)] as const);

function stageIn(text: string): Stage | null {
  return RULES.find(([, keywords]) => keywords.some((k) => text.includes(k)))?.[0] ?? null;
}

export function guessStage(url: string, title: string): { stage: Stage; guessed: true } {
  const host = hostOf(url);
  const path = splitPattern(patternOf(url)).segments.filter((s) => !s.startsWith(':'));
  const fromPath = stageIn(words(path.join(' ')));
  if (fromPath) return { stage: fromPath, guessed: true };
  // `shop.` names a whole site, not a stage: only a subdomain's more specific stages count.
  const fromHost = stageIn(words(host.split('.').slice(0, -2).join(' ')));
  if (fromHost && fromHost !== 'consideration') return { stage: fromHost, guessed: true };
  const rest = isLocale(path[0] ?? '') ? path.slice(1) : path;
  const only = rest.length === 1 ? (rest[0] ?? '').replace(/\.\w+$/, '').toLowerCase() : '';
  if (host !== '' && (rest.length === 0 || HOME_WORDS.has(only))) return { stage: 'awareness', guessed: true };
  const fromTitle = stageIn(words(typeof title === 'string' ? title : ''));
  return { stage: fromTitle ?? 'consideration', guessed: true };
}

/**
 * The stage guessed for a new touchpoint of another channel (a call, an email): calls and chats
 * are mostly support, a store visit a purchase. The auditor confirms or changes it.
 */
export const OFFSITE_STAGE: Readonly<Record<Channel, Stage>> = {
  web: 'consideration',
  'mobile-web': 'consideration',
  app: 'use',
  email: 'consideration',
  phone: 'support',
  chat: 'support',
  social: 'awareness',
  store: 'purchase',
  ads: 'awareness',
  other: 'use',
};
