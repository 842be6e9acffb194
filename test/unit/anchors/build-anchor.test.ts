// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { findAnchor } from '@/lib/anchors/find-anchor';
import { Anchor } from '@/lib/model';
import { DOM_FIXTURES } from '../../fixtures/dom';
import { load, marked, stripMarkers } from './helpers';

function page(html: string): Document {
  const doc = load(html);
  stripMarkers(doc);
  return doc;
}

function at(doc: Document | ShadowRoot | Element, selector: string): Element {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

describe('buildAnchor', () => {
  it('makes an anchor the schema accepts and JSON carries unchanged', () => {
    const doc = load(DOM_FIXTURES[0]?.html ?? '');
    const el = marked(doc, 'add-to-cart');
    stripMarkers(doc);
    const anchor = buildAnchor(el, doc);
    expect(Anchor.parse(JSON.parse(JSON.stringify(anchor)))).toEqual(anchor);
    expect(anchor).toMatchObject({
      v: 1,
      selector: 'button[name="add"]',
      tag: 'button',
      role: 'button',
      name: 'Add to cart',
      text: { text: 'Add to cart' },
      context: { text: 'Add to wishlist' },
      attributes: { name: 'add', type: 'submit' },
      classes: ['Button_button', 'Button_primary'],
      siblingIndex: 0,
      position: null,
    });
    expect(anchor.ancestors.map((a) => a.tag)).toEqual(['div', 'form', 'div', 'div', 'main']);
    expect(anchor.ancestors[0]?.classes).toEqual(['ProductForm_actions']);
    expect(anchor.ancestors[4]?.id).toBe('main');
  });

  it.each(DOM_FIXTURES)('gives every element of the $name a selector unique when built, and finds it', (fixture) => {
    const doc = page(fixture.html);
    const all = [...doc.body.querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(30);
    for (const el of all) {
      const anchor = buildAnchor(el, doc);
      expect([...doc.querySelectorAll(anchor.selector)]).toEqual([el]);
      expect(findAnchor(anchor, doc)?.element).toBe(el);
    }
  });

  it('prefers a stable id, then test attributes, name, aria-label, then an nth-of-type path', () => {
    const doc = page(`
      <div id="checkout-panel">
        <button id="pay-now">Pay</button>
        <button id=":r5:" data-testid="apply-coupon">Apply</button>
        <button id="ember381" data-qa="gift-toggle">Gift</button>
        <input id="a3f9c2e1b7d04e6f" name="coupon">
        <button aria-label="Close">×</button>
        <p><span>One</span><span>Two</span></p>
      </div>
      <p><span>Three</span><span>Four</span></p>`);
    const selectorOf = (s: string): string => buildAnchor(at(doc, s), doc).selector;
    expect(selectorOf('#pay-now')).toBe('#pay-now');
    expect(selectorOf('[data-testid="apply-coupon"]')).toBe('[data-testid="apply-coupon"]');
    expect(selectorOf('[data-qa]')).toBe('[data-qa="gift-toggle"]');
    expect(selectorOf('input')).toBe('input[name="coupon"]');
    expect(selectorOf('[aria-label]')).toBe('button[aria-label="Close"]');
    expect(selectorOf('#checkout-panel span + span')).toBe('#checkout-panel > p > span:nth-of-type(2)');
    expect(selectorOf('body > p > span + span')).toBe('body > p > span:nth-of-type(2)');
  });

  it('records only stable ids, and hrefs without query or fragment', () => {
    const doc = page(`
      <nav id=":r1:"><a id="ember77" href="/offers?utm_source=mail&sid=1f9#top" data-cy="offers">Offers</a></nav>
      <img src="/img/logo.svg?v=3" alt="Logo">`);
    const link = buildAnchor(at(doc, 'a'), doc);
    expect(link.attributes).toEqual({ testId: 'offers', href: '/offers' });
    expect(link.ancestors).toEqual([{ tag: 'nav', id: null, classes: [] }]);
    expect(buildAnchor(at(doc, 'img'), doc).attributes).toEqual({ src: '/img/logo.svg' });
  });

  it('keeps at most five ancestors, nearest first, leaving out body and html', () => {
    const doc = page('<main><section><div><div><ul><li><a href="/x">Deep</a></li></ul></div></div></section></main>');
    const anchor = buildAnchor(at(doc, 'a'), doc);
    expect(anchor.ancestors.map((a) => a.tag)).toEqual(['li', 'ul', 'div', 'div', 'section']);
  });

  it('records the position relative to the document, with the viewport', () => {
    const doc = page('<button>Go</button>');
    const anchor = buildAnchor(at(doc, 'button'), doc, {
      rect: { x: 10, y: 20, width: 80, height: 32 },
      viewport: { width: 1280, height: 800 },
      scroll: { x: 0, y: 600 },
    });
    expect(anchor.position).toEqual({
      rect: { x: 10, y: 620, width: 80, height: 32 },
      viewport: { width: 1280, height: 800 },
    });
  });

  it('counts the look-alikes an element shares its name and href with', () => {
    const doc = load(DOM_FIXTURES[2]?.html ?? '');
    const help = marked(doc, 'help');
    stripMarkers(doc);
    expect(buildAnchor(help, doc).shared).toEqual({ name: 2, text: 2, href: 2 });
  });

  it('works within a shadow root, and within a subtree', () => {
    const doc = page('<div id="host"></div><section id="widget"><ul><li><button>Open</button></li></ul></section>');
    const shadow = at(doc, '#host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<form><label for="q">Search</label><input id="q-field" name="q"><button>Go</button></form>';
    const inShadow = buildAnchor(at(shadow, 'button'), shadow);
    expect(inShadow.selector).toBe('button');
    expect(findAnchor(inShadow, shadow)?.element).toBe(at(shadow, 'button'));
    // The document does not reach into the shadow root, and its own button is another one.
    expect(findAnchor(inShadow, doc)).toBeNull();

    const widget = at(doc, '#widget');
    const inWidget = buildAnchor(at(widget, 'button'), widget);
    expect([...widget.querySelectorAll(inWidget.selector)]).toEqual([at(widget, 'button')]);
    expect(findAnchor(inWidget, widget)?.element).toBe(at(widget, 'button'));
  });
});

describe('role and accessible name', () => {
  const cases: [string, string, string | null, string][] = [
    ['<button id="t"> Next \n step </button>', 'button', 'button', 'Next step'],
    ['<a id="t" href="/offers">See <b>offers</b></a>', 'a', 'link', 'See offers'],
    ['<a id="t">Not a link</a>', 'a', null, ''],
    ['<img id="t" alt="Trail jacket" src="j.jpg">', 'img', 'img', 'Trail jacket'],
    ['<img id="t" alt="" src="divider.png">', 'img', 'presentation', ''],
    ['<label for="t">Email</label><input id="t" type="email">', 'input', 'textbox', 'Email'],
    ['<label>Postcode <input id="t"></label>', 'input', 'textbox', 'Postcode'],
    ['<input id="t" type="search" title="Search the shop">', 'input', 'searchbox', 'Search the shop'],
    ['<input id="t" type="text" placeholder="City">', 'input', 'textbox', 'City'],
    ['<input id="t" type="submit" value="Place order">', 'input', 'button', 'Place order'],
    ['<input id="t" type="checkbox" aria-label="Gift wrap">', 'input', 'checkbox', 'Gift wrap'],
    [
      '<span id="a">Billing</span><span id="b">address</span><div id="t" role="group" aria-labelledby="a b"></div>',
      'div',
      'group',
      'Billing address',
    ],
    ['<button id="t" aria-label="Close dialog">×</button>', 'button', 'button', 'Close dialog'],
    ['<select id="t" aria-label="Sort by"><option>Price</option></select>', 'select', 'combobox', 'Sort by'],
    ['<h2 id="t">Reviews <span aria-hidden="true">★</span></h2>', 'h2', 'heading', 'Reviews'],
    ['<nav id="t" aria-label="Main">…</nav>', 'nav', 'navigation', 'Main'],
    ['<header id="t">Logo</header>', 'header', 'banner', ''],
    ['<article><header id="t">Title</header></article>', 'header', null, ''],
    ['<section id="t" aria-label="Offers"></section>', 'section', 'region', 'Offers'],
    ['<fieldset id="t"><legend>Delivery</legend></fieldset>', 'fieldset', 'group', 'Delivery'],
    ['<div id="t" role="tab button">Details</div>', 'div', 'tab', 'Details'],
    ['<div id="t" title="Promo banner">Save 20%</div>', 'div', null, 'Promo banner'],
  ];

  it.each(cases)('%s → %s, role %s, name "%s"', (html, tag, role, name) => {
    const doc = page(html);
    const anchor = buildAnchor(at(doc, '#t'), doc);
    expect(anchor).toMatchObject({ tag, role, name });
  });
});
