import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { startFixtureServer } from '../../scripts/drive/fixture-server';
import { EXTENSIONS, launchChromium } from '../../scripts/drive/browser';
import { OverlayDriver } from '../../scripts/drive/overlay';
import { walkFixtureSite } from '../../scripts/drive/site';

type Messages = Record<string, { message: string }>;
const locale = (lang: string): Messages =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'));
const en = locale('en');
const es = locale('es');

/**
 * The English UI's phrases that Spanish says otherwise: each English message that differs, cut at
 * its placeholders and punctuation, keeping pieces of four letters or more that no Spanish message uses too
 * ("CES", "Touchpoint" and "Chat" are the same in both).
 */
const spanishText = Object.values(es)
  .map((m) => m.message)
  .join('\n');
const ENGLISH = [
  ...new Set(
    Object.entries(en)
      .filter(([key, m]) => es[key]?.message !== m.message)
      .flatMap(([, m]) => m.message.split(/\$[A-Z0-9_]+\$|[^\p{L}\s]+/u))
      .map((w) => w.replace(/\s+/g, ' ').trim())
      .filter((w) => w.replace(/\s/g, '').length >= 4 && !new RegExp(`\\b${w}\\b`).test(spanishText)),
  ),
];
/** How the English UI named what a step acted on, before targets were stored as data. */
const STEP_WORDS = /\b(button|field|link|checkbox|text box|password field|element|heading)\b/;

/** The fixture site's own words (page titles, touchpoint names made of them), English by design. */
const SITE_TITLES = readdirSync(path.join(import.meta.dirname, '../fixtures/site'))
  .filter((f) => f.endsWith('.html'))
  .flatMap(
    (f) =>
      /<title>([^<]*?) —/.exec(readFileSync(path.join(import.meta.dirname, '../fixtures/site', f), 'utf8'))?.[1] ?? [],
  )
  .map((t) => t.replace(/&amp;/g, '&'));

/** The UI's own words in `text`: without the site's names («…»), titles and addresses. */
function uiWords(text: string): string {
  let out = text.replace(/«[^»]*»/g, ' ').replace(/\b(?:https?:\/\/|\/)\S+/g, ' ');
  for (const title of SITE_TITLES) out = out.split(title).join(' ');
  return out.replace(/Ventura Viajes/g, ' ');
}

function englishIn(text: string): string[] {
  const ui = uiWords(text);
  const found = ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(ui));
  const step = STEP_WORDS.exec(ui);
  return step ? [...found, step[0]] : found;
}

// biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not hidden views' text.
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** The text of Touchpoint's layers in a walked page (closed shadow roots: through DevTools). */
async function layersText(cdp: CDPSession): Promise<string> {
  type Node = { nodeName: string; nodeValue: string; localName: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const out: string[] = [];
  const collect = (n: Node, inside: boolean): void => {
    if (inside && n.nodeName === '#text') out.push(n.nodeValue);
    if (n.localName === 'style') return;
    const ours = inside || n.localName.startsWith('touchpoint-');
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) collect(c, ours);
  };
  collect(root, false);
  return out.join(' ');
}

