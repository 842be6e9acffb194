import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// House rule: a file in lib/ or components/ stays under 200 lines, or opens with a comment saying
// why it is longer (one job that does not split well, a table, a stylesheet of one layer).

const LIMIT = 200;
const SOURCE = /\.(ts|tsx|css)$/;

function lineCount(source: string): number {
  const lines = source.split('\n');
  return source.endsWith('\n') ? lines.length - 1 : lines.length;
}

/** True when the file is over the limit and its first non-blank line is not a comment. */
function needsReason(source: string): boolean {
  if (lineCount(source) <= LIMIT) return false;
  const first = source.split('\n').find((line) => line.trim() !== '') ?? '';
  return !/^\s*(\/\/|\/\*)/.test(first);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE.test(name))
    .map((name) => path.join(dir, name).split(path.sep).join('/'));
}

describe('long files in lib/ and components/', () => {
  it('tells a long file without its reason from a short one or an explained one', () => {
    const body = Array.from({ length: LIMIT }, (_, i) => `export const v${i} = ${i};`);
    expect(needsReason(`${body.join('\n')}\n`)).toBe(false);
    expect(needsReason(`import x from 'y';\n${body.join('\n')}\n`)).toBe(true);
    expect(
      needsReason(`\n// One table of every label: splitting it would scatter the keys.\n${body.join('\n')}\n`),
    ).toBe(false);
    expect(needsReason(`/* The tagger's layers, one stylesheet. */\n${body.join('\n')}\n`)).toBe(false);
  });

  it('open with a comment saying why they are longer than 200 lines', () => {
    const offenders = ['lib', 'components']
      .flatMap(filesUnder)
      .filter((file) => needsReason(readFileSync(file, 'utf8')))
      .map((file) => `${file} (${lineCount(readFileSync(file, 'utf8'))} lines)`);
    expect(offenders).toEqual([]);
  });
});
