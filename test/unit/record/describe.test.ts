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
  it('names buttons and links by their text', () => {
    page('<button id="b">  Next \n step </button><a id="a" href="/offers">See <b>offers</b></a>');
    expect(describeElement($('#b'))).toBe('button "Next step"');
    expect(describeElement($('#a'))).toBe('link "See offers"');
  });

  it('prefers aria-label, then alt and title, and keeps an explicit role', () => {
    page(
      '<button id="x" aria-label="Close dialog">×</button><img id="i" alt="Logo" src="l.png">' +
        '<div id="d" role="button" title="Menu"></div>',
    );
    expect(describeElement($('#x'))).toBe('button "Close dialog"');
    expect(describeElement($('#i'))).toBe('image "Logo"');
    expect(describeElement($('#d'))).toBe('button "Menu"');
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
    expect(describeElement($('#full'))).toBe('field "Full name"');
    expect(describeElement($('#email'))).toBe('field "Email"');
    expect(describeElement($('#phone'))).toBe('field "Phone number"');
    expect(describeElement($('#city'))).toBe('field "City of departure"');
    expect(describeElement($('#zip'))).toBe('field "postcode"');
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
    expect(describeElement($('#pw'))).toBe('password field "Password"');
    expect(describeElement($('#cb'))).toBe('checkbox "Insurance"');
    expect(describeElement($('#r'))).toBe('radio "Economy"');
    expect(describeElement($('#s'))).toBe('list "Cabin"');
    expect(describeElement($('#t'))).toBe('text box "Notes"');
    expect(describeElement($('#go'))).toBe('button "Send request"');
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
      expect(describeElement($(`#${id}`))).not.toContain(SECRET.slice(0, 7));
    }
    expect(describeElement($('#f'))).toBe('field');
    // The label of a field holds the field: its own description must not read the value either.
    expect(describeElement($('label:not([for])'))).not.toContain(SECRET.slice(0, 7));
  });

  it('never includes a prefilled value of a field inside a wrapping label', () => {
    page(`<label>Delivery address <textarea id="t">${SECRET}</textarea></label>`);
    expect(describeElement($('#t'))).not.toContain(SECRET.slice(0, 7));
    expect(describeElement($('label'))).not.toContain(SECRET.slice(0, 7));
  });

  it('never includes what was typed into an editable region', () => {
    page(`<div id="ed" contenteditable="true" role="textbox"><p>${SECRET}</p></div>`);
    expect(describeElement($('#ed'))).not.toContain(SECRET.slice(0, 7));
    expect(describeElement($('#ed')).startsWith('textbox')).toBe(true);
  });

  it('clips long names to 80 characters with an ellipsis', () => {
    const long = 'Book now and save on every family holiday to the Canary Islands this summer season';
    page(`<a id="l" href="/">${long} ${long}</a>`);
    const d = describeElement($('#l'));
    const name = d.slice('link "'.length, -1);
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
