/**
 * The severity the comparison suggests for a divergence, on Nielsen's 0–4 scale (the auditor has
 * the last word). What a customer acts on (a number to call, a price to pay, when to come, when it
 * arrives) weighs more than how the brand looks; where the odd value is seen moves it by one:
 *
 * | kinds                                              | base |
 * |----------------------------------------------------|------|
 * | phone, price, opening-hours, promise               |  3   |
 * | email, postal-address, legal-name, logo, formality, language, cta, navigation | 2 |
 * | social, colour, font, button-shape, favicon, title-pattern, readability, sentence-length, exclamation, footer-links, breadcrumbs, language-switcher | 1 |
 *
 * - +1 when a value other than the baseline is seen on a page where the customer acts on it (a
 *   contact, help, checkout, cart or booking page, by its touchpoint's stage, purchase or support,
 *   or by words in its address or title) or was told to the customer in another channel.
 * - −1 when every place of the other values is inside a footer (and nothing above applies): a
 *   footer colour is the least of it.
 * - Clamped to 0–4.
 */
import type { Place } from '@/lib/consistency/divergence';
import type { FactKind } from '@/lib/model/fact';
import type { Touchpoint } from '@/lib/model/touchpoint';

const BASE: Record<FactKind, number> = {
  phone: 3,
  price: 3,
  'opening-hours': 3,
  promise: 3,
  email: 2,
  'postal-address': 2,
  'legal-name': 2,
  logo: 2,
  formality: 2,
  language: 2,
  cta: 2,
  navigation: 2,
  social: 1,
  colour: 1,
  font: 1,
  'button-shape': 1,
  favicon: 1,
  'title-pattern': 1,
  readability: 1,
  'sentence-length': 1,
  exclamation: 1,
  'footer-links': 1,
  breadcrumbs: 1,
  'language-switcher': 1,
};

/** Words in a page's address or title that say the customer acts there. */
const CRITICAL =
  /contact|contacto|support|soporte|ayuda|help|atencion|faq|checkout|cart|carrito|cesta|basket|pago|payment|pagar|reserva|booking|book|comprar|order|pedido|tramitar/i;

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whether the place is one where a wrong value costs the customer (see the table above). */
export function isCritical(place: Place, touchpoints: ReadonlyMap<string, Touchpoint>): boolean {
  if (place.type === 'offsite') return true;
  const stage = place.touchpointId ? touchpoints.get(place.touchpointId)?.stage : undefined;
  if (stage === 'purchase' || stage === 'support') return true;
  let path = '';
  try {
    path = new URL(place.url).pathname;
  } catch {
    path = place.url;
  }
  return CRITICAL.test(fold(`${path} ${place.title}`));
}

function inFooter(place: Place): boolean {
  if (place.type !== 'page' || !place.anchor) return false;
  const a = place.anchor;
  if (a.tag === 'footer' || a.role === 'contentinfo') return true;
  return a.ancestors.some((x) => x.tag === 'footer' || x.classes.some((c) => /footer/i.test(c)));
}

/** The suggested severity of a divergence whose values past the baseline are held by `odd`. */
export function severityOf(
  kind: FactKind,
  odd: readonly Place[],
  touchpoints: ReadonlyMap<string, Touchpoint>,
): number {
  let s = BASE[kind];
  if (odd.some((p) => isCritical(p, touchpoints))) s += 1;
  else if (odd.length > 0 && odd.every(inFooter)) s -= 1;
  return Math.max(0, Math.min(4, s));
}
