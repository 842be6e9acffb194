// @vitest-environment happy-dom
import { promiseExtractor } from '@/lib/consistency/extractors/promise';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => promiseExtractor.extract(page(html), { country: 'ES' });
const values = (html: string) => run(html).map((e) => e.fact.value);

describe('promise extractor', () => {
  it('reads Spanish delivery, response, refund and return times', () => {
    expect(
      values(`
      <p>Entrega en 24-48 horas</p>
      <p>Hacemos el envío en 2 a 3 días laborables.</p>
      <p>Te respondemos en menos de 24 h.</p>
      <p>Reembolso en 14 días.</p>
      <p>Envío 24/48h a toda la península</p>
      <p>Recibirás tu pedido en 1 semana.</p>
      <p>Tienes 30 días para devolverlo.</p>
      <p>Contestamos en un plazo máximo de 48 horas hábiles.</p>
      <p>Entrega en el mismo día en Madrid capital.</p>
      <p>Le llamaremos para confirmar la cita en menos de 2 horas.</p>`),
    ).toEqual([
      'delivery 24-48 h',
      'delivery 2-3 wd',
      'response 0-24 h',
      'refund 0-14 d',
      'delivery 24-48 h',
      'delivery 0-7 d',
      'return 0-30 d',
      'response 0-48 h',
      'delivery 0-0 d',
      'response 0-2 h',
    ]);
  });

  it('reads English ones', () => {
    expect(
      values(`
      <p>Free delivery in 3-5 business days.</p>
      <p>We reply within 2 hours.</p>
      <p>Free 30-day returns.</p>
      <p>Refunds are processed within 10 working days.</p>
      <p>Next-day delivery on orders before 2pm.</p>
      <p>Ships in 1-2 weeks.</p>
      <p>We will get back to you within 30 minutes.</p>
      <p>You've got 30 days to send it back, and we'll refund you within 14 days of getting it.</p>`),
    ).toEqual([
      'delivery 3-5 wd',
      'response 0-2 h',
      'return 0-30 d',
      'refund 0-10 wd',
      'delivery 1-1 d',
      'delivery 7-14 d',
      'response 0-0.5 h',
      'return 0-30 d',
      'refund 0-14 d',
    ]);
  });

  it('reads a time split over inline elements, with the block as context and the service as label', () => {
    const found = run(`<ul><li id="p">Envío estándar: <strong>3-5 días laborables</strong></li>
      <li id="e">Envío express: <strong>24 h</strong></li></ul>`);
    expect(found.map((e) => [e.fact.value, e.fact.label, e.element?.tagName])).toEqual([
      ['delivery 3-5 wd', 'Estándar', 'STRONG'],
      ['delivery 0-24 h', 'Express', 'STRONG'],
    ]);
    expect(found[0]?.fact.context).toContain('Envío estándar');
    expect(found[0]?.fact.source).toBe('text');
  });

  it('takes no past times, clock ranges, discounts, trip lengths or warranties', () => {
    expect(
      values(`
      <p>Pedido entregado hace 2 días.</p><p>Delivered 3 days ago.</p>
      <p>Atención al cliente de lunes a viernes de 9 a 14 h.</p>
      <p>Te atendemos de 9 a 18 h.</p><p>Opening hours: Mon-Fri 9am-5pm</p>
      <p>30% de descuento en tu primer envío.</p>
      <p>Viaje de 7 días por Andalucía con llegada a Sevilla.</p>
      <p>Garantía de 2 años en todos los productos.</p>
      <p>A día de hoy enviamos a toda España.</p>
      <p>Tour de 3 días, 2 noches de hotel.</p>
      <p>Envío gratis en pedidos de más de 50 €.</p>
      <p>Entrega a domicilio 7 días a la semana.</p><p>We deliver 24 hours a day.</p>
      <p>Cancellations up to 30 days before departure are refunded.</p>
      <p>Cancelaciones con reembolso hasta 30 días antes de la salida.</p>
      <p>Order within 2 hrs for delivery tomorrow.</p>`),
    ).toEqual([]);
  });

  it('reads schema.org shipping and return policies as JSON-LD', () => {
    const found = run(`<script type="application/ld+json">{"@type":"Offer","price":"10","priceCurrency":"EUR",
      "shippingDetails":{"@type":"OfferShippingDetails","deliveryTime":{"@type":"ShippingDeliveryTime",
        "handlingTime":{"@type":"QuantitativeValue","minValue":0,"maxValue":1,"unitCode":"DAY"},
        "transitTime":{"@type":"QuantitativeValue","minValue":2,"maxValue":2,"unitCode":"DAY"}}},
      "hasMerchantReturnPolicy":{"@type":"MerchantReturnPolicy","merchantReturnDays":30}}</script>`);
    expect(found.map((e) => [e.fact.source, e.fact.value])).toEqual([
      ['json-ld', 'delivery 2-3 wd'],
      ['json-ld', 'return 0-30 d'],
    ]);
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });
});
