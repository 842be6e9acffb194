// @vitest-environment happy-dom
import { canonicalProfile, socialExtractor } from '@/lib/consistency/extractors/social';
import { FactDraft } from '@/lib/model/fact';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const run = (html: string) => socialExtractor.extract(page(html), { country: 'ES' });
const canon = (href: string) => canonicalProfile(href)?.value ?? null;

describe('social extractor', () => {
  it('reads profile links in a Spanish footer, canonical and labelled with the network', () => {
    const found = run(`
      <footer><p>Síguenos en redes:</p><ul>
        <li><a href="https://www.instagram.com/VenturaViajes/">Instagram</a></li>
        <li><a href="https://twitter.com/VenturaViajes">Twitter</a></li>
        <li><a href="https://es-es.facebook.com/venturaviajes">Facebook</a></li>
        <li><a href="https://www.linkedin.com/company/Ventura-Viajes/">LinkedIn</a></li>
        <li><a href="https://wa.me/34600111222?text=Hola">WhatsApp</a></li>
      </ul></footer>`);
    expect(found.map((e) => [e.fact.source, e.fact.value, e.fact.label])).toEqual([
      ['link', 'instagram:venturaviajes', 'Instagram'],
      ['link', 'x:venturaviajes', 'X'],
      ['link', 'facebook:venturaviajes', 'Facebook'],
      ['link', 'linkedin:company/ventura-viajes', 'LinkedIn'],
      ['link', 'whatsapp:34600111222', 'WhatsApp'],
    ]);
    expect(found[0]?.fact.raw).toBe('https://www.instagram.com/VenturaViajes/');
    expect(found[0]?.element?.tagName).toBe('A');
    for (const e of found) expect(() => FactDraft.parse(e.fact)).not.toThrow();
  });

  it('gives twitter.com and x.com the same value, and keeps one fact per profile and source', () => {
    expect(canon('https://x.com/venturaviajes')).toBe(canon('https://mobile.twitter.com/VenturaViajes'));
    const found = run(`<header><a href="https://x.com/venturaviajes">X</a></header>
      <footer><a href="https://twitter.com/VenturaViajes?lang=es">Follow us</a></footer>`);
    expect(found.map((e) => e.fact.value)).toEqual(['x:venturaviajes']);
  });

  it('reads YouTube channels, TikTok and Pinterest profiles', () => {
    expect(canon('https://www.youtube.com/@VenturaViajes')).toBe('youtube:@venturaviajes');
    expect(canon('https://www.youtube.com/channel/UCaBcDeFgHiJkLmNoPqRsTuV')).toBe(
      'youtube:channel/UCaBcDeFgHiJkLmNoPqRsTuV',
    );
    expect(canon('https://www.tiktok.com/@VenturaViajes')).toBe('tiktok:venturaviajes');
    expect(canon('https://www.pinterest.es/venturaviajes/destinos/')).toBe('pinterest:venturaviajes');
    expect(canon('https://api.whatsapp.com/send?phone=+34600111222')).toBe('whatsapp:34600111222');
  });

  it('reads schema.org sameAs from JSON-LD and microdata', () => {
    const found = run(`
      <script type="application/ld+json">{"@type":"TravelAgency","name":"Ventura Viajes",
        "sameAs":["https://www.facebook.com/VenturaViajes","https://ventura.example/blog","https://x.com/venturaviajes"]}</script>
      <div itemscope itemtype="https://schema.org/Organization">
        <link itemprop="sameAs" href="https://www.instagram.com/venturaviajes"></div>`);
    expect(found.map((e) => [e.fact.source, e.fact.value])).toEqual([
      ['json-ld', 'facebook:venturaviajes'],
      ['json-ld', 'x:venturaviajes'],
      ['microdata', 'instagram:venturaviajes'],
    ]);
    expect(found[0]?.element).toBeNull();
    expect(found[0]?.fact.context).toContain('Ventura Viajes');
  });

  it('takes no share buttons, login or help pages, posts, videos or people', () => {
    const misses = [
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fventura.example',
      'https://twitter.com/intent/tweet?text=Hola&url=https://ventura.example',
      'https://www.linkedin.com/shareArticle?mini=true&url=https://ventura.example',
      'https://www.linkedin.com/in/ana-garcia-123',
      'https://www.facebook.com/login',
      'https://www.facebook.com/help/123',
      'https://www.facebook.com/venturaviajes/posts/123456789',
      'https://www.instagram.com/p/C1a2B3c4D5e/',
      'https://www.instagram.com/accounts/login/',
      'https://x.com/venturaviajes/status/1790000000000000000',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.tiktok.com/@venturaviajes/video/7300000000000000000',
      'https://www.pinterest.com/pin/123456789/',
      'https://wa.me/?text=Mira%20esta%20oferta',
      'https://ventura.example/instagram.com/venturaviajes',
      'javascript:alert(1)',
      '/redes/instagram',
    ];
    expect(misses.map(canon)).toEqual(misses.map(() => null));
    expect(run(misses.map((h) => `<a href="${h.replace(/&/g, '&amp;')}">x</a>`).join(''))).toEqual([]);
  });

  it('never throws on junk and bounds the facts returned', () => {
    expect(canon('https://www.facebook.com/%E0%A4%A')).toBeNull();
    expect(canon(`https://x.com/${'a'.repeat(3000)}`)).toBeNull();
    const html = Array.from({ length: 150 }, (_, i) => `<a href="https://www.instagram.com/cuenta${i}">i</a>`).join('');
    expect(run(html).length).toBe(100);
  });
});
