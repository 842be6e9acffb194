import type { Plugin } from 'vite';

/**
 * @rrweb/record 2.1.6 watches programmatic writes to `value`, `checked`, `selectedIndex` and
 * `selected` by redefining them on the input, select, textarea and option prototypes with a
 * descriptor that has a setter only (`hookSetter`). In a normal realm `defineProperty` merges that
 * into the existing accessor and the built-in getter stays; in a Firefox content script the
 * prototypes are Xray wrappers, where the definition replaces the property whole: the getter is
 * gone, every `textarea.value` in the content script reads `undefined` (Save tag and Save score
 * threw on `.trim()`) and rrweb records every input as empty. Checked in firefox-esr 153.8: after
 * the hook, `getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').get` is undefined.
 * The fix hands the original getter back in the same definition. No upstream issue or pull request
 * covers it yet (rrweb-io/rrweb#1313 reworks hookSetter for another bug and keeps the setter-only
 * descriptor): the text to file is docs/upstream/rrweb-hooksetter-getter.md.
 */
const BUGGY =
  /(function hookSetter\(target, key, d, isRevoked, win = window\) \{\s*const original = win\.Object\.getOwnPropertyDescriptor\(target, key\);\s*win\.Object\.defineProperty\(\s*target,\s*key,\s*isRevoked \? d : \{)(\s*)(set\(value\) \{)/;
const FIXED = '$1$2get: original && original.get,$2$3';

/** rrweb's record build with hookSetter keeping the getter; throws when the code no longer has the bug's shape. */
export function fixHookSetterGetter(code: string): string {
  if (!BUGGY.test(code)) {
    throw new Error(
      '@rrweb/record changed its hookSetter: see scripts/rrweb-hook-setter-fix.ts (drop the fix if upstream keeps the getter).',
    );
  }
  return code.replace(BUGGY, FIXED);
}

/** Applies fixHookSetterGetter to @rrweb/record's ES build as it is bundled. */
export function rrwebHookSetterFix(): Plugin {
  return {
    name: 'touchpoint:rrweb-hook-setter-fix',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@rrweb[\\/]record[\\/]dist[\\/]record\.js$/.test(id.split('?')[0] ?? '')) return null;
      return { code: fixHookSetterGetter(code), map: null };
    },
  };
}
