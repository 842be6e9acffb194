import type { Stage } from '@/lib/model';
import { guessStage } from '@/lib/touchpoints/stage';

// [url, title, expected stage]: English and Spanish keywords, in paths, subdomains and titles.
const GUESSES: readonly (readonly [string, string, Stage])[] = [
  // The home page, however it is written, is awareness; so are content sections.
  ['https://www.zapatos-sol.es/', 'Zapatos Sol — Compra zapatillas online', 'awareness'],
  ['https://www.zapatos-sol.es/es/', 'Inicio | Zapatos Sol', 'awareness'],
  ['https://www.bank.example/home.html', 'Welcome to Bank', 'awareness'],
  ['https://www.viajes-alba.es/inicio', '', 'awareness'],
  ['https://www.saas.example/blog/announcing-v2', 'Announcing v2', 'awareness'],
  ['https://www.viajes-alba.es/noticias/2026-11-24/nueva-ruta', '', 'awareness'],
  ['https://www.bank.example/landing/black-friday', '', 'awareness'],
  ['https://blog.saas.example/', '', 'awareness'],
  // Research and comparison.
  ['https://www.zapatos-sol.es/es/productos/zapatillas-running', 'Compra zapatillas | Zapatos Sol', 'consideration'],
  ['https://www.viajes-alba.es/destinos/japon', 'Japón', 'consideration'],
  ['https://www.saas.example/pricing', 'Pricing', 'consideration'],
  ['https://www.telco.example/es/tarifas/fibra-movil', '', 'consideration'],
  ['https://www.bank.example/personal/credit-cards/compare', '', 'consideration'],
  ['https://www.bank.example/insurance/home', 'Home insurance', 'consideration'],
  // Buying, booking, quoting, applying.
  ['https://www.zapatos-sol.es/es/carrito', 'Tu carrito', 'purchase'],
  ['https://www.shop.example/checkout/payment', '', 'purchase'],
  ['https://www.viajes-alba.es/es/reserva/2026-11-24/hotel-kioto', '', 'purchase'],
  ['https://www.aseguradora.example/presupuesto/coche', '', 'purchase'],
  ['https://www.travel.example/quote', '', 'purchase'],
  ['https://www.bancosol.es/prestamos/solicitar', '', 'purchase'],
  ['https://www.zapatos-sol.es/es/pedido/ord_8f3a9c21/confirmacion', '', 'purchase'],
  // Becoming a customer.
  ['https://www.saas.example/signup', '', 'onboarding'],
  ['https://www.bancosol.es/hazte-cliente/alta', '', 'onboarding'],
  ['https://www.zapatos-sol.es/es/registro', '', 'onboarding'],
  ['https://app.saas.example/welcome', '', 'onboarding'],
  // Using the product or the account.
  ['https://app.saas.example/dashboard', '', 'use'],
  ['https://www.zapatos-sol.es/es/mi-cuenta', '', 'use'],
  ['https://www.shop.example/account/orders/123', '', 'use'],
  ['https://www.bank.example/login', '', 'use'],
  ['https://www.bancosol.es/area-clientes/iniciar-sesion', '', 'use'],
  // After: support, loyalty, advocacy.
  ['https://www.shop.example/help', '', 'support'],
  ['https://www.zapatos-sol.es/es/ayuda/devoluciones', '', 'support'],
  ['https://www.viajes-alba.es/contacto', '', 'support'],
  ['https://www.saas.example/faq', '', 'support'],
  ['https://soporte.telco.example/articulo/123', '', 'support'],
  ['https://www.hotel.example/rewards', '', 'loyalty'],
  ['https://www.zapatos-sol.es/es/club/puntos', '', 'loyalty'],
  ['https://www.shop.example/review/123', '', 'advocacy'],
  ['https://www.saas.example/refer', '', 'advocacy'],
  ['https://www.zapatos-sol.es/es/producto/123/opiniones', '', 'advocacy'],
  ['https://www.viajes-alba.es/recomienda-a-un-amigo', '', 'advocacy'],
  // Accents and case do not matter.
  ['https://www.bancosol.es/Atención-al-Cliente', '', 'support'],
];

// Several stages' words in one URL: the more specific wins (see lib/touchpoints/stage.ts).
const PRECEDENCE: readonly (readonly [string, Stage])[] = [
  ['https://www.viajes-alba.es/blog/reserva-anticipada', 'awareness'],
  ['https://www.shop.example/help/payment', 'support'],
  ['https://www.shop.example/mi-cuenta/devoluciones', 'support'],
  ['https://www.shop.example/checkout/review', 'purchase'],
  ['https://www.shop.example/checkout/register', 'purchase'],
  ['https://www.shop.example/account/orders/123/review', 'advocacy'],
  ['https://www.shop.example/account/rewards', 'loyalty'],
  ['https://www.shop.example/account/welcome', 'onboarding'],
  ['https://www.shop.example/account/products', 'use'],
];

describe('guessStage', () => {
  it(`guesses ${GUESSES.length} pages' stages from English and Spanish keywords`, () => {
    for (const [url, title, stage] of GUESSES) expect(guessStage(url, title), url).toEqual({ stage, guessed: true });
  });

  it('lets the more specific stage win when words of several meet', () => {
    for (const [url, stage] of PRECEDENCE) expect(guessStage(url, '').stage, url).toBe(stage);
  });

  it('reads the path before the title, and the title only when the path says nothing', () => {
    expect(guessStage('https://www.shop.example/productos/zapatillas', 'Compra ya | Shop').stage).toBe('consideration');
    expect(guessStage('https://www.shop.example/s/x7', 'Tu cesta | Shop').stage).toBe('purchase');
    expect(guessStage('https://www.shop.example/s/x7', 'Centro de ayuda').stage).toBe('support');
  });

  it('matches whole words only', () => {
    expect(guessStage('https://www.restaurante.example/carta', '').stage).toBe('consideration');
    expect(guessStage('https://www.tienda.example/altavoces', '').stage).toBe('consideration');
    expect(guessStage('https://www.bank.example/rates', '').stage).toBe('consideration');
  });

  it('lets a subdomain name a stage, but not a whole shop', () => {
    expect(guessStage('https://ayuda.telco.example/', '').stage).toBe('support');
    expect(guessStage('https://shop.brand.example/', '').stage).toBe('awareness');
    expect(guessStage('https://shop.brand.example/x7', '').stage).toBe('consideration');
  });

  it('defaults to consideration, and never throws on garbage', () => {
    expect(guessStage('https://www.shop.example/s/x7', '')).toEqual({ stage: 'consideration', guessed: true });
    expect(guessStage('nope', '')).toEqual({ stage: 'consideration', guessed: true });
    expect(guessStage('', 'Checkout').stage).toBe('purchase');
    expect(guessStage(undefined as unknown as string, null as unknown as string).stage).toBe('consideration');
  });
});
