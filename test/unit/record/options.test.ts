// @vitest-environment happy-dom
import type { record } from '@rrweb/record';
import { MouseInteractions } from '@rrweb/types';
import { PASSWORD_MASK, privacyOptions, recordOptions, siteOptions } from '@/lib/record/options';
import { OVERLAY_TAG } from '@/lib/overlay-tag';

const field = (type?: string): HTMLInputElement => {
  const input = document.createElement('input');
  if (type) input.setAttribute('type', type);
  return input;
};

describe('recordOptions', () => {
  it('is accepted by rrweb’s record()', () => {
    const options: Parameters<typeof record>[0] = {
      ...recordOptions({ maskAllText: false, blockSelectors: [] }),
      emit() {},
    };
    // Every field type rrweb knows is masked, and hidden inputs too (maskAllInputs leaves them out).
    expect(options.maskInputOptions).toMatchObject({ text: true, password: true, textarea: true, hidden: true });
  });

  it('keeps nothing of a password that a show-password toggle made a text field', () => {
    const { maskInputFn } = recordOptions({ maskAllText: false, blockSelectors: [] });
    // rrweb marks a field whose type changed from password; the field now says type=text.
    const shown = field('text');
    shown.setAttribute('data-rr-is-password', 'true');
    expect(maskInputFn('hunter2', shown)).toBe('');
    const managed = field('text');
    managed.setAttribute('autocomplete', 'new-password');
    expect(maskInputFn('hunter2', managed)).toBe('');
  });

  it('masks a password to nothing, whatever its length', () => {
    const { maskInputFn } = recordOptions({ maskAllText: false, blockSelectors: [] });
    expect(PASSWORD_MASK).toBe('');
    for (const value of ['a', 'hunter2', 'x'.repeat(64)]) {
      expect(maskInputFn(value, field('password'))).toBe('');
      expect(maskInputFn(value, field('PASSWORD'))).toBe('');
    }
  });

  it('masks other fields to asterisks of the same length', () => {
    const { maskInputFn } = recordOptions({ maskAllText: false, blockSelectors: [] });
    expect(maskInputFn('Ana García', field())).toBe('**********');
    expect(maskInputFn('ana@example.com', field('email'))).toBe('*'.repeat(15));
    expect(maskInputFn('', field('text'))).toBe('');
    expect(maskInputFn('notes', document.createElement('textarea'))).toBe('*****');
    expect(maskInputFn('abc', null)).toBe('***');
  });

  it('blocks the overlay and the audit’s selectors', () => {
    const { blockSelector } = recordOptions({ maskAllText: false, blockSelectors: ['.card-number', '#chat'] });
    expect(blockSelector.split(',')).toEqual([OVERLAY_TAG, '.card-number', '#chat']);
    document.body.innerHTML = `<${OVERLAY_TAG}></${OVERLAY_TAG}><div class="card-number"></div><div id="chat"></div><main>kept</main>`;
    expect([...document.querySelectorAll(blockSelector)].map((e) => e.tagName.toLowerCase())).toEqual([
      OVERLAY_TAG,
      'div',
      'div',
    ]);
    expect(document.querySelector('main')?.matches(blockSelector)).toBe(false);
  });

  it('blocks only the overlay when the audit adds nothing', () => {
    expect(recordOptions({ maskAllText: false, blockSelectors: [] }).blockSelector).toBe(OVERLAY_TAG);
  });

  it('masks every text node only when the audit asks for it', () => {
    expect(recordOptions({ maskAllText: true, blockSelectors: [] }).maskTextSelector).toBe('*');
    // Without it, only text typed into editable regions is masked (it is input, like a field's value).
    const typed = recordOptions({ maskAllText: false, blockSelectors: [] }).maskTextSelector;
    document.body.innerHTML = `<p>kept</p><div contenteditable>typed</div><div contenteditable="false">kept</div>
      <div role="textbox">typed</div><span role="searchbox">typed</span><div role="combobox">typed</div>`;
    expect([...document.body.children].map((e) => e.matches(typed))).toEqual([false, true, false, true, true, true]);
  });

  it('records every keystroke (masked) and leaves canvas and fonts out', () => {
    const o = recordOptions({ maskAllText: false, blockSelectors: [] });
    expect(o).toMatchObject({ recordCanvas: false, collectFonts: false });
    // 'last' would wait for change events: typing would show up only when a field loses focus.
    expect(o.sampling).not.toHaveProperty('input');
  });

  it('has exactly the privacy of rrweb at its defaults with the walk’s privacy (the bench’s and the replay test’s reference)', () => {
    for (const ctx of [
      { maskAllText: false, blockSelectors: [] },
      { maskAllText: true, blockSelectors: ['#chat'] },
    ]) {
      const profile = recordOptions(ctx);
      const { maskInputFn, ...privacy } = privacyOptions(ctx);
      expect(profile).toMatchObject(privacy);
      expect(profile.maskInputFn).toBe(maskInputFn);
      // The reference adds nothing to the privacy: everything else is rrweb's default.
      expect(Object.keys(siteOptions(ctx)).sort()).toEqual(Object.keys(privacyOptions(ctx)).sort());
    }
  });

  it('keeps every mouse interaction a step or the replay needs, and drops only press and release', () => {
    const { sampling } = recordOptions({ maskAllText: false, blockSelectors: [] });
    const dropped = Object.entries(sampling.mouseInteraction)
      .filter(([, on]) => on === false)
      .map(([k]) => k);
    expect(dropped.sort()).toEqual(['MouseDown', 'MouseUp']);
    // Every key is one of rrweb's, so rrweb really stops listening for it.
    for (const k of dropped) expect(MouseInteractions).toHaveProperty(k);
    for (const kept of ['Click', 'DblClick', 'ContextMenu', 'Focus', 'Blur']) {
      expect(sampling.mouseInteraction).not.toHaveProperty(kept);
    }
  });

  it('takes no periodic full snapshot and inlines the page’s styles', () => {
    const o: Record<string, unknown> = recordOptions({ maskAllText: false, blockSelectors: [] });
    expect(o).not.toHaveProperty('checkoutEveryNms');
    expect(o).not.toHaveProperty('checkoutEveryNth');
    expect(o).toMatchObject({ inlineStylesheet: true, inlineImages: false });
  });
});
