// @vitest-environment happy-dom
import type { ExtractContext } from '@/lib/consistency/extractor';
import { emailExtractor } from '@/lib/consistency/extractors/email';
import { openingHoursExtractor } from '@/lib/consistency/extractors/opening-hours';
import { phoneExtractor } from '@/lib/consistency/extractors/phone';
import { postalAddressExtractor } from '@/lib/consistency/extractors/postal-address';
import { priceExtractor } from '@/lib/consistency/extractors/price';
import { promiseExtractor } from '@/lib/consistency/extractors/promise';
import { EXTRACTORS } from '@/lib/consistency/registry';

const ES: ExtractContext = { country: 'ES' };
const GB: ExtractContext = { country: 'GB' };

function reader(x: { readValue?: (t: string, c: ExtractContext) => string | null }) {
  return (text: string, ctx = ES) => x.readValue?.(text, ctx) ?? null;
}

const WEEKDAYS_9_14 = 'mo 09:00-14:00; tu 09:00-14:00; we 09:00-14:00; th 09:00-14:00; fr 09:00-14:00';
const WEEKDAYS_9_17 = 'mo 09:00-17:00; tu 09:00-17:00; we 09:00-17:00; th 09:00-17:00; fr 09:00-17:00';

describe('reading what an auditor noted from a call or an email (off-site facts)', () => {
  it('every information kind an auditor notes has a reader', () => {
    const kinds = EXTRACTORS.filter((e) => e.readValue).map((e) => e.kind);
    for (const k of ['phone', 'email', 'postal-address', 'opening-hours', 'price', 'promise'] as const)
      expect(kinds).toContain(k);
  });

  it('phone: to E.164 with the audit country as default, and nothing from a note without one', () => {
    const read = reader(phoneExtractor);
    expect(read('91 234 56 78')).toBe('+34912345678');
    expect(read('me dieron el 912 345 678 para reclamaciones')).toBe('+34912345678');
    expect(read('+44 20 7946 0958', ES)).toBe('+442079460958');
    expect(read('020 7946 0958', GB)).toBe('+442079460958');
    expect(read('tel:+34-912-345-678')).toBe('+34912345678');
    expect(read('no dieron teléfono')).toBeNull();
    expect(read('pedido 2026-0412')).toBeNull();
  });

  it('email: the address in lower case', () => {
    const read = reader(emailExtractor);
    expect(read('Escribir a Reservas@Ventura.example')).toBe('reservas@ventura.example');
    expect(read('reply came from help@shop.example.co.uk.')).toBe('help@shop.example.co.uk');
    expect(read('sin correo')).toBeNull();
  });

  it('opening hours: Spanish and English notes to the week format', () => {
    const read = reader(openingHoursExtractor);
    expect(read('L-V 9 a 14h')).toBe(WEEKDAYS_9_14);
    expect(read('de lunes a viernes de 9:00 a 14:00')).toBe(WEEKDAYS_9_14);
    expect(read('Mon-Fri 9am-5pm')).toBe(WEEKDAYS_9_17);
    expect(read('entrega en 24-48 horas')).toBeNull();
    expect(read('no lo sabían')).toBeNull();
  });

  it('price: with its currency, or the audit country’s when the note has none', () => {
    const read = reader(priceExtractor);
    expect(read('49,90 €')).toBe('EUR 49.90');
    expect(read('me dijeron 1.234,56 euros')).toBe('EUR 1234.56');
    expect(read('€1,234.56')).toBe('EUR 1234.56');
    expect(read('£12')).toBe('GBP 12.00');
    expect(read('49,90')).toBe('EUR 49.90');
    expect(read('12.50', GB)).toBe('GBP 12.50');
    expect(read('un 30 %')).toBeNull();
    expect(read('gratis')).toBeNull();
  });

  it('promise: what it is about when the note says so, a delivery when it does not', () => {
    const read = reader(promiseExtractor);
    expect(read('3 días laborables')).toBe('delivery 0-3 wd');
    expect(read('en 48 horas')).toBe('delivery 0-48 h');
    expect(read('te respondemos en menos de 24 h')).toBe('response 0-24 h');
    expect(read('reembolso en 14 días')).toBe('refund 0-14 d');
    expect(read('1 semana')).toBe('delivery 0-7 d');
    expect(read('they said delivery takes 3-5 business days')).toBe('delivery 3-5 wd');
    expect(read('we reply within 2 hours')).toBe('response 0-2 h');
    expect(read('lo enviaron hace 2 días')).toBeNull();
    expect(read('no lo sabían')).toBeNull();
  });

  it('postal address: the site’s format, a street without postcode read alone', () => {
    const read = reader(postalAddressExtractor);
    expect(read('C/ Mayor, 12, 28013 Madrid')).toBe('28013 calle mayor 12');
    expect(read('avda. de la constitución 3, 41001 sevilla')).toBe('41001 avenida de la constitución 3');
    expect(read('1600 Amphitheatre Pkwy, Mountain View, CA 94043')).toBe('94043 1600 amphitheatre parkway');
    expect(read('Calle Mayor 14')).toBe('calle mayor 14');
    expect(read('91 234 56 78')).toBeNull();
  });
});
