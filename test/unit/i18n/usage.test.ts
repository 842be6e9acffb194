import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../../public/_locales/en/messages.json';
import es from '../../../public/_locales/es/messages.json';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Every source that may name a message: the UIs, lib/ (present) and the manifest's config. */
const code = [
  ...['lib', 'components', 'entrypoints'].flatMap((d) => sources(join(ROOT, d))),
  join(ROOT, 'wxt.config.ts'),
]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** A key is used when the code names it whole (`'panelTitle'`, `__MSG_extName__`), or names the base of a plural. */
function isUsed(key: string): boolean {
  const named = (k: string) => [`'${k}'`, `"${k}"`, `\`${k}\``, `__MSG_${k}__`].some((s) => code.includes(s));
  const plural = /^(.*)_(one|other)$/.exec(key);
  return named(key) || (plural !== null && named(plural[1] as string));
}

describe('UI messages in use', () => {
  it('every key of the English file is used by the code', () => {
    expect(Object.keys(en).filter((k) => !isUsed(k))).toEqual([]);
  });

  it('both languages have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('every plural message has its singular and its plural', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_one'))) {
      expect(Object.keys(en), key).toContain(key.replace(/_one$/, '_other'));
    }
  });
});
