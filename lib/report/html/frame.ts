import { type Html, html, jsonForScript, raw } from '@/lib/report/html/escape';
import { sha256Base64 } from '@/lib/report/html/sha256';
import { REPORT_CSS } from '@/lib/report/html/styles';

const STYLE_HASH = `'sha256-${sha256Base64(REPORT_CSS)}'`;

/**
 * The report's policy, first thing in its head so it governs everything after it. Nothing may load
 * or run: no script at all (charts are inline SVG, sections static HTML), the one stylesheet by its
 * hash, images only from `data:` (the tags' screenshots), no base URL, no form, no frame, no
 * plugin. Opened from disk or a mail attachment, the page reaches no network.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "script-src 'none'",
].join('; ');

/** The id of the embedded JSON data block, for tools that read the report back. */
export const REPORT_DATA_ID = 'touchpoint-report-data';

export interface FrameOptions {
  /** The document language (`en`, `es`): screen readers and hyphenation follow it. */
  lang: string;
  title: string;
  body: Html;
  generator?: string;
  /**
   * Data to embed as a JSON block (never executed: the policy allows no script), e.g. the report
   * model, so a tool can read the figures back without parsing tables.
   */
  data?: unknown;
}

/** A complete, self-contained HTML document around the report's body. */
export function documentFrame(opts: FrameOptions): string {
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(opts.lang) ? opts.lang : 'en';
  const data =
    opts.data === undefined
      ? ''
      : html`\n<script type="application/json" id="${REPORT_DATA_ID}">${raw(jsonForScript(opts.data))}</script>`;
  const head = html`<head>
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
${opts.generator ? html`<meta name="generator" content="${opts.generator}">\n` : ''}<title>${opts.title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>`;
  return `<!doctype html>\n<html lang="${lang}">\n${head}\n<body>\n${opts.body}${data}\n</body>\n</html>\n`;
}
