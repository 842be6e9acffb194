/**
 * The names a page gives its own site or brand, from what it states for machines: `og:site_name`,
 * `application-name`, the schema.org Organization / WebSite / Brand `name`, and (read by the
 * caller) the logo's alt text. Used to tell a brand's logo and the brand side of a title.
 */
import { collapse } from '@/lib/consistency/contact-text';
import { propStrings, sourcedNodes } from '@/lib/consistency/structured-data';

const MAX_NAME = 100;
const SITE_TYPES = /Organization|Corporation|LocalBusiness|Store|Brand|WebSite|Agency|Company|Restaurant|Hotel|Shop/i;

/** Comparable form of a name: lower case, no accents, letters and digits only. */
export function compactName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The brand in a logo's alt text: "Logo de Ventura Viajes", "Ventura Viajes logo", "Ventura – inicio". */
export function nameFromAlt(alt: string): string {
  return collapse(alt)
    .replace(
      /\b(?:logo(?:tipo|type)?|home ?page|home|inicio|p[áa]gina de inicio|go to|ir a|volver a|back to)\b/giu,
      ' ',
    )
    .replace(/^[\s\-–—|:·,]*(?:(?:de|del|of|the|la|el)\s+)*/iu, '')
    .replace(/[\s\-–—|:·,]+(?:de|del|of)?\s*$/iu, '')
    .trim()
    .slice(0, MAX_NAME);
}

/** The names the page states for its site or brand, strongest first, without repeats. */
export function statedBrandNames(root: Document | Element): string[] {
  const names: string[] = [];
  const add = (s: string | null | undefined) => {
    const n = collapse(s ?? '');
    if (n === '' || n.length > MAX_NAME || compactName(n).length < 2) return;
    if (!names.some((x) => compactName(x) === compactName(n))) names.push(n);
  };
  for (const sel of [
    'meta[property="og:site_name"]',
    'meta[name="application-name"]',
    'meta[name="apple-mobile-web-app-title"]',
  ])
    add(root.querySelector(sel)?.getAttribute('content'));
  for (const { node } of sourcedNodes(root)) {
    if (names.length >= 10) break;
    if (node.types.some((t) => SITE_TYPES.test(t))) add(propStrings(node.props.name)[0]);
  }
  return names;
}

/** The host's registrable label ("www.ventura-viajes.es" → "venturaviajes"), or '' for an IP or localhost. */
export function hostName(url: string | null | undefined): string {
  let host = '';
  try {
    host = new URL(url ?? '').hostname.toLowerCase();
  } catch {
    return '';
  }
  if (host === '' || host === 'localhost' || /^[\d.]+$|^\[/.test(host)) return '';
  const labels = host.replace(/^www\d?\./, '').split('.');
  // The label before the public suffix: "shop.ventura.co.uk" → "ventura" (two-letter second-level suffixes).
  const sld = labels.length >= 3 && /^(?:co|com|org|net|gov|edu|ac|gob)$/.test(labels[labels.length - 2] ?? '');
  const label = labels[labels.length - (sld ? 3 : 2)] ?? labels[0] ?? '';
  const name = compactName(label);
  return name.length >= 3 ? name : '';
}
