// @vitest-environment happy-dom
import type { record } from '@rrweb/record';
import { PASSWORD_MASK, recordOptions } from '@/lib/record/options';
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
    expect(options.maskAllInputs).toBe(true);
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
    expect(recordOptions({ maskAllText: false, blockSelectors: [] }).maskTextSelector).toBe(
      '[contenteditable]:not([contenteditable="false"])',
    );
  });

  it('records every keystroke (masked) and leaves canvas and fonts out', () => {
    const o = recordOptions({ maskAllText: false, blockSelectors: [] });
    expect(o).toMatchObject({ maskAllInputs: true, recordCanvas: false, collectFonts: false });
    // 'last' would wait for change events: typing would show up only when a field loses focus.
    expect(o.sampling).not.toHaveProperty('input');
  });
});
