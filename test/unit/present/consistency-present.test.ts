import { words } from '@/test/unit/support/i18n';
import { FactGroup, FactKind } from '@/lib/model/fact';
import { formatPercent } from '@/lib/present';

const english = words('en').present;
const spanish = words('es').present;
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the consistency view’s words and figures', () => {
  it('word agreement as a share and a count of places, in each language', () => {
    expect(english.agreement({ agreeing: 11, total: 12 })).toBe('92% · 11 of 12 places');
    expect(english.agreement({ agreeing: 1, total: 1 })).toBe('100% · 1 of 1 place');
    expect(nbsp(spanish.agreement({ agreeing: 11, total: 12 }))).toBe('92 % · 11 de 12 lugares');
    expect(nbsp(spanish.agreement({ agreeing: 1000, total: 1200 }))).toBe('83 % · 1000 de 1200 lugares');
  });

  it('never round a share short of whole up to 100%, nor one above none down to 0%', () => {
    expect(formatPercent(199 / 200, 'en')).toBe('99%');
    expect(formatPercent(1 / 1000, 'en')).toBe('1%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
  });

  it('word the subjects the comparison names by id, and keep the page’s own words as written', () => {
    expect(spanish.factSubject('colour', 'primary-button')).toBe('botón principal');
    expect(english.factSubject('colour', 'primary-button')).toBe('primary button');
    expect(spanish.factSubject('cta', 'add-to-cart')).toBe('añadir a la cesta');
    expect(spanish.factSubject('phone', 'support')).toBe('atención al cliente');
    // A product the page named "support" stays the page's word: only role kinds have roles.
    expect(spanish.factSubject('price', 'support')).toBe('support');
    expect(spanish.factSubject('price', 'Escapada a Lisboa')).toBe('Escapada a Lisboa');
    for (const p of [english, spanish]) {
      for (const id of ['complaints', 'bookings', 'link', 'heading', 'body', 'sign-up', 'learn-more', 'start'])
        expect(p.factSubject(id === 'body' || id === 'heading' ? 'font' : 'cta', id)).not.toBe(id);
    }
  });

  it('name every kind, group and decision in both languages, and list kinds as a sentence', () => {
    for (const p of [english, spanish]) {
      for (const k of FactKind.options) expect(p.pageFactKind(k)).not.toBe('');
      for (const g of FactGroup.options) expect(p.factGroup(g)).not.toBe('');
      for (const s of ['open', 'confirmed', 'dismissed'] as const) expect(p.decisionStatus(s)).not.toBe('');
    }
    expect(spanish.pageFactKind('opening-hours')).toBe('Horario de apertura');
    expect(english.list(['Phone number', 'Email address', 'Price'])).toBe('Phone number, Email address, and Price');
    expect(spanish.list(['Precio', 'Color'])).toBe('Precio y Color');
    expect(spanish.plural('consistencyReading', 1)).toBe('Leyendo las páginas grabadas… queda 1');
  });
});
