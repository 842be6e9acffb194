import { type Category, DEFAULT_CATEGORIES } from '@/lib/model';

/** Ids look like `form-effort`: lower case, digits and dashes, from the label. */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return slug || 'category';
}

/**
 * The taxonomy from the editor's lines, one label per line. A line that keeps a category's label
 * keeps its id (tags refer to ids); a new label gets a new, unique id. Null when no line is left.
 */
export function categoriesFromLines(
  text: string,
  current: readonly Category[],
  shown: (c: Category) => string = (c) => c.label,
): Category[] | null {
  const labels = [...new Set(text.split('\n').map((l) => l.trim().slice(0, 120)))].filter(Boolean);
  if (labels.length === 0) return null;
  // A category is known by its stored label and by the one the editor showed (translated).
  const byLabel = new Map<string, string>();
  for (const c of current) {
    byLabel.set(c.label.toLowerCase(), c.id);
    byLabel.set(shown(c).toLowerCase(), c.id);
  }
  const used = new Set<string>();
  return labels.slice(0, 60).map((label) => {
    let id = byLabel.get(label.toLowerCase()) ?? slugOf(label);
    for (let n = 2; used.has(id); n++) id = `${slugOf(label)}-${n}`;
    used.add(id);
    return { id, label };
  });
}

/** The editor's text for a taxonomy: one label per line (defaults in the UI's language). */
export function linesOf(categories: readonly Category[], labelOf: (c: Category) => string): string {
  return categories.map(labelOf).join('\n');
}

export const defaultCategories = (): Category[] => DEFAULT_CATEGORIES.map((c) => ({ ...c }));
