// @vitest-environment happy-dom
import { buildAnchor } from '@/lib/anchors/build-anchor';
import { findAnchor } from '@/lib/anchors/find-anchor';
import { DOM_FIXTURES } from '../../fixtures/dom';
import { load, stripMarkers } from './helpers';

const SECRET = 'hunter2-4111111111111111';
const TYPED = 'Dear support, my passport number is X1234567';

/** Types into every field and editable region of the page, as a person would. */
function typeEverywhere(doc: Document): void {
  for (const f of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (f.type !== 'submit' && f.type !== 'button') f.value = SECRET;
  }
  for (const e of doc.querySelectorAll('[contenteditable]')) e.innerHTML = `<p>${TYPED}</p>`;
  for (const e of doc.querySelectorAll('[role="textbox"]')) e.innerHTML = `<span>${TYPED}</span>`;
}

const FORM = `
  <form class="Support_form__q2w3e" id="support">
    <label for="card">Card number</label>
    <input id="card" name="card" autocomplete="cc-number" value="${SECRET}">
    <label>Password <input type="password" name="password"></label>
    <label for="notes">Notes</label>
    <textarea id="notes" name="notes">${SECRET}</textarea>
    <select name="country" aria-label="Country"><option selected>${SECRET}</option></select>
    <div class="Editor_editor__z9x8c">
      <div class="Editor_toolbar__z9x8c"><button type="button" aria-label="Bold">B</button></div>
      <div contenteditable="true" aria-label="Message" class="Editor_body__z9x8c"><p>${TYPED}</p></div>
    </div>
    <div role="textbox" aria-label="Subject">${TYPED}</div>
    <button type="submit">Send</button>
  </form>`;

describe('anchors never hold what a person typed', () => {
  it.each([
    ['the field with a secret value', '#card'],
    ['a password field', 'input[type="password"]'],
    ['the label wrapping the password field', 'label:has(input[type="password"])'],
    ['the label of the card field', 'label[for="card"]'],
    ['a textarea', 'textarea'],
    ['a select', 'select'],
    ['the contenteditable region', '[contenteditable]'],
    ['a paragraph typed inside it', '[contenteditable] p'],
    ['the editor around it', '.Editor_editor__z9x8c'],
    ['a role=textbox region', '[role="textbox"]'],
    ['a line typed inside it', '[role="textbox"] span'],
    ['the form around all of them', 'form'],
    ['the button next to them', 'button[type="submit"]'],
  ])('on %s', (_, selector) => {
    const doc = load(FORM);
    typeEverywhere(doc);
    const el = doc.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    const json = JSON.stringify(buildAnchor(el, doc));
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('4111');
    expect(json).not.toContain('passport');
    expect(json).not.toContain('X1234567');
  });

  it('names fields and editable regions by their labels', () => {
    const doc = load(FORM);
    typeEverywhere(doc);
    const anchorOf = (s: string) => buildAnchor(doc.querySelector(s) as Element, doc);
    expect(anchorOf('#card')).toMatchObject({ name: 'Card number', text: { text: '' } });
    expect(anchorOf('[contenteditable]')).toMatchObject({ role: null, name: 'Message', text: { text: '' } });
    expect(anchorOf('[role="textbox"]')).toMatchObject({ role: 'textbox', name: 'Subject', text: { text: '' } });
  });

  it.each(DOM_FIXTURES)('on any element of the $name once every field is filled in', (fixture) => {
    const doc = load(fixture.html);
    stripMarkers(doc);
    typeEverywhere(doc);
    for (const el of doc.body.querySelectorAll('*')) {
      const json = JSON.stringify(buildAnchor(el, doc));
      expect(json).not.toContain('hunter2');
      expect(json).not.toContain('passport');
    }
  });

  it('finds a field again whatever is typed into it, since its value is never compared', () => {
    const before = load(FORM);
    const anchor = buildAnchor(before.querySelector('#card') as Element, before);
    const after = load(FORM);
    typeEverywhere(after);
    (after.querySelector('#card') as HTMLInputElement).value = 'something else entirely';
    expect(findAnchor(anchor, after)?.element).toBe(after.querySelector('#card'));
  });
});
