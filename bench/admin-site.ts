/**
 * Row I's site (bench/site-walks.ts): a 58-page admin template walked round and round, as the
 * issue 15 measurement did on a real one. The short generated pages first used for row I were too
 * light to show the side panel's cost growing with the walk; these carry what a real admin page
 * carries: Start Bootstrap's SB Admin 2 stylesheet (MIT, saved in the consistency corpus, 171 kB
 * that rrweb inlines on every visit), a sidebar of collapsible sections, a top bar with alert,
 * message and user menus, KPI cards, a data table, a form on some pages, a footer with contact
 * details and hours, and JSON-LD. About 1,500 to 2,500 elements a page. Deterministic (seeded).
 *
 * `/a/<i>.html`: page i; `a#next` leads to page i+1 modulo `ADMIN_PAGES`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FixtureServer, send, serve } from '../scripts/drive/fixture-server';
import { between, pick, type Rand, seeded, sentence } from './big-page';

export const ADMIN_PAGES = 58;

const CSS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test/fixtures/consistency/startbootstrap/sb-admin-2/sb-admin-2.min.css',
);

const SECTIONS = ['Dashboard', 'Pedidos', 'Clientes', 'Productos', 'Informes', 'Facturas', 'Ajustes', 'Soporte'];
const STATUS = ['Pagado', 'Pendiente', 'Enviado', 'Devuelto', 'Cancelado'];
const CITIES = ['Madrid', 'Sevilla', 'Valencia', 'Bilbao', 'Zaragoza', 'Málaga', 'Vigo', 'Murcia'];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function sidebar(i: number, r: Rand): string {
  const groups = SECTIONS.map((name, g) => {
    const links = Array.from(
      { length: between(r, 3, 6) },
      (_, k) =>
        `<a class="collapse-item" href="/a/${(i + g * 7 + k + 2) % ADMIN_PAGES}.html">${esc(sentence(r, 1, 3))}</a>`,
    ).join('');
    return `<li class="nav-item"><a class="nav-link collapsed" href="#" data-toggle="collapse" data-target="#c${g}"><i class="fas fa-fw fa-cog"></i><span>${name}</span></a>
<div id="c${g}" class="collapse"><div class="bg-white py-2 collapse-inner rounded"><h6 class="collapse-header">${name}:</h6>${links}</div></div></li>`;
  }).join('\n<hr class="sidebar-divider">\n');
  return `<ul class="navbar-nav bg-gradient-primary sidebar sidebar-dark accordion" id="accordionSidebar">
<a class="sidebar-brand d-flex align-items-center justify-content-center" href="/a/0.html"><div class="sidebar-brand-text mx-3">Panel Ventura</div></a>
<hr class="sidebar-divider my-0">${groups}</ul>`;
}

function dropdown(r: Rand, title: string, n: number): string {
  const items = Array.from(
    { length: n },
    () =>
      `<a class="dropdown-item d-flex align-items-center" href="#"><div class="mr-3"><div class="icon-circle bg-primary"></div></div><div><div class="small text-gray-500">${between(r, 1, 28)} de diciembre</div><span class="font-weight-bold">${esc(sentence(r, 4, 10))}</span></div></a>`,
  ).join('');
  return `<li class="nav-item dropdown no-arrow mx-1"><a class="nav-link dropdown-toggle" href="#" role="button">${title} <span class="badge badge-danger badge-counter">${n}</span></a>
<div class="dropdown-list dropdown-menu dropdown-menu-right shadow"><h6 class="dropdown-header">${title}</h6>${items}</div></li>`;
}

function topbar(i: number, r: Rand): string {
  return `<nav class="navbar navbar-expand navbar-light bg-white topbar mb-4 static-top shadow">
<form class="d-none d-sm-inline-block form-inline mr-auto ml-md-3 my-2 my-md-0 mw-100 navbar-search"><div class="input-group"><input type="text" class="form-control bg-light border-0 small" placeholder="Buscar…" aria-label="Buscar"><div class="input-group-append"><button class="btn btn-primary" type="button">Buscar</button></div></div></form>
<ul class="navbar-nav ml-auto">${dropdown(r, 'Alertas', 5)}${dropdown(r, 'Mensajes', 4)}
<li class="nav-item"><a class="nav-link" id="next" href="/a/${(i + 1) % ADMIN_PAGES}.html">Siguiente</a></li>
<li class="nav-item dropdown no-arrow"><a class="nav-link dropdown-toggle" href="#"><span class="mr-2 d-none d-lg-inline text-gray-600 small">Ana Pérez</span></a></li></ul></nav>`;
}

function kpiCards(r: Rand): string {
  const colours = ['primary', 'success', 'info', 'warning'];
  return `<div class="row">${colours
    .map(
      (c) =>
        `<div class="col-xl-3 col-md-6 mb-4"><div class="card border-left-${c} shadow h-100 py-2"><div class="card-body"><div class="row no-gutters align-items-center"><div class="col mr-2"><div class="text-xs font-weight-bold text-${c} text-uppercase mb-1">${esc(sentence(r, 1, 3))}</div><div class="h5 mb-0 font-weight-bold text-gray-800">${between(r, 100, 99999).toLocaleString('es-ES')} €</div></div></div></div></div></div>`,
    )
    .join('')}</div>`;
}

function table(r: Rand): string {
  const rows = Array.from(
    { length: between(r, 40, 90) },
    (_, k) =>
      `<tr><td>${10_000 + k}</td><td>${esc(sentence(r, 2, 3))}</td><td>${pick(r, CITIES)}</td><td>${between(r, 1, 28)}/11/2026</td><td><span class="badge badge-info">${pick(r, STATUS)}</span></td><td class="text-right">${between(r, 5, 2999)},${between(r, 10, 99)} €</td><td><a href="#" class="btn btn-sm btn-outline-primary">Ver</a></td></tr>`,
  ).join('\n');
  return `<div class="card shadow mb-4"><div class="card-header py-3"><h6 class="m-0 font-weight-bold text-primary">${esc(sentence(r, 2, 4))}</h6></div>
<div class="card-body"><div class="table-responsive"><table class="table table-bordered" width="100%" cellspacing="0">
<thead><tr><th>Nº</th><th>Cliente</th><th>Ciudad</th><th>Fecha</th><th>Estado</th><th>Importe</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></div></div></div>`;
}

function form(r: Rand): string {
  const fields = Array.from(
    { length: between(r, 4, 8) },
    (_, k) =>
      `<div class="form-group"><label for="f${k}">${esc(sentence(r, 1, 3))}</label><input class="form-control form-control-user" id="f${k}" type="text"></div>`,
  ).join('');
  return `<div class="card shadow mb-4"><div class="card-body"><form class="user">${fields}<button type="submit" class="btn btn-primary btn-user btn-block">Guardar cambios</button></form></div></div>`;
}

const JSON_LD = JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Organization',
  name: 'Viajes Ventura',
  telephone: '+34 910 555 123',
  email: 'ayuda@viajes-ventura.example',
  address: {
    '@type': 'PostalAddress',
    streetAddress: 'Calle Mayor 12',
    postalCode: '28013',
    addressLocality: 'Madrid',
  },
});

function adminPage(i: number): string {
  const r = seeded(9000 + i);
  const notes = Array.from(
    { length: between(r, 2, 5) },
    () =>
      `<div class="col-lg-6 mb-4"><div class="card shadow mb-4"><div class="card-header py-3"><h6 class="m-0 font-weight-bold text-primary">${esc(sentence(r, 2, 5))}</h6></div><div class="card-body"><p>${esc(sentence(r, 20, 50))}</p><p>${esc(sentence(r, 10, 30))}</p></div></div></div>`,
  ).join('');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${esc(sentence(r, 1, 3))} | Panel Ventura</title>
<link rel="stylesheet" href="/css/sb-admin-2.min.css"><script type="application/ld+json">${JSON_LD}</script></head>
<body id="page-top"><div id="wrapper">${sidebar(i, r)}
<div id="content-wrapper" class="d-flex flex-column"><div id="content">${topbar(i, r)}
<div class="container-fluid"><div class="d-sm-flex align-items-center justify-content-between mb-4"><h1 class="h3 mb-0 text-gray-800">${esc(sentence(r, 2, 4))}</h1><a href="#" class="d-none d-sm-inline-block btn btn-sm btn-primary shadow-sm">Descargar informe</a></div>
${kpiCards(r)}${table(r)}<div class="row">${notes}</div>${r() < 0.4 ? form(r) : ''}</div></div>
<footer class="sticky-footer bg-white"><div class="container my-auto"><p>Llámenos al +34 910 555 123 o escriba a ayuda@viajes-ventura.example · Lunes a viernes de 9:00 a 20:00</p>
<a href="/a/0.html">Aviso legal</a> <a href="/a/1.html">Privacidad</a> <a href="/a/2.html">Cookies</a></div></footer></div></div></body></html>`;
}

export async function startAdminSite(): Promise<FixtureServer> {
  const css = readFileSync(CSS_FILE);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    if (url.pathname === '/css/sb-admin-2.min.css') return send(res, 200, 'text/css', css);
    const m = /^\/a\/(\d{1,4})\.html$/.exec(url.pathname);
    if (!m) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, 'text/html; charset=utf-8', adminPage(Number(m[1])));
  });
  return serve(server);
}
