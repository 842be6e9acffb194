/**
 * RFC 4180 text, safe to open in a spreadsheet. Pure.
 *
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, and some also after a leading tab, carriage return or other white space, or with the
 * full-width forms (`＝`). Every *text* cell that could start so gets a leading `'`, which the
 * spreadsheet shows as plain text. A *number* is written as a number (`-2` stays `-2`, sortable)
 * only when the model typed it as one and it prints as plain digits: page text such as `-2` or
 * `=1+1` always arrives as a string, so it is always neutralised.
 */

/** One cell: text (page-derived or worded), a number the model typed, or nothing (empty). */
export type CsvValue = string | number | null | undefined;

/** So spreadsheets read the file as UTF-8 (accents, `€`) rather than the system's code page. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A first character a spreadsheet may read as the start of a formula, once white space is skipped. */
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
/** OWASP also names tab and carriage return as triggers of their own. */
const CONTROL_START = /^[\t\r\n]/;
/** A number that prints as plain digits (no exponent, no `Infinity`): safe to leave unquoted. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text a cell holds, before quoting: a formula-looking text gets its `'`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) || CONTROL_START.test(text) ? `'${text}` : text;
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const s = String(value);
    return PLAIN_NUMBER.test(s) ? s : neutralise(s);
  }
  return neutralise(value);
}

/** One field: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvField(value: CsvValue): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole table: BOM, header, rows, every record ended by CRLF. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => cells.map(csvField).join(',') + CRLF;
  return BOM + line(header) + rows.map(line).join('');
}
