/**
 * A generated site whose pages share their stylesheets and fonts, served from loopback for rows H
 * and I of the bench (bench/site-walks.ts). Real templates load the same large CSS on every page:
 * rrweb inlines each stylesheet's text into every full snapshot (`inlineStylesheet`), so a walk
 * stores it once per page visit; row H measures that. Deterministic (seeded) so runs compare.
 *
 * - `/p/<i>.html`: a content page (varied: 20–120 cards, paragraphs, sometimes a table) with
 *   three shared stylesheets (about 60, 100 and 45 kB; the last embeds a font as a data: URL, as
 *   icon fonts often are) and a served font; `a#next` leads to page i+1.
 * - `/s/<i>.html`: a short page (row I's long walk), one small stylesheet, the brand, navigation,
 *   call to action, contact and hours a template repeats; `a#next` to i+1, modulo `SHORT_PAGES`
 *   (a 58-page template walked round and round).
 */
import { createServer } from 'node:http';
import { between, pick, type Rand, seeded, sentence } from './big-page';
import { type FixtureServer, send, serve } from '../scripts/drive/fixture-server';

export const SHORT_PAGES = 58;

const COLORS = ['#1d3557', '#457b9d', '#a8dadc', '#e63946', '#f1faee', '#2a9d8f', '#e9c46a', '#264653'];

/** `kB` kilobytes (about) of rules in the style of a UI framework's stylesheet. */
function stylesheet(seed: number, kB: number, prefix: string): string {
  const r = seeded(seed);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < kB * 1000; i++) {
    const rule =
      `.${prefix}-${i}, .${prefix}-${i}:hover > .${prefix}-item-${between(r, 1, 40)} {` +
      ` margin: ${between(r, 0, 32)}px ${between(r, 0, 32)}px; padding: ${between(r, 0, 24)}px;` +
      ` color: ${pick(r, COLORS)}; background: linear-gradient(${between(r, 0, 360)}deg, ${pick(r, COLORS)}, ${pick(r, COLORS)});` +
      ` border-radius: ${between(r, 0, 12)}px; font-size: ${(0.75 + r()).toFixed(3)}rem; }\n`;
    out.push(rule);
    size += rule.length;
  }
  return out.join('');
}

/** Bytes that stand for a font file (not a valid font: only its size and sharing matter here). */
function fontBytes(seed: number, bytes: number): Buffer {
  const r = seeded(seed);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(r() * 256)));
}

const FONT = fontBytes(7, 24_000);
const ASSETS: Record<string, { type: string; body: string | Buffer }> = {
  '/css/base.css': {
    type: 'text/css',
    body: `@font-face { font-family: Brand; src: url(/fonts/brand.woff2) format("woff2"); }\nbody { font-family: Brand, sans-serif; }\n${stylesheet(1, 60, 'b')}`,
  },
  '/css/components.css': { type: 'text/css', body: stylesheet(2, 100, 'c') },
  '/css/theme.css': {
    type: 'text/css',
    body: `@font-face { font-family: Icons; src: url(data:font/woff2;base64,${fontBytes(9, 18_000).toString('base64')}) format("woff2"); }\n${stylesheet(3, 20, 't')}`,
  },
  '/css/short.css': { type: 'text/css', body: stylesheet(4, 3, 's') },
  '/fonts/brand.woff2': { type: 'font/woff2', body: FONT },
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (r: Rand, n: number) =>
  Array.from({ length: n }, () => `<p>${esc(sentence(r, 12, 40))}</p>`).join('\n');

function contentPage(i: number): string {
  const r = seeded(1000 + i);
  const cards = Array.from(
    { length: between(r, 20, 120) },
    (_, k) =>
      `<li class="c-${between(r, 0, 400)} card"><h3>${esc(sentence(r, 2, 5))}</h3><p>${esc(sentence(r, 8, 20))}</p>` +
      `<a href="/p/${(i + k) % 40}.html">Ver</a></li>`,
  ).join('\n');
  const table =
    r() < 0.4
      ? `<table>${Array.from({ length: between(r, 5, 30) }, () => `<tr><td>${esc(sentence(r, 1, 3))}</td><td>${between(r, 1, 9999)} €</td></tr>`).join('')}</table>`
      : '';
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Página ${i}</title>
<link rel="stylesheet" href="/css/base.css"><link rel="stylesheet" href="/css/components.css">
<link rel="stylesheet" href="/css/theme.css"></head><body>
<nav><a href="/p/0.html">Inicio</a> <a id="next" href="/p/${i + 1}.html">Siguiente</a></nav>
<main><h1>${esc(sentence(r, 3, 7))}</h1>${paragraphs(r, between(r, 2, 8))}<ul>${cards}</ul>${table}</main></body></html>`;
}

/** Short, but with what a real template repeats on every page (brand, nav, call to action, contact, hours, footer): what the panel reads facts from. */
function shortPage(i: number): string {
  const r = seeded(5000 + i);
  const nav = Array.from(
    { length: 8 },
    (_, k) => `<a href="/s/${(i + 7 * k + 3) % SHORT_PAGES}.html">Sección ${k + 1}</a>`,
  );
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Paso ${i} | Viajes Ventura</title>
<link rel="stylesheet" href="/css/short.css"></head><body>
<header><strong>Viajes Ventura</strong><nav>${nav.join(' ')} <a id="next" href="/s/${(i + 1) % SHORT_PAGES}.html">Siguiente</a></nav></header>
<main><h1>${esc(sentence(r, 2, 5))}</h1>${paragraphs(r, 2)}
<p>Desde ${between(r, 99, 2999)} € por persona. Cancelación gratuita hasta 48 horas antes.</p>
<button type="button">Reservar ahora</button></main>
<footer><p>Llámenos al +34 910 555 ${between(r, 100, 999)} o escriba a ayuda@viajes-ventura.example</p>
<p>Lunes a viernes de 9:00 a 20:00</p><a href="/s/0.html">Aviso legal</a> <a href="/s/1.html">Privacidad</a></footer></body></html>`;
}

/** Bytes of the stylesheets every content page shares (what rrweb inlines on each visit). */
export const sharedCssBytes = () =>
  ['/css/base.css', '/css/components.css', '/css/theme.css'].reduce(
    (n, p) => n + Buffer.byteLength(ASSETS[p]?.body ?? ''),
    0,
  );

export async function startSharedSite(): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const asset = ASSETS[url.pathname];
    if (asset) return send(res, 200, asset.type, asset.body);
    const m = /^\/([ps])\/(\d{1,4})\.html$/.exec(url.pathname);
    if (!m) return send(res, 404, 'text/plain', 'not found');
    const i = Number(m[2]);
    send(res, 200, 'text/html; charset=utf-8', m[1] === 'p' ? contentPage(i) : shortPage(i));
  });
  return serve(server);
}
