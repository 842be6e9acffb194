/**
 * Colours as the brand kinds compare them: any CSS colour a browser's computed style gives
 * (`rgb(13, 110, 253)`, `rgba(…)`, and `oklch(…)`, `lab(…)`, `color(display-p3 …)` for colours
 * authored in those spaces) normalised to `#rrggbb`, and two colours compared perceptually.
 *
 * culori's tree-shakeable entry ('culori/fn') registers no colour space by itself: only the spaces
 * registered below are parsed, which keeps what the bundle carries small (rgb and lab65 are needed
 * for CIEDE2000; the others only because Chromium reports authored modern colours in their space).
 */
import {
  differenceCiede2000,
  formatHex,
  modeHsl,
  modeLab,
  modeLab65,
  modeLch,
  modeOklab,
  modeOklch,
  modeP3,
  modeRgb,
  parse,
  useMode,
} from 'culori/fn';

useMode(modeRgb);
useMode(modeHsl);
useMode(modeLab65);
useMode(modeLab);
useMode(modeLch);
useMode(modeOklab);
useMode(modeOklch);
useMode(modeP3);

/**
 * CIEDE2000 ΔE at or under which two colours are one. About 1 is the smallest difference a
 * trained eye sees side by side; 2 also absorbs rounding and anti-aliasing drift (`#d9d9d9` and
 * `#dadada` are 0.3 apart) while a brand's hover shade (`#0d6efd`/`#0b5ed7`, about 6) or another
 * hue (`#0a58ca`/`#dc3545`, over 40) stays a different colour.
 */
export const SAME_COLOUR_DELTA_E = 2;

const MAX_CSS = 200;
const MAX_MEMO = 1000;
const memo = new Map<string, string | null>();
const delta = differenceCiede2000();

/**
 * `#rrggbb` (lower case) for a CSS colour, or null for what is no colour: unparseable text, or a
 * fully transparent one (`rgba(0, 0, 0, 0)` is what computed style gives for "no background").
 * A partly transparent colour keeps its hue and drops alpha: what it blends with is not known
 * here. Channels outside sRGB (a wide-gamut `oklch`) are clamped.
 */
export function normaliseColour(css: string): string | null {
  if (typeof css !== 'string' || css.length > MAX_CSS) return null;
  const known = memo.get(css);
  if (known !== undefined) return known;
  const c = parse(css.trim());
  const hex = c && c.alpha !== 0 ? formatHex(c) : null;
  const out = typeof hex === 'string' && /^#[0-9a-f]{6}$/.test(hex) ? hex : null;
  // A page repeats a few computed colours over thousands of elements: parse each string once.
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(css, out);
  return out;
}

/** Whether two CSS colours are one to the eye (CIEDE2000 ≤ SAME_COLOUR_DELTA_E). Unreadable ones never are. */
export function sameColour(a: string, b: string): boolean {
  const x = normaliseColour(a);
  const y = normaliseColour(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return delta(x, y) <= SAME_COLOUR_DELTA_E;
}
