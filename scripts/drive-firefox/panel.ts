import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { exportedTextInPage, type StoredWalkData, storedDataInPage } from '@/scripts/drive/db';
import type { AuditFields, PanelView, PersonaFields } from '@/scripts/drive/panel';
import { type LaunchedFirefox, openExtensionPage } from '@/scripts/drive-firefox/firefox';
import { byRole, choose, clickRole, until } from '@/scripts/drive-firefox/find';

/**
 * The panel in Firefox, driven by accessible names as scripts/drive/panel.ts drives it in
 * Chromium. Firefox shows it in the sidebar; here it is the same page (sidepanel.html) opened in a
 * tab, as the Chromium tests do: the sidebar is browser chrome, out of WebDriver BiDi's reach.
 */
export class FirefoxPanel {
  private constructor(
    readonly ff: LaunchedFirefox,
    readonly page: Page,
  ) {}

  static async open(ff: LaunchedFirefox): Promise<FirefoxPanel> {
    return new FirefoxPanel(ff, await openExtensionPage(ff, 'sidepanel.html', '[role="tablist"]'));
  }

  async view(name: PanelView): Promise<void> {
    const tab = await byRole(this.page, 'tab', name);
    if ((await tab.evaluate((t) => t.getAttribute('aria-selected'))) !== 'true') await tab.click();
    await this.page.waitForFunction((t) => t.getAttribute('aria-selected') === 'true', {}, tab);
  }

  /** Opens a folded section (a `details` by its summary's text) unless it is open. */
  async unfold(summary: string): Promise<void> {
    const open = await this.page.$$eval(
      'details',
      (all, s) => all.find((d) => d.querySelector('summary')?.textContent?.includes(s))?.open,
      summary,
    );
    if (!open) await this.page.locator(`details > summary::-p-text(${summary})`).click();
  }

  /** Fills a field as Playwright's `fill` does (value set, then input and change), not key by key. */
  async fill(role: string, name: string, value: string): Promise<void> {
    const field = await byRole(this.page, role, name);
    await field.evaluate((el, v) => {
      const f = el as HTMLInputElement;
      f.focus();
      f.value = v;
      f.dispatchEvent(new Event('input', { bubbles: true }));
      f.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  /** Waits until the element named so holds the text. */
  async contains(role: string, name: string, needle: string): Promise<void> {
    const el = await byRole(this.page, role, name);
    await this.page.waitForFunction((e, n) => (e.textContent ?? '').includes(n), {}, el, needle);
  }

  async createAudit(a: AuditFields): Promise<void> {
    await this.view('Audit');
    await this.unfold('New audit');
    await this.fill('textbox', 'Audit name', a.name);
    if (a.company) await this.fill('textbox', 'Company', a.company);
    await this.fill('textbox', 'Start URL', a.startUrl);
    await clickRole(this.page, 'button', 'Create audit');
    await this.contains('combobox', 'Audit', a.name);
  }

  async addPersona(p: PersonaFields): Promise<void> {
    await this.view('Audit');
    await this.unfold('New persona');
    await this.fill('textbox', 'Persona name', p.name);
    if (p.segment) await this.fill('textbox', 'Segment', p.segment);
    if (p.jobToBeDone) await this.fill('textbox', 'Job to be done', p.jobToBeDone);
    if (p.goal) await this.fill('textbox', 'Goal', p.goal);
    await clickRole(this.page, 'button', 'Add persona');
    await this.contains('list', 'Personas', p.name);
  }

  /** Starts a walk; returns the tab it opened at `startUrl`, once the recorder runs there. */
  async startWalk(opts: { persona: string; auditor?: string; startUrl: string }): Promise<Page> {
    await this.view('Walk');
    if (opts.auditor) await this.fill('textbox', 'Auditor name', opts.auditor);
    await choose(await byRole(this.page, 'combobox', 'Walk as persona'), opts.persona);
    const opened = this.ff.browser.waitForTarget((t) => t.type() === 'page' && t.url() === opts.startUrl);
    await clickRole(this.page, 'button', 'Start walk');
    const tab = await (await opened).page();
    if (!tab) throw new Error('The walk tab has no page');
    await byRole(this.page, 'button', 'End walk');
    await tab.waitForSelector('touchpoint-overlay', { timeout: 15_000 });
    return tab;
  }

  async endWalk(): Promise<void> {
    await this.page.bringToFront();
    await clickRole(this.page, 'button', 'End walk');
    await this.view('Walk');
    await byRole(this.page, 'button', 'Start walk');
  }

  /** Clicks Export audit; returns the file Firefox saved (its downloads folder is set at launch). */
  async exportAudit(): Promise<{ text: string; fileName: string }> {
    await this.page.bringToFront();
    await this.view('Audit');
    const before = new Set(await readdir(this.ff.downloads).catch(() => [] as string[]));
    await clickRole(this.page, 'button', 'Export audit');
    let fileName = '';
    await until('the export to be saved', async () => {
      const now = await readdir(this.ff.downloads).catch(() => [] as string[]);
      // Firefox writes into a `.part` file beside the final name until the download completes.
      fileName = now.find((f) => !before.has(f) && f.endsWith('.json') && !now.includes(`${f}.part`)) ?? '';
      return fileName !== '';
    });
    return { text: await readFile(path.join(this.ff.downloads, fileName), 'utf8'), fileName };
  }

  /** The export's text with every chunk's events decompressed (what a search for a secret must read). */
  async exportedText(json: string): Promise<string> {
    return this.page.evaluate(exportedTextInPage, json);
  }

  /** What Touchpoint stored, read raw from IndexedDB (scripts/drive/db.ts). */
  async stored(): Promise<StoredWalkData> {
    // Sent as source and returned as JSON: BiDi's serialisation does not carry typed arrays back.
    // `__name`: what tsx's esbuild (keepNames) calls inside functions, undefined in the page.
    const json = await this.page.evaluate(
      `((__name) => (${storedDataInPage.toString()})())((f) => f).then((d) => JSON.stringify(d, (k, v) => v instanceof Uint8Array ? { byteLength: v.byteLength } : v))`,
    );
    return JSON.parse(json as string) as StoredWalkData;
  }
}
