import { type BrowserContext, type Download, expect, type Page } from '@playwright/test';
import { exportedTextInPage } from './db';

export interface AuditFields {
  name: string;
  company?: string;
  startUrl: string;
  maskAllText?: boolean;
  blockSelectors?: string[];
  /** URL parameters whose values recordings keep. */
  keepParams?: string[];
}
export interface PersonaFields {
  name: string;
  segment?: string;
  jobToBeDone?: string;
  goal?: string;
}

/** The panel's views, by their tabs' names. */
export type PanelView = 'Walk' | 'Journey' | 'Other channels' | 'Consistency' | 'Report' | 'Audit';

/**
 * The panel (side panel page opened as a tab), driven by accessible names only. Each action goes
 * to the view that holds its controls first, as an auditor would.
 */
export class PanelPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PanelPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(page.getByRole('tablist')).toBeVisible();
    return new PanelPage(page, extensionId);
  }

  /** Shows a view by clicking its tab (nothing when it is shown already). */
  async view(name: PanelView): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens a folded section (a `details` by its summary's text) unless it is open. */
  async unfold(summary: string): Promise<void> {
    const details = this.page.locator('details').filter({ has: this.page.locator('summary', { hasText: summary }) });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  }

  async createAudit(a: AuditFields): Promise<void> {
    const p = this.page;
    await this.view('Audit');
    await this.unfold('New audit');
    await p.getByRole('textbox', { name: 'Audit name' }).fill(a.name);
    if (a.company) await p.getByRole('textbox', { name: 'Company' }).fill(a.company);
    await p.getByRole('textbox', { name: 'Start URL' }).fill(a.startUrl);
    if (a.maskAllText) await p.getByRole('checkbox', { name: 'Mask all page text' }).check();
    if (a.blockSelectors) await p.getByRole('textbox', { name: 'Blocked selectors' }).fill(a.blockSelectors.join('\n'));
    if (a.keepParams) await p.getByRole('textbox', { name: 'URL parameters kept' }).fill(a.keepParams.join(', '));
    await p.getByRole('button', { name: 'Create audit' }).click();
    await expect(p.getByRole('combobox', { name: 'Audit' })).toContainText(a.name);
  }

  async addPersona(persona: PersonaFields): Promise<void> {
    const p = this.page;
    await this.view('Audit');
    await this.unfold('New persona');
    await p.getByRole('textbox', { name: 'Persona name' }).fill(persona.name);
    if (persona.segment) await p.getByRole('textbox', { name: 'Segment' }).fill(persona.segment);
    if (persona.jobToBeDone) await p.getByRole('textbox', { name: 'Job to be done' }).fill(persona.jobToBeDone);
    if (persona.goal) await p.getByRole('textbox', { name: 'Goal' }).fill(persona.goal);
    await p.getByRole('button', { name: 'Add persona' }).click();
    await expect(p.getByRole('list', { name: 'Personas' })).toContainText(persona.name);
  }

  /** Starts a walk; returns the tab the walk opened at the audit's start URL, once loaded. */
  async startWalk(opts: { persona: string; auditor?: string }): Promise<Page> {
    const p = this.page;
    await this.view('Walk');
    if (opts.auditor) await p.getByRole('textbox', { name: 'Auditor name' }).fill(opts.auditor);
    await p.getByRole('combobox', { name: 'Walk as persona' }).selectOption({ label: opts.persona });
    const [tab] = await Promise.all([
      p.context().waitForEvent('page'),
      p.getByRole('button', { name: 'Start walk' }).click(),
    ]);
    await tab.waitForLoadState('load');
    await expect(p.getByRole('button', { name: 'End walk' })).toBeVisible();
    return tab;
  }

  async endWalk(): Promise<void> {
    await this.page.bringToFront();
    await this.page.getByRole('button', { name: 'End walk' }).click();
    await this.view('Walk');
    await expect(this.page.getByRole('button', { name: 'Start walk' })).toBeVisible({ timeout: 15_000 });
  }

  /** Clicks Export audit and returns the downloaded file's text. */
  async exportAudit(): Promise<{ text: string; fileName: string }> {
    await this.page.bringToFront();
    await this.view('Audit');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export audit' }).click(),
    ]);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { text: await readFile(file, 'utf8'), fileName: download.suggestedFilename() };
  }

  /** Imports a JSON export through the Audit view's button and the browser's file picker. */
  async importAudit(file: string): Promise<void> {
    await this.page.bringToFront();
    await this.view('Audit');
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: 'Import an audit (JSON)' }).click(),
    ]);
    await chooser.setFiles(file);
  }

  /**
   * Exports from the Report view: `html` waits for the file's size to show, then saves it; `csv`
   * writes two files. Returns each download's suggested name and where Playwright keeps it.
   */
  async exportReport(format: 'html' | 'json' | 'csv' | 'markdown'): Promise<{ fileName: string; path: string }[]> {
    const p = this.page;
    await p.bringToFront();
    await this.view('Report');
    const view = p.getByRole('tabpanel', { name: 'Report' });
    const button = {
      html: 'HTML report',
      json: 'JSON (everything)',
      csv: 'CSV (tags and touchpoints)',
      markdown: 'Markdown',
    };
    const wanted = format === 'csv' ? 2 : 1;
    const downloads: Download[] = [];
    const heard = new Promise<void>((resolve) => {
      const on = (d: Download) => {
        downloads.push(d);
        if (downloads.length === wanted) {
          p.off('download', on);
          resolve();
        }
      };
      p.on('download', on);
    });
    await view.getByRole('button', { name: button[format] }).click();
    if (format === 'html') {
      await expect(view.getByText(/^HTML report ready: [\d.,]+\s?(B|kB|MB)\.$/)).toBeVisible({ timeout: 30_000 });
      await view.getByRole('button', { name: 'Save the report' }).click();
    }
    await heard;
    return Promise.all(downloads.map(async (d) => ({ fileName: d.suggestedFilename(), path: await d.path() })));
  }

  /**
   * Exports the audit and returns everything in the file as text: the JSON, then every chunk's
   * events decompressed (what a search for a secret must look through).
   */
  async exportedText(): Promise<string> {
    const { text } = await this.exportAudit();
    return this.page.evaluate(exportedTextInPage, text);
  }
}
