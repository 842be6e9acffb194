/**
 * The HTML report's safety kit. Everything that lands in the report (page titles, step titles, tag
 * notes, alt text, URLs, persona names, divergence values) is untrusted, so markup is only ever
 * built with the `html` tag: every interpolated value is escaped unless it is already `Html` built
 * the same way. `raw` is for the few constants of this folder (the stylesheet, a doctype).
 */

import { safeHref } from '@/lib/report/safe-url';

// One link rule for the HTML and the Markdown (lib/report/safe-url.ts); re-exported for the renderers.
export { safeHref };

/** A fragment of markup that is safe to place as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, fragments, lists of them; nothing for the rest. */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an element's content or a quoted attribute's value: `& < > " '` become entities, so a
 * value can neither open a tag nor close its attribute. NUL and the other C0 controls the HTML
 * parser rejects are dropped (they carry nothing a reader needs).
 */
export function escapeHtml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A trusted constant, placed as it is. Never call it on page-derived text. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function part(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

/** Markup from a template: the literal parts are the author's, every interpolation is escaped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i] as Part) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Fragments joined, each escaped as `html` would. */
export function join(parts: readonly Part[], separator: Part = ''): Html {
  const sep = part(separator);
  return new Html(parts.map(part).join(sep));
}

/**
 * A page's URL as a reader meets it: a link when it is http(s) (opening outside the report, with
 * no referrer), plain text otherwise. `text` defaults to the URL itself.
 */
export function link(url: string, text: string = url): Html {
  const href = safeHref(url);
  if (href === null) return html`<span class="url">${text}</span>`;
  // `self`: the link reads as its own address, so print need not repeat it after it.
  const cls = text === url || text === href ? 'url self' : 'url';
  return html`<a class="${cls}" href="${href}" rel="noopener noreferrer external">${text}</a>`;
}

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON to embed in a `<script type="application/json">` block: `<`, `>` and `&` written as
 * `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--` can end or bend the block, and U+2028 /
 * U+2029 escaped for readers that evaluate it as JavaScript. `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c);
}

/** Each accepted type and how its bytes begin, in base64 (PNG's signature, JPEG's SOI, WebP's RIFF). */
const IMAGE_MAGIC: Record<string, string> = { 'image/png': 'iVBORw0KGgo', 'image/jpeg': '/9j/', 'image/webp': 'UklGR' };
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A `data:` URL for an embedded screenshot, or null. Only PNG, JPEG and WebP pass (never SVG,
 * which could carry script, nor HTML), and the bytes must begin as that type does; the payload
 * must be plain base64, so nothing in it can leave the attribute.
 */
export function imageDataUrl(mime: string, base64: string): string | null {
  const magic = Object.hasOwn(IMAGE_MAGIC, mime) ? IMAGE_MAGIC[mime] : undefined;
  if (magic === undefined || !base64.startsWith(magic)) return null;
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return null;
  return `data:${mime};base64,${base64}`;
}
