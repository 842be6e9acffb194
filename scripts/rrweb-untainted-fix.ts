import type { Plugin } from 'vite';

/**
 * @rrweb/record 2.1.6 checks that the page has not patched the DOM prototypes it uses, and when
 * a check fails it creates, attaches and removes a hidden <iframe> to borrow clean ones. Its check
 * lists `querySelector` and `querySelectorAll` as accessors of Element although they are methods,
 * so it always fails: every page load pays for a child frame (about 2 to 3 ms a page here, more in
 * an extension's isolated world, where Chromium sets the new frame up for content scripts too).
 * Upstream fix, not yet released: https://github.com/rrweb-io/rrweb/pull/1802 (the same move).
 * In Touchpoint's isolated world the page cannot patch our prototypes anyway.
 */
const BUGGY = {
  accessors: 'Element: ["shadowRoot", "querySelector", "querySelectorAll"],',
  methods: /(const testableMethods = \{[^}]*?)Element: \[\],/,
};
const FIXED = {
  accessors: 'Element: ["shadowRoot"],',
  methods: '$1Element: ["querySelector", "querySelectorAll"],',
};

/** rrweb's record build with the check fixed; throws when the code no longer has the bug's shape. */
export function fixUntaintedCheck(code: string): string {
  if (!code.includes(BUGGY.accessors) || !BUGGY.methods.test(code)) {
    throw new Error(
      '@rrweb/record changed its untainted-prototype check: see scripts/rrweb-untainted-fix.ts (drop the fix if upstream has it).',
    );
  }
  return code.replace(BUGGY.accessors, FIXED.accessors).replace(BUGGY.methods, FIXED.methods);
}

/** Applies fixUntaintedCheck to @rrweb/record's ES build as it is bundled. */
export function rrwebUntaintedFix(): Plugin {
  return {
    name: 'touchpoint:rrweb-untainted-fix',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@rrweb[\\/]record[\\/]dist[\\/]record\.js$/.test(id.split('?')[0] ?? '')) return null;
      return { code: fixUntaintedCheck(code), map: null };
    },
  };
}
