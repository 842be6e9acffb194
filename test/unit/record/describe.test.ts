// @vitest-environment happy-dom
import { actionTarget, describeElement } from '@/lib/record/describe';

const SECRET = 'hunter2-4111111111111111';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const $ = (selector: string): Element => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** Types the secret into every field of the page, as a person would. */
function typeSecrets(): void {
  for (const f of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (f.type !== 'submit' && f.type !== 'button') f.value = SECRET;
  }
}

describe('describeElement', () => {
  it('stores what the element is as data, for each UI to word in its language', () => {
    page(
      '<h2 id="h">Lisbon</h2><div id="t" role="tab">Prices</div><div id="m" role="menuitemcheckbox">Wi-Fi</div>' +
        '<div id="u" role="presentation">Box</div><p id="p">From 2,190 €</p>' +
        '<input id="q" type="search" aria-label="Search trips"><input id="r" type="range" aria-label="Budget">',
    );
    expect(describeElement($('#h'))).toEqual({ kind: 'heading', name: 'Lisbon' });
    expect(describeElement($('#t'))).toEqual({ kind: 'tab', name: 'Prices' });
    expect(describeElement($('#m'))).toEqual({ kind: 'menu-item', name: 'Wi-Fi' });
    expect(describeElement($('#u'))).toEqual({ kind: 'element', name: 'Box' });
    expect(describeElement($('#p'))).toEqual({ kind: 'element', name: 'From 2,190 €' });
    expect(describeElement($('#q'))).toEqual({ kind: 'search-box', name: 'Search trips' });
    expect(describeElement($('#r'))).toEqual({ kind: 'slider', name: 'Budget' });
  });

  it('names buttons and links by their text', () => {
    page('<button id="b">  Next \n step </button><a id="a" href="/offers">See <b>offers</b></a>');
    expect(describeElement($('#b'))).toEqual({ kind: 'button', name: 'Next step' });
    expect(describeElement($('#a'))).toEqual({ kind: 'link', name: 'See offers' });
  });

  it('prefers aria-label, then alt and title, and keeps an explicit role', () => {
    page(
      '<button id="x" aria-label="Close dialog">×</button><img id="i" alt="Logo" src="l.png">' +
        '<div id="d" role="button" title="Menu"></div>',
    );
    expect(describeElement($('#x'))).toEqual({ kind: 'button', name: 'Close dialog' });
    expect(describeElement($('#i'))).toEqual({ kind: 'image', name: 'Logo' });
    expect(describeElement($('#d'))).toEqual({ kind: 'button', name: 'Menu' });
  });

  it('names fields by label[for], a wrapping label, aria-label, placeholder, then name', () => {
    page(
      '<label for="full">Full name</label><input id="full">' +
        '<label>Email <input id="email" type="email"></label>' +
        '<input id="phone" aria-label="Phone number">' +
        '<input id="city" placeholder="City of departure">' +
        '<input id="zip" name="postcode">',
    );
    typeSecrets();
    expect(describeElement($('#full'))).toEqual({ kind: 'field', name: 'Full name' });
    expect(describeElement($('#email'))).toEqual({ kind: 'field', name: 'Email' });
    expect(describeElement($('#phone'))).toEqual({ kind: 'field', name: 'Phone number' });
    expect(describeElement($('#city'))).toEqual({ kind: 'field', name: 'City of departure' });
    expect(describeElement($('#zip'))).toEqual({ kind: 'field', name: 'postcode' });
  });

  it('names controls by kind: password, checkbox, radio, select, text box, submit input', () => {
    page(
      '<label for="pw">Password</label><input id="pw" type="password">' +
        '<label><input id="cb" type="checkbox"> Insurance</label>' +
        '<input id="r" type="radio" aria-label="Economy">' +
        '<label for="s">Cabin</label><select id="s"><option>Economy</option></select>' +
        '<label for="t">Notes</label><textarea id="t"></textarea>' +
        '<input id="go" type="submit" value="Send request">',
    );
    typeSecrets();
    expect(describeElement($('#pw'))).toEqual({ kind: 'password-field', name: 'Password' });
    expect(describeElement($('#cb'))).toEqual({ kind: 'checkbox', name: 'Insurance' });
    expect(describeElement($('#r'))).toEqual({ kind: 'radio', name: 'Economy' });
    expect(describeElement($('#s'))).toEqual({ kind: 'list', name: 'Cabin' });
    expect(describeElement($('#t'))).toEqual({ kind: 'text-box', name: 'Notes' });
    expect(describeElement($('#go'))).toEqual({ kind: 'button', name: 'Send request' });
  });

  it('never includes what was typed into a field, whatever names it', () => {
    page(
      '<label for="a">Card</label><input id="a">' +
        '<label>Card holder <input id="b"></label>' +
        '<input id="c" type="password" placeholder="Password">' +
        '<input id="d" name="card">' +
        '<label for="e">Message</label><textarea id="e"></textarea>' +
        '<input id="f">',
    );
    typeSecrets();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      expect((document.getElementById(id) as HTMLInputElement).value).toBe(SECRET);
      expect(describeElement($(`#${id}`)).name).not.toContain(SECRET.slice(0, 7));
    }
    expect(describeElement($('#f'))).toEqual({ kind: 'field', name: '' });
    // The label of a field holds the field: its own description must not read the value either.
    expect(describeElement($('label:not([for])')).name).not.toContain(SECRET.slice(0, 7));
  });

  it('never includes a prefilled value of a field inside a wrapping label', () => {
    page(`<label>Delivery address <textarea id="t">${SECRET}</textarea></label>`);
    expect(describeElement($('#t')).name).not.toContain(SECRET.slice(0, 7));
    expect(describeElement($('label')).name).not.toContain(SECRET.slice(0, 7));
  });

  it('never includes what was typed into an editable region', () => {
    page(`<div id="ed" contenteditable="true" role="textbox"><p>${SECRET}</p></div>`);
    expect(describeElement($('#ed')).name).not.toContain(SECRET.slice(0, 7));
    expect(describeElement($('#ed')).kind).toBe('field');
  });

  it('clips long names to 80 characters with an ellipsis', () => {
    const long = 'Book now and save on every family holiday to the Canary Islands this summer season';
    page(`<a id="l" href="/">${long} ${long}</a>`);
    const { kind, name } = describeElement($('#l'));
    expect(kind).toBe('link');
    expect(name).toHaveLength(80);
    expect(name.endsWith('…')).toBe(true);
    expect(long.startsWith(name.slice(0, 79))).toBe(true);
  });
});

describe('actionTarget', () => {
  it('finds the link or button around the node clicked', () => {
    page('<a id="a" href="/x"><span><b id="inner">Offers</b></span></a><p id="p">text</p>');
    expect(actionTarget($('#inner'))).toBe($('#a'));
    expect(actionTarget($('#inner').firstChild)).toBe($('#a'));
    expect(actionTarget($('#p'))).toBe($('#p'));
    expect(actionTarget(null)).toBeNull();
  });
});
