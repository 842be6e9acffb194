import { safeHref } from '@/lib/report/safe-url';
/**
 * Markdown that stays what it says, whatever the pages wrote. Page titles, element names, notes,
 * URLs and divergence values are untrusted: pasted into a wiki or an issue tracker, they must not
 * become markup (a table cell split by `|`, emphasis, a link, raw HTML, a heading, math). Pure.
 */

/** C0/C1 controls, line and paragraph separators, and bidi overrides that could disguise text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Everything Markdown (CommonMark, GFM, GitHub's `$` math) gives a meaning to inside a line,
 * backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `|` `#` `~` `$`. (`(`, `)` and `!` only mean
 * something next to a `[`, which is always escaped.) `<`, `>` and `&` become entities instead,
 * so no renderer sees a tag, an autolink or an entity of the page's.
 */
const SPECIAL = /[\\`*_[\]|#~$]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as one line of inline Markdown, shown as it was written: line breaks and tabs become
 * spaces (a new line could start a heading, a list or end a table row), clipped to `max` characters.
 * A leading `- `, `+ `, `==` or `1. ` is escaped too, so the text is safe even at the start of a line.
 * A URL written in the text (`https://…`, `www.…`) stays text: GFM would make it a link, and some
 * renderers would carry the escapes inside it into the link; only mdLink writes links.
 */
export function mdText(text: string, max = 300): string {
  const flat = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const clipped = flat.length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
  return (
    clipped
      .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
      .replace(SPECIAL, '\\$&')
      .replace(/([a-z][a-z0-9+.-]*):\/\//gi, '$1\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      // A list item, a thematic break or a setext underline, were the text to start a line; `-2` is none.
      .replace(/^([-+=])(?=[\s=-]|$)/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

/**
 * Characters of a link destination that Markdown reads before the link itself (a code span's
 * backtick, `<`, GitHub's `$` math), that would end it (`(`, `)`, a space), escape (a backslash) or split a
 * table row (`|`): percent-encoded. Emphasis is not parsed in a destination.
 */
const IN_DESTINATION = /[\\`<>()| $]/g;

/** A link when the URL is an absolute http(s) one, else the text alone. `text` defaults to the URL. */
export function mdLink(url: string, text: string = url, max = 120): string {
  const label = mdText(text || url, max);
  const href = safeHref(url);
  if (!href) return label;
  const dest = href.replace(IN_DESTINATION, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${dest})`;
}

/** A GFM table: cells are Markdown already (built with mdText / mdLink). */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
