import { expect, test } from '@playwright/test';
import { startFixtureServer } from '../fixtures/server';
import { EXTENSIONS, launchChromium } from './support/browser';
import { OverlayDriver } from './support/overlay';
import { waitForRecorder } from './support/site';

test('the UI follows the browser language: Spanish panel, overlay and replay page', async () => {
  const site = await startFixtureServer();
  const browser = await launchChromium(EXTENSIONS.e2e, { lang: 'es' });
  try {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.getByRole('textbox', { name: 'Nombre de la auditoría' }).fill('Auditoría');
    await panel.getByRole('textbox', { name: 'URL de inicio' }).fill(site.url('/index.html'));
    await panel.getByRole('button', { name: 'Crear auditoría' }).click();
    await panel.getByRole('textbox', { name: 'Nombre de la persona' }).fill('Lucía');
    await panel.getByRole('button', { name: 'Añadir persona' }).click();
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'Empezar recorrido' }).click(),
    ]);
    await waitForRecorder(tab);
    const overlay = await OverlayDriver.attach(tab);
    await expect.poll(() => overlay.text()).toContain('Grabando');
    expect(await overlay.hasButton('Pausar la grabación')).toBe(true);
    await overlay.click('Terminar recorrido');
    await expect(panel.getByRole('button', { name: 'Empezar recorrido' })).toBeVisible({ timeout: 15_000 });

    await panel.goto(`chrome-extension://${browser.extensionId}/replay.html`);
    await expect(panel.getByText('Auditoría', { exact: false }).first()).toBeVisible();
    await expect(panel.locator('html')).not.toContainText('End walk');
  } finally {
    await browser.close();
    await site.close();
  }
});
