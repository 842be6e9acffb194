// @vitest-environment happy-dom
import {
  isValidSelector,
  parseKeepParams,
  parseSelectors,
  validateAuditForm,
} from '@/components/panel/model/audit-form';

const base = {
  name: 'Ventura',
  company: ' Ventura Viajes ',
  startUrl: 'https://ventura.example/',
  maskAllText: false,
  keepParams: '',
};

describe('the audit form', () => {
  it('accepts a good form, trimmed, with one selector per line', () => {
    const r = validateAuditForm({
      ...base,
      blockSelectors: '#card\n\n  .secret input \n',
      keepParams: ' page, sort\nlang page',
    });
    expect(r).toEqual({
      ok: true,
      input: {
        name: 'Ventura',
        company: 'Ventura Viajes',
        startUrl: 'https://ventura.example/',
        privacy: {
          maskAllText: false,
          blockSelectors: ['#card', '.secret input'],
          keepParams: ['page', 'sort', 'lang'],
        },
      },
    });
  });

  it('accepts a loopback start URL with a port', () => {
    expect(validateAuditForm({ ...base, startUrl: 'http://127.0.0.1:4173/index.html', blockSelectors: '' }).ok).toBe(
      true,
    );
  });

  it('reports an empty name and a non-web URL together, without throwing', () => {
    for (const startUrl of ['', 'ventura.example', 'ftp://ventura.example/', 'javascript:alert(1)', 'file:///etc']) {
      const r = validateAuditForm({ ...base, name: '   ', startUrl, blockSelectors: '' });
      expect(r).toEqual({
        ok: false,
        errors: { name: { key: 'panelErrorAuditName' }, startUrl: { key: 'panelErrorStartUrl' } },
      });
    }
  });

  it('names the line and the selector that does not parse', () => {
    const r = validateAuditForm({ ...base, blockSelectors: '#ok\n\ndiv[[' });
    expect(r).toEqual({ ok: false, errors: { blockSelectors: { key: 'panelErrorSelector', subs: ['3', 'div[['] } } });
  });

  it('refuses a kept parameter that cannot be a name, and too many', () => {
    const r = validateAuditForm({ ...base, blockSelectors: '', keepParams: 'page, q=1' });
    expect(r).toEqual({ ok: false, errors: { keepParams: { key: 'panelErrorKeepParam', subs: ['q=1'] } } });
    expect(parseKeepParams(`${'x'.repeat(65)}`).ok).toBe(false);
    const many = Array.from({ length: 51 }, (_, i) => `p${i}`).join(',');
    expect(parseKeepParams(many)).toEqual({ ok: false, error: { key: 'panelErrorKeepParamCount' } });
    expect(parseKeepParams('')).toEqual({ ok: true, names: [] });
  });

  it('limits the selectors to what the model stores', () => {
    const many = Array.from({ length: 51 }, (_, i) => `.c${i}`).join('\n');
    expect(parseSelectors(many)).toEqual({ ok: false, error: { key: 'panelErrorSelectorCount' } });
    expect(parseSelectors(`.${'a'.repeat(300)}`)).toEqual({
      ok: false,
      error: { key: 'panelErrorSelectorLength', subs: ['1'] },
    });
  });

  it('checks selectors with the browser parser', () => {
    expect(isValidSelector('form input[type="password"]')).toBe(true);
    expect(isValidSelector('a:has(> img)')).toBe(true);
    expect(isValidSelector('>>>')).toBe(false);
    expect(isValidSelector('')).toBe(false);
  });
});
