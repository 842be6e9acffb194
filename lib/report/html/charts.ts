import { type Html, html, type Part } from '@/lib/report/html/escape';

/**
 * The report's charts, as inline SVG (no script, no network). Each chart is an image with a text
 * name (`role="img"`, `aria-label`, `<title>`), and `chartFigure` always puts the same numbers in a
 * table beside it: nothing is told only by a chart, or only by colour.
 */

/** Two decimals keep the markup short and stable across platforms. */
const n = (v: number) => String(Math.round(v * 100) / 100);

/** A label shortened to fit under a chart's axis; the table beside the chart has it whole. */
export function shorten(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

export interface Series {
  /** Says what the line is, in the chart's name and its legend. */
  name: string;
  /** One value per category; null where there is nothing to plot (the line breaks there). */
  values: readonly (number | null)[];
  /** `effort` or `emotion`: its colour in the stylesheet. */
  tone: 'effort' | 'emotion';
}

export interface LineChartSpec {
  /** What the chart shows, for screen readers and the tooltip. */
  label: string;
  /** The x axis: the journey's stages, in order. */
  categories: readonly string[];
  series: Series;
  min: number;
  max: number;
  /** Gridlines with their labels (`1 · hard` … `7 · easy`). */
  ticks: readonly { value: number; label: string }[];
}

const LINE = { width: 640, height: 240, left: 110, right: 20, top: 16, bottom: 48 };

/** A curve over the journey's stages (effort, emotion), with a dot per stage that has a value. */
export function lineChart(spec: LineChartSpec): Html {
  const { width, height, left, right, top, bottom } = LINE;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const count = Math.max(1, spec.categories.length);
  // Each stage in the middle of its band, so the first and last labels fit under the plot.
  const x = (i: number) => left + (plotW * (i + 0.5)) / count;
  const span = spec.max - spec.min || 1;
  const y = (v: number) => top + plotH - ((Math.min(spec.max, Math.max(spec.min, v)) - spec.min) / span) * plotH;

  const grid = spec.ticks.map(
    (t) => html`<line class="grid" x1="${left}" x2="${width - right}" y1="${n(y(t.value))}" y2="${n(y(t.value))}"/>
<text class="axis-label" x="${left - 8}" y="${n(y(t.value) + 4)}" text-anchor="end">${shorten(t.label, 16)}</text>`,
  );
  const maxChars = Math.max(6, Math.floor(plotW / count / 7.5));
  const xLabels = spec.categories.map(
    (c, i) =>
      html`<text class="axis-label" x="${n(x(i))}" y="${height - bottom + 20}" text-anchor="middle">${shorten(c, maxChars)}</text>`,
  );
  // Consecutive values join; a stage with no value breaks the line rather than inventing one.
  const runs: string[] = [];
  let run: string[] = [];
  spec.series.values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${n(x(i))},${n(y(v))}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  const lines = runs.map((points) => html`<polyline class="line line-${spec.series.tone}" points="${points}"/>`);
  const dots = spec.series.values.map((v, i) =>
    v === null ? '' : html`<circle class="dot-${spec.series.tone}" cx="${n(x(i))}" cy="${n(y(v))}" r="5"/>`,
  );

  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${spec.label}">
<title>${spec.label}</title>
${grid}
<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"/>
${xLabels}
${lines}
${dots}
</svg>`;
}

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it (`3`, `75%`), written at the bar's end. */
  valueLabel: string;
  /** A class for its colour (`sev-3`); the accent colour otherwise. */
  tone?: string;
}

export interface BarChartSpec {
  label: string;
  bars: readonly Bar[];
  /** The full length of a bar (a share's 1; the largest count otherwise). */
  max?: number;
}

/** Horizontal bars (severity counts, agreement shares), one row per bar, label on the left. */
export function barChart(spec: BarChartSpec): Html {
  const width = 640;
  const row = 30;
  const left = 220;
  const valueRoom = 70;
  const top = 8;
  const height = top * 2 + row * Math.max(1, spec.bars.length);
  const max = spec.max ?? Math.max(1, ...spec.bars.map((b) => b.value));
  const plotW = width - left - valueRoom;
  const rows = spec.bars.map((b, i) => {
    const y = top + i * row;
    const w = max > 0 ? (Math.max(0, Math.min(max, b.value)) / max) * plotW : 0;
    return html`<text x="${left - 10}" y="${y + 19}" text-anchor="end">${shorten(b.label, 30)}</text>
<rect class="bar-track" x="${left}" y="${y + 5}" width="${plotW}" height="${row - 10}" rx="3"/>
<rect class="bar${b.tone ? ` ${b.tone}` : ''}" x="${left}" y="${y + 5}" width="${n(w)}" height="${row - 10}" rx="3"/>
<text x="${n(left + w + 8)}" y="${y + 19}">${b.valueLabel}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${spec.label}">
<title>${spec.label}</title>
${rows}
</svg>`;
}

export interface Column {
  label: string;
  /** Right-aligned, as figures read best. */
  numeric?: boolean;
}

/**
 * A data table: a caption, column headers, and rows whose first cell heads the row. Cells are
 * escaped text or fragments built with `html`.
 */
export function dataTable(spec: {
  caption?: string;
  columns: readonly Column[];
  rows: readonly Part[][];
  className?: string;
  /**
   * For a wide table: its caption's id. Its scrolling box becomes a region named by the caption
   * that takes focus, so keyboard users can scroll it too. Needs `caption`.
   */
  scrollId?: string;
}): Html {
  const head = spec.columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num"` : ''}>${c.label}</th>`);
  const body = spec.rows.map((cells) => {
    const tds = cells.map((cell, i) => {
      const numeric = spec.columns[i]?.numeric ? html` class="num"` : '';
      return i === 0 ? html`<th scope="row"${numeric}>${cell}</th>` : html`<td${numeric}>${cell}</td>`;
    });
    return html`<tr>${tds}</tr>\n`;
  });
  const scroll = spec.caption ? spec.scrollId : undefined;
  const caption = spec.caption ? html`<caption${scroll ? html` id="${scroll}"` : ''}>${spec.caption}</caption>` : '';
  const wrap = scroll
    ? html`<div class="table-wrap" role="region" aria-labelledby="${scroll}" tabindex="0">`
    : html`<div class="table-wrap">`;
  return html`${wrap}<table${spec.className ? html` class="${spec.className}"` : ''}>${caption}
<thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody>
</table></div>`;
}

/**
 * A chart and the table of its numbers, under one caption. `table` may be left out only when the
 * caller puts the same numbers in a table of its own next to it (the journey's two curves share one).
 */
export function chartFigure(caption: string, chart: Html, table?: Html): Html {
  return html`<figure>
<figcaption>${caption}</figcaption>
${chart}
${table ? html`<div class="chart-data">${table}</div>` : ''}
</figure>`;
}
