import { expect, test, waitForRecorder } from './support/fixtures';

const SHOTS = process.env.PANEL_SHOTS; // a folder for screenshots, when a person wants to look

test('the panel creates an audit and a persona, drives a walk, lists it, and exports it', async ({ panel, site }) => {
  const p = panel.page;
  await p.setViewportSize({ width: 360, height: 900 });

  // Bad input is explained next to its field; nothing is created.
  await p.getByRole('textbox', { name: 'Start URL' }).fill('ftp://example.test/');
  await p.getByRole('textbox', { name: 'Blocked selectors' }).fill('#ok\ndiv[[');
  await p.getByRole('button', { name: 'Create audit' }).click();
  await expect(p.getByText('Give the audit a name.')).toBeVisible();
  await expect(p.getByText('Enter a start URL that begins with http:// or https://.')).toBeVisible();
  await expect(p.getByText('Line 2: “div[[” is not a valid CSS selector.')).toBeVisible();
  await panel.view('Walk');
  await expect(p.getByRole('button', { name: 'Start walk' })).toBeDisabled();

  await panel.createAudit({
    name: 'Panel check',
    company: 'Ventura Viajes',
    startUrl: site.url('/index.html'),
    blockSelectors: ['#card-number'],
  });
  await panel.view('Walk');
  await expect(p.getByText('Add a persona to this audit to start a walk.')).toBeVisible();
  await panel.addPersona({ name: 'Ana', segment: 'Young family', goal: 'Get a quote' });
  await expect(p.getByRole('list', { name: 'Personas' })).toContainText('Get a quote');
  // The side panel offers to record the current tab; the page opened as a tab does not.
  await expect(p.getByRole('checkbox', { name: 'Record the current tab' })).toHaveCount(0);

  const tab = await panel.startWalk({ persona: 'Ana', auditor: 'QA' });
  await waitForRecorder(tab);
  await tab.locator('nav a[href="destinations.html"]').first().click();
  await waitForRecorder(tab);
  await tab.mouse.wheel(0, 300);

  await p.bringToFront();
  const steps = p.getByRole('list', { name: 'Steps' });
  await expect(steps).toContainText('Visit', { timeout: 15_000 });
  await expect(steps).toContainText('Destinations', { timeout: 15_000 });
  await expect(p.getByText('Walking as Ana')).toBeVisible();
  await expect(p.getByText(/^Stored: [\d.]+ (B|kB|MB)$/)).toBeVisible();
  await expect(p.getByText(/^Events: [1-9]/)).toBeVisible();
  await expect(p.getByText('Tabs: 1')).toBeVisible();
  if (SHOTS) {
    await p.screenshot({ path: `${SHOTS}/panel-walk.png`, fullPage: true });
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.screenshot({ path: `${SHOTS}/panel-walk-dark.png`, fullPage: true });
    await p.emulateMedia({ colorScheme: 'light' });
  }

  await p.getByRole('button', { name: 'Pause recording' }).click();
  await expect(p.getByRole('button', { name: 'Resume recording' })).toBeVisible();
  await expect(p.getByText('Paused', { exact: true })).toBeVisible();
  await p.getByRole('button', { name: 'Resume recording' }).click();
  await expect(p.getByRole('button', { name: 'Pause recording' })).toBeVisible();

  await panel.endWalk();
  await panel.view('Audit');
  const walks = p.getByRole('list', { name: 'Walks' });
  await expect(walks).toContainText('Ana');
  await expect(walks).toContainText('Ended by the auditor');
  const replay = walks.getByRole('link', { name: 'Replay' });
  await expect(replay).toHaveAttribute('href', /^replay\.html#walk=[\w-]+$/);
  await expect(replay).toHaveAttribute('target', '_blank');
  if (SHOTS) await p.screenshot({ path: `${SHOTS}/panel-ended.png`, fullPage: true });

  const { text, fileName } = await panel.exportAudit();
  expect(fileName).toMatch(/^touchpoint-panel-check-\d{4}-\d{2}-\d{2}\.json$/);
  const exp = JSON.parse(text);
  expect(exp.audit.privacy.blockSelectors).toEqual(['#card-number']);
  expect(exp.walks).toHaveLength(1);
  expect(exp.walks[0].auditorName).toBe('QA');
  await expect(p.getByRole('status')).toContainText(fileName);
});
