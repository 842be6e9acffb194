/*
 * The report's one stylesheet, screen and print, kept whole so its CSP hash is one value (frame.ts).
 * Colours are checked for contrast (text at least 4.5:1 on its background, chart marks 3:1 on
 * white); severity is never shown by colour alone (every bar and badge carries its label).
 */

export const REPORT_CSS = `
:root {
  color-scheme: light;
  --ink: #1b2430;
  --muted: #4b5665;
  --line: #d4d9e0;
  --soft: #f3f5f8;
  --accent: #1d5aa6;
  --accent-soft: #e6eef8;
  --good: #1f6f43;
  --bad: #a3262a;
  --sev0: #5d6672;
  --sev1: #2f6f8f;
  --sev2: #8a6100;
  --sev3: #b5400d;
  --sev4: #9b1537;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  color: var(--ink);
  background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
.page { max-width: 74rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.url { overflow-wrap: anywhere; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }

/* Header and contents */
.report-header { border-bottom: 3px solid var(--ink); padding-bottom: 1.25rem; margin-bottom: 1.5rem; }
.eyebrow { margin: 0; color: var(--muted); font-size: 0.85rem; letter-spacing: 0.06em; text-transform: uppercase; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0 0 0.6em; font-weight: 650; }
h1 { font-size: 2.2rem; margin-top: 0.2em; letter-spacing: -0.01em; }
h2 { font-size: 1.6rem; padding-top: 0.4rem; }
h3 { font-size: 1.2rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin-top: 1.2rem; }
p { margin: 0 0 0.9em; max-width: 48rem; }
.lede { font-size: 1.1rem; color: var(--muted); }
.muted { color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: 0.4rem 1.8rem; margin: 0.8rem 0 0; padding: 0; }
.meta div { display: flex; gap: 0.4rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; }
nav.toc { background: var(--soft); border-radius: 6px; padding: 0.9rem 1.2rem; margin-bottom: 2rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 0.4rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.3rem; columns: 2 16rem; }
nav.toc li { margin: 0.15rem 0; }

/* Sections */
.report-section { border-top: 1px solid var(--line); padding-top: 1.6rem; margin-top: 2.6rem; }
.report-section:first-of-type { border-top: 0; margin-top: 0; }
.empty { color: var(--muted); font-style: italic; }

/* Key figures */
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.8rem; margin: 1rem 0 1.4rem; padding: 0; }
.figures div { border: 1px solid var(--line); border-radius: 6px; padding: 0.7rem 0.9rem; background: #fff; }
.figures dt { color: var(--muted); font-size: 0.85rem; }
.figures dd { margin: 0.15rem 0 0; font-size: 1.6rem; font-weight: 650; line-height: 1.2; }
.figures dd small { display: block; font-size: 0.8rem; font-weight: 400; color: var(--muted); }

/* Tables */
.table-wrap { overflow-x: auto; margin: 0.8rem 0 1.4rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
th, td { padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); border-bottom: 2px solid var(--ink); font-weight: 600; }
tbody th { font-weight: 600; }
th .muted { font-weight: 400; }
table.narrow { max-width: 46rem; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #fafbfc; }
/* A long unbroken string (a pasted payload) wraps rather than pushing the table wide; short words
   ("Desktop") keep whole: "anywhere" let the table squeeze a column to one letter. URLs (.url) may
   break anywhere. */
tbody td, tbody th { overflow-wrap: break-word; }
td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
td.na { color: var(--muted); }
.journey th[scope="row"] { white-space: nowrap; }
.journey td { min-width: 9rem; }
.cell-list { margin: 0; padding: 0; list-style: none; }
.cell-list li + li { margin-top: 0.35rem; }

/* Badges */
.badge { display: inline-block; border-radius: 999px; padding: 0.05rem 0.55rem; font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.sev-0 { color: var(--sev0); }
.sev-1 { color: var(--sev1); }
.sev-2 { color: var(--sev2); }
.sev-3 { color: var(--sev3); }
.sev-4 { color: var(--sev4); }
.moment { color: var(--accent); }
.good { color: var(--good); }
.bad { color: var(--bad); }

/* Charts */
figure { margin: 1rem 0 1.6rem; }
figcaption { font-weight: 600; margin-bottom: 0.5rem; }
svg.chart { display: block; width: 100%; max-width: 46rem; height: auto; font-family: inherit; }
svg.chart text { fill: var(--ink); font-size: 12px; }
svg.chart .axis-label { fill: var(--muted); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axis { stroke: var(--ink); stroke-width: 1; }
svg.chart .line { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
svg.chart .line-effort { stroke: var(--sev3); }
svg.chart .line-emotion { stroke: var(--accent); }
svg.chart .dot-effort { fill: var(--sev3); }
svg.chart .dot-emotion { fill: var(--accent); }
svg.chart .bar { fill: var(--accent); }
svg.chart .bar-track { fill: var(--soft); }
svg.chart .bar.sev-0 { fill: var(--sev0); }
svg.chart .bar.sev-1 { fill: var(--sev1); }
svg.chart .bar.sev-2 { fill: var(--sev2); }
svg.chart .bar.sev-3 { fill: var(--sev3); }
svg.chart .bar.sev-4 { fill: var(--sev4); }
.chart-data { max-width: 46rem; }
.chart-data table { font-size: 0.85rem; }

/* Frictions and evidence */
.friction { border: 1px solid var(--line); border-left: 5px solid var(--sev2); border-radius: 6px; padding: 1rem 1.2rem; margin: 1rem 0 1.4rem; }
.friction.edge-0 { border-left-color: var(--sev0); }
.friction.edge-1 { border-left-color: var(--sev1); }
.friction.edge-3 { border-left-color: var(--sev3); }
.friction.edge-4 { border-left-color: var(--sev4); }
.friction h3 { margin-top: 0; }
.friction .facts { display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; margin: 0 0 0.8rem; padding: 0; }
.friction .facts div { display: flex; gap: 0.35rem; }
.friction .facts dt { color: var(--muted); }
.friction .facts dd { margin: 0; }
.note { border-left: 3px solid var(--line); margin: 0.6rem 0; padding: 0.1rem 0 0.1rem 0.9rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.shot-figure { margin: 0.6rem 0 1rem; }
.shot { position: relative; display: inline-block; max-width: 100%; vertical-align: top; }
.shot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
.shot-focus { position: absolute; inset: 0; width: 100%; height: 100%; }
.shot .focus { fill: none; stroke: var(--sev4); stroke-width: 3; vector-effect: non-scaling-stroke; }
.shot-figure figcaption { font-weight: 400; margin: 0.4rem 0 0; font-size: 0.9rem; }
.swatch { vertical-align: -2px; }
.divergence { margin: 1rem 0 1.6rem; }
.divergence h4 { margin-bottom: 0.3rem; }
.values dt { margin-top: 0.5rem; font-weight: 600; }
.values dd { margin: 0.2rem 0 0; }
.evidence { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.evidence li { margin: 0.2rem 0; overflow-wrap: anywhere; }
q { quotes: "\\201C" "\\201D" "\\2018" "\\2019"; }
:lang(es) q { quotes: "\\00AB" "\\00BB" "\\201C" "\\201D"; }

.report-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }

@media (max-width: 40rem) {
  .page { padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.7rem; }
  h2 { font-size: 1.35rem; }
}

@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { break-after: page; background: none; border: 1px solid var(--line); }
  .report-section { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, figure, .friction, .figures div, .shot { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: none; }
  a { color: var(--ink); text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; color: var(--muted); font-size: 0.85em; overflow-wrap: anywhere; }
  a[href^="#"]::after, a.self::after { content: none; }
}
`;
