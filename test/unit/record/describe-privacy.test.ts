// @vitest-environment happy-dom
import { describeElement } from '@/lib/record/describe';
import { textPolicy } from '@/lib/record/privacy';

const $ = (selector: string): Element => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const policy = (maskAllText: boolean, blockSelectors: string[] = []) =>
  textPolicy({ maskAllText, blockSelectors }, document);

describe('describeElement under the audit’s privacy options', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <button id="b">Confirm booking 4411</button><a id="a" href="/x">Your reference QX-77</a>
      <label for="f">Passport number</label><input id="f">
      <div class="private"><label for="g">Account 99-12</label><span id="s">Balance 1,200 €</span></div><input id="g">
      <section id="card"><p>Public</p><div class="private">Hidden 55</div></section>
      <div role="textbox" id="w" aria-label="Nickname"><span id="typed">Zebulon typed this</span></div>
      <label id="wrap">Your notes <div role="textbox">typed secret</div></label>`;
  });

  it('keeps the kind and drops every name under "Mask all page text"', () => {
    expect(describeElement($('#b'), policy(true))).toEqual({ kind: 'button', name: '' });
    expect(describeElement($('#a'), policy(true))).toEqual({ kind: 'link', name: '' });
    expect(describeElement($('#f'), policy(true))).toEqual({ kind: 'field', name: '' });
    // Without the option the names are there: the test above is not passing for nothing.
    expect(describeElement($('#b'), policy(false)).name).toBe('Confirm booking 4411');
  });

  it('names nothing from a blocked element, around the target, inside it, or as a field’s label', () => {
    const p = policy(false, ['.private']);
    expect(describeElement($('#s'), p)).toEqual({ kind: 'element', name: '' });
    expect(describeElement($('#card'), p)).toEqual({ kind: 'element', name: '' });
    expect(describeElement($('#g'), p)).toEqual({ kind: 'field', name: '' });
    expect(describeElement($('#f'), p)).toEqual({ kind: 'field', name: 'Passport number' });
    expect(describeElement($('#b'), p).name).toBe('Confirm booking 4411');
  });

  it('describes a text widget, not the text typed into it, even when a part of it is clicked', () => {
    expect(describeElement($('#typed'))).toEqual({ kind: 'field', name: 'Nickname' });
    expect(describeElement($('#w'))).toEqual({ kind: 'field', name: 'Nickname' });
    // A label wrapping a widget reads without the widget's text.
    expect(describeElement($('#wrap')).name).toBe('Your notes');
  });
});
