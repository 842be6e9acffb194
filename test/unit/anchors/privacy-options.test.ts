// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { findAnchor } from '@/lib/anchors/find-anchor';
import { Anchor as AnchorSchema } from '@/lib/model/anchor';
import { textlessAnchor, textPolicy } from '@/lib/record/privacy';
import { load } from './helpers';

const PAGE = `
  <main class="Page_main__a1b2c">
    <section class="Card_card__x9y8z" id="summary">
      <h2 class="Card_title__x9y8z">Booking SECRET-REF-4471</h2>
      <p class="Card_price__x9y8z">Total 1,290 €</p>
      <button type="button" class="Card_action__x9y8z" data-testid="confirm">Confirm SECRET-REF-4471</button>
      <button type="button" class="Card_action__x9y8z">Cancel booking</button>
    </section>
    <section class="Card_card__x9y8z" id="account">
      <p class="Card_label__x9y8z">Account</p>
      <div class="private"><strong>ACCT-99-1234</strong><label for="iban">IBAN of ACCT-99-1234</label></div>
      <a class="Card_link__x9y8z" href="/account/copy">Copy</a>
      <input id="iban" name="iban" placeholder="ES00">
    </section>
  </main>`;

const policy = (doc: Document, maskAllText: boolean, blockSelectors: string[] = []) =>
  textPolicy({ maskAllText, blockSelectors }, doc);

describe('anchors under the audit’s privacy options', () => {
  it('hold no page text under "Mask all page text", and still find their element', () => {
    const doc = load(PAGE);
    const confirm = doc.querySelector('[data-testid="confirm"]') as Element;
    const anchor = buildAnchor(confirm, doc, undefined, policy(doc, true));
    expect(AnchorSchema.parse(anchor)).toBeTruthy();
    const json = JSON.stringify(anchor);
    for (const word of ['SECRET', 'Booking', 'Confirm', '1,290']) expect(json).not.toContain(word);
    expect(anchor).toMatchObject({ name: '', text: { text: '' }, context: { text: '' } });
    // Without the option the same anchor holds the text: the test above can fail.
    expect(JSON.stringify(buildAnchor(confirm, doc))).toContain('SECRET');

    // The page changes its copy, and its twin button moves first: found by the rest.
    const after = load(PAGE.replaceAll('SECRET-REF-4471', 'REF-0001').replace('Cancel booking', 'Keep it'));
    const card = after.querySelector('#summary') as Element;
    card.insertBefore(card.querySelectorAll('button')[1] as Element, card.querySelector('button'));
    expect(findAnchor(anchor, after)?.element).toBe(after.querySelector('[data-testid="confirm"]'));
  });

  it('finds an element with no test id or id by its place, classes and href', () => {
    const doc = load(PAGE);
    const link = doc.querySelector('a') as Element;
    const anchor = buildAnchor(link, doc, undefined, policy(doc, true));
    expect(anchor.name).toBe('');
    const after = load(PAGE.replace('Copy', 'Copy number'));
    expect(findAnchor(anchor, after)?.element).toBe(after.querySelector('a'));
  });

  it('hold nothing of a blocked element: not as context, own text, or a field’s label', () => {
    const doc = load(PAGE);
    const p = policy(doc, false, ['.private']);
    for (const selector of ['a', '.private strong', '.private', '#iban', '#account']) {
      const json = JSON.stringify(buildAnchor(doc.querySelector(selector) as Element, doc, undefined, p));
      expect(json, selector).not.toContain('ACCT');
    }
    // Text outside the blocked element's reach is kept: the price's context is its card's title.
    const price = buildAnchor(doc.querySelector('.Card_price__x9y8z') as Element, doc, undefined, p);
    expect(price.text.text).toBe('Total 1,290 €');
    // Without the selector the leak is real: the tests above can fail.
    expect(JSON.stringify(buildAnchor(doc.querySelector('a') as Element, doc))).toContain('ACCT');
  });

  it('are stripped of text by the worker too, whatever a page sent', () => {
    const doc = load(PAGE);
    const anchor = buildAnchor(doc.querySelector('#iban') as Element, doc);
    expect(JSON.stringify(anchor)).toContain('ACCT');
    const stripped = textlessAnchor(anchor);
    expect(JSON.stringify(stripped)).not.toContain('ACCT');
    expect(stripped.text).toEqual(
      buildAnchor(doc.querySelector('#iban') as Element, doc, undefined, policy(doc, true)).text,
    );
    expect(AnchorSchema.parse(stripped)).toBeTruthy();
  });
});
