/**
 * The default country the extractors read numbers in (ISO 3166-1 alpha-2): a phone number written
 * without a prefix means the persona's country. From, in order: the persona's locale region
 * (`es-ES` → ES, `en-GB` → GB), the start URL's country-code top-level domain (`.pt` → PT, `.uk` →
 * GB), else Spain ('ES'), the market Touchpoint was first made for.
 */
export const DEFAULT_COUNTRY = 'ES';

/** ccTLDs that are not their country's ISO code, and generic-looking ones that are not countries. */
const TLD_TO_ISO: Readonly<Record<string, string | null>> = { uk: 'GB', eu: null, su: null, ac: null };

export function countryOf(personaLocale: string | null | undefined, startUrl: string | null | undefined): string {
  const region = /^[a-z]{2,3}(?:-[a-z]{4})?[-_]([a-z]{2})\b/i.exec((personaLocale ?? '').trim())?.[1];
  if (region) return region.toUpperCase();
  let host = '';
  try {
    host = new URL(startUrl ?? '').hostname;
  } catch {
    return DEFAULT_COUNTRY;
  }
  const tld = host.split('.').pop()?.toLowerCase() ?? '';
  if (!/^[a-z]{2}$/.test(tld)) return DEFAULT_COUNTRY;
  const mapped = tld in TLD_TO_ISO ? TLD_TO_ISO[tld] : tld.toUpperCase();
  return mapped ?? DEFAULT_COUNTRY;
}