test('with --lang=es, no English shows in the panel, the overlay, the tag form or the replay page', async () => {
  test.setTimeout(120_000);
  expect(ENGLISH.length).toBeGreaterThan(100);
  const site = await startFixtureServer();
  const browser = await launchChromium(EXTENSIONS.e2e, { lang: 'es' });
  try {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect(panel.locator('html')).toHaveAttribute('lang', /^es/);
    const view = (name: string) => panel.getByRole('tab', { name, exact: true }).click();
    await view('Auditoría');
    await panel.getByRole('textbox', { name: 'Nombre de la auditoría' }).fill('Auditoría de Ventura');
    await panel.getByRole('textbox', { name: 'URL de inicio' }).fill(site.url('/index.html'));
    await panel.getByRole('button', { name: 'Crear auditoría' }).click();
    const details = panel.locator('details').filter({ has: panel.locator('summary', { hasText: 'Nueva persona' }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await panel.getByRole('textbox', { name: 'Nombre de la persona' }).fill('Lucía');
    await panel.getByRole('button', { name: 'Añadir persona' }).click();
    await view('Recorrido');
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'Empezar recorrido' }).click(),
    ]);
    await walkFixtureSite(browser.context, tab);

    // The overlay and the tag form, in the walked page.
    const overlay = await OverlayDriver.attach(tab);
    const cdp = await tab.context().newCDPSession(tab);
    await expect.poll(() => overlay.text()).toContain('Grabando');
    expect(await overlay.hasButton('Pausar la grabación')).toBe(true);
    await overlay.click('Etiquetar fricción');
    await expect.poll(() => overlay.hasButton('Cancelar')).toBe(true);
    const box = await tab.locator('h1').first().boundingBox();
    if (!box) throw new Error('no heading to tag');
    await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => overlay.hasButton('Guardar etiqueta')).toBe(true);
    // The form itself is an extension page framed in the tagger's layer: its text is read there.
    const frame = await overlay.formFrame();
    const form = `${await layersText(cdp)} ${await frame?.evaluate(() => document.body.textContent)}`;
    expect(form).toContain('Elemento: encabezado «');
    expect(englishIn(form)).toEqual([]);
    await overlay.select('Gravedad', '3');
    await overlay.type('Nota', 'El título no dice qué pasa ahora');
    await overlay.click('Guardar etiqueta');
    await expect.poll(() => overlay.hasButton('Guardar etiqueta')).toBe(false);
    expect(englishIn(await layersText(cdp))).toEqual([]);

    // The panel while the walk records: its live steps say what was done, in Spanish.
    await panel.bringToFront();
    const live = await visibleText(panel);
    expect(live).toMatch(/(botón|campo|enlace) «/);
    expect(live).toMatch(/Espacio ocupado: \d+(,\d)? (kB|MB)/);
    expect(englishIn(live)).toEqual([]);
    await panel.getByRole('button', { name: 'Terminar recorrido' }).click();
    await expect(panel.getByRole('button', { name: 'Empezar recorrido' })).toBeVisible({ timeout: 15_000 });

    // Every view of the panel, with the walk just recorded.
    const today = new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(Date.now());
    const seen: string[] = [];
    for (const name of ['Recorrido', 'Viaje del cliente', 'Otros canales', 'Coherencia', 'Informe', 'Auditoría']) {
      await view(name);
      // The report is built when its view opens: read it once its summary shows.
      if (name === 'Informe') await expect(panel.getByRole('heading', { name: 'Resumen' })).toBeVisible();
      seen.push(await visibleText(panel));
    }
    expect(seen.join('\n')).toContain('Principales fricciones');
    const panelText = seen.join('\n');
    expect(englishIn(panelText)).toEqual([]);
    expect(panelText).toContain(today);
    expect(panelText).toMatch(/\d+(,\d)? (kB|MB)/);
    expect(panelText).not.toMatch(/\d\.\d (kB|MB)/);
    expect(panelText).toMatch(/\d+ (paso|pasos|clic|clics)\b/);

    // The replay page: the list of walks, then the walk with its steps and tag.
    await view('Auditoría');
    const href = await panel.locator('a[href^="replay.html#walk="]').first().getAttribute('href');
    const replay = await browser.context.newPage();
    await replay.goto(`chrome-extension://${browser.extensionId}/replay.html`);
    await expect(replay.locator('html')).toHaveAttribute('lang', /^es/);
    await expect(replay.getByText('Lucía').first()).toBeVisible();
    const list = await visibleText(replay);
    expect(englishIn(list)).toEqual([]);
    expect(list).toContain(today);
    expect(list).not.toMatch(/\d\.\d (kB|MB)/);
    await replay.goto(`chrome-extension://${browser.extensionId}/${href}`);
    await expect(replay.getByRole('heading', { name: 'Pasos' })).toBeVisible();
    const walk = await visibleText(replay);
    expect(walk).toMatch(/(botón|campo|enlace) «/);
    // rrweb-player's own words are renamed in the UI's language (components/replay/player-a11y.ts).
    expect(walk).not.toMatch(/skip inactive/i);
    expect(englishIn(walk)).toEqual([]);
  } finally {
    await browser.close();
    await site.close();
  }
});
