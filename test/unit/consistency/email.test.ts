// @vitest-environment happy-dom
import { emailExtractor } from '@/lib/consistency/extractors/email';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => emailExtractor.extract(page(html), { country: 'ES' });
const values = (html: string) => run(html).map((e) => e.fact.value);

describe('email extractor', () => {
  it('reads mailto: links without their query, lowercased, several addresses each', () => {
    const found = run(`
      <p>Escríbenos a <a href="mailto:Reservas@Ventura-Viajes.ES?subject=Consulta&amp;body=Hola">Reservas</a></p>
      <a href="MAILTO:ana.garcia%2Bweb@ventura.example,info@ventura.example">Equipo</a>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.raw])).toEqual([
      ['link', 'reservas@ventura-viajes.es', 'Reservas@Ventura-Viajes.ES'],
      ['link', 'ana.garcia+web@ventura.example', 'ana.garcia+web@ventura.example'],
      ['link', 'info@ventura.example', 'info@ventura.example'],
    ]);
    expect(found[0]?.element?.tagName).toBe('A');
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });

  it('reads schema.org email from JSON-LD and microdata', () => {
    const found = run(`
      <script type="application/ld+json">{"@type":"Organization","name":"Ventura Viajes",
        "email":"mailto:Hola@Ventura.example","contactPoint":[{"@type":"ContactPoint",
        "email":"clientes@ventura.example","contactType":"Customer service"}]}</script>
      <div itemscope itemtype="https://schema.org/Organization">
        <meta itemprop="email" content="ventas@ventura.example"></div>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['json-ld', 'hola@ventura.example', ''],
      ['json-ld', 'clientes@ventura.example', 'Customer service'],
      ['microdata', 'ventas@ventura.example', ''],
    ]);
    expect(found[0]?.element).toBeNull();
    expect(found[0]?.fact.context).toContain('Ventura Viajes');
  });

  it('reads addresses in visible text, with label and context', () => {
    const found = run(`
      <p>Atención al cliente: Atencion.Cliente@Ventura.example.</p>
      <dl><dt>Customer service</dt><dd>help@ventura.co.uk</dd></dl>
      <p>For press enquiries write to (press@ventura.example), we answer within a day.</p>`);
    expect(found.map((e) => [e.fact.value, e.fact.raw, e.fact.label])).toEqual([
      ['atencion.cliente@ventura.example', 'Atencion.Cliente@Ventura.example', 'Atención al cliente'],
      ['help@ventura.co.uk', 'help@ventura.co.uk', 'Customer service'],
      ['press@ventura.example', 'press@ventura.example', ''],
    ]);
    expect(found[2]?.fact.context).toBe(
      'For press enquiries write to (press@ventura.example), we answer within a day.',
    );
  });

  it('takes no image names, addresses inside URLs, handles or half addresses', () => {
    const html = `
      <p>logo@2x.png, hero@3x.webp, icono@2x.jpg</p>
      <p>https://cdn.example.com/u/ana@ventura.example/avatar and www.example.com/share/x@y.example
        https://ventura.example/~ana@ventura.example</p>
      <p>Síguenos en @ventura_viajes, escribe a hola@ o a @ventura.example, 10 @ 12,50 €</p>
      <p>user@localhost y user@@ventura.example</p>`;
    expect(values(html)).toEqual([]);
    expect(values(html.replace('hola@ o', 'hola@ventura.example o'))).toEqual(['hola@ventura.example']);
  });

  it('skips scripts, styles, templates, noscript and hidden parts, and de-duplicates', () => {
    const found = run(`
      <script>var c = "js@ventura.example";</script><style>/* css@ventura.example */</style>
      <template>tpl@ventura.example</template><noscript>ns@ventura.example</noscript>
      <div hidden>hidden@ventura.example</div>
      <p>info@ventura.example o INFO@ventura.example</p><p>info@ventura.example</p>`);
    expect(found.map((e) => e.fact.value)).toEqual(['info@ventura.example', 'info@ventura.example']);
    expect(found[0]?.element).not.toBe(found[1]?.element);
  });

  it('never throws on junk and bounds what it returns', () => {
    const junk = `<a href="mailto:%E0%A4%A">x</a><a href="mailto:">y</a><a href="mailto:not-an-address">z</a>
      <script type="application/ld+json">{"@type":"Thing","email":[1,{"a":2},"nope"]}</script>
      <p>${'a'.repeat(5000)}@${'b.'.repeat(3000)}com</p>`;
    expect(values(junk)).toEqual([]);
    const many = Array.from({ length: 400 }, (_, i) => `<p>u${i}@ventura.example</p>`).join('');
    expect(run(many)).toHaveLength(200);
  });
});
