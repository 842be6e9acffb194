/**
 * `npm start`: Chromium with Touchpoint loaded (the loopback build) and the fixture site served,
 * for walking by hand. Needs a display. Quit the browser to stop.
 */
import { startFixtureServer } from './drive/fixture-server';
import { EXTENSIONS, launchChromium } from './drive/browser';

async function main(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('npm start opens a visible browser and needs a display; use `npm run demo` for the headless walk.');
    process.exit(1);
  }
  const site = await startFixtureServer({ port: 4173 });
  const browser = await launchChromium(EXTENSIONS.loopback, { headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  console.log(`Touchpoint is loaded. Fixture site: ${site.url('/index.html')}`);
  console.log('Create an audit with that start URL in the Touchpoint tab, add a persona and start a walk.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await site.close();
}

void main();
