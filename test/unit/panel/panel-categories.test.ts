import { DEFAULT_CATEGORIES } from '@/lib/model';
import { categoriesFromLines, linesOf, slugOf } from '@/components/panel/model/categories';

const spanish: Record<string, string> = { findability: 'Encontrar y navegar', error: 'Error o fallo' };
const shown = (c: { id: string; label: string }) => spanish[c.id] ?? c.label;

describe('the friction categories editor', () => {
  it('makes ids from labels', () => {
    expect(slugOf('Pricing surprise!')).toBe('pricing-surprise');
    expect(slugOf('Información útil')).toBe('informacion-util');
    expect(slugOf('¿?')).toBe('category');
  });

  it('keeps the ids of unchanged lines, in the stored or the shown (translated) label', () => {
    const text = ['Encontrar y navegar', 'Error or broken', 'Pricing surprise'].join('\n');
    expect(categoriesFromLines(text, DEFAULT_CATEGORIES, shown)).toEqual([
      { id: 'findability', label: 'Encontrar y navegar' },
      { id: 'error', label: 'Error or broken' },
      { id: 'pricing-surprise', label: 'Pricing surprise' },
    ]);
  });

  it('drops blank and repeated lines, keeps ids unique, and refuses an empty taxonomy', () => {
    const got = categoriesFromLines('  A b \n\nA b\nA-b\n', []);
    expect(got).toEqual([
      { id: 'a-b', label: 'A b' },
      { id: 'a-b-2', label: 'A-b' },
    ]);
    expect(categoriesFromLines(' \n \n', DEFAULT_CATEGORIES)).toBeNull();
  });

  it('shows one label per line', () => {
    expect(linesOf(DEFAULT_CATEGORIES.slice(0, 2), shown)).toBe('Encontrar y navegar\nMissing or unclear information');
  });
});
