/** The printed table: one row per figure, its target where one exists, and PASS / over. */

export interface Row {
  figure: string;
  value: string;
  target?: string;
  /** true: within target; false: over; undefined: reported only. */
  pass?: boolean;
}

export function section(title: string): Row {
  return { figure: title, value: '' };
}

export function formatTable(rows: Row[]): string {
  const w0 = Math.max(...rows.map((r) => r.figure.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => (r.target ?? '').length), 6);
  const line = `${'-'.repeat(w0)}-+-${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+-----`;
  const out = [`${'Figure'.padEnd(w0)} | ${'Value'.padStart(w1)} | ${'Target'.padEnd(w2)} | Mark`, line];
  for (const r of rows) {
    if (r.value === '' && r.target === undefined) {
      out.push(r.figure);
      continue;
    }
    const mark = r.pass === undefined ? '' : r.pass ? 'PASS' : 'over';
    out.push(`${r.figure.padEnd(w0)} | ${r.value.padStart(w1)} | ${(r.target ?? '').padEnd(w2)} | ${mark}`);
  }
  return out.join('\n');
}

export const ms = (x: number) => `${x.toFixed(0)} ms`;
export const x2 = (x: number) => `${x.toFixed(2)}x`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
