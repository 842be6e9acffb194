import { readStoredData } from './support/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { fillQuoteForm } from './support/site';

// Distinct, unusual strings: any occurrence in storage or the export is a leak.
const SECRET_TEXT = 'Zebulon Quixfeather';
const SECRET_PASSWORD = 'hunter2-Plover-77xq!Vw'; // 22 characters: its length must not be kept either

test('typed text and passwords never reach IndexedDB or the export', async ({ panel, site }) => {
  await panel.createAudit({ name: 'Privacy', startUrl: site.url('/quote.html') });
  await panel.addPersona({ name: 'Bea' });
  const tab = await panel.startWalk({ persona: 'Bea' });
  await waitForRecorder(tab);
  await fillQuoteForm(tab, { name: SECRET_TEXT, password: SECRET_PASSWORD });
  await tab.waitForURL(/quote-sent\.html/);
  await waitForRecorder(tab);
  await panel.endWalk();

  const stored = await readStoredData(panel.page);
  expect(stored.chunks.length).toBeGreaterThan(0);
  // The input events exist (the typing was recorded) but carry masks, not values.
  expect(stored.allText).toContain('*'.repeat(SECRET_TEXT.length));
  for (const secret of [SECRET_TEXT, SECRET_PASSWORD, 'Zebulon', 'Plover']) {
    expect(stored.allText).not.toContain(secret);
  }
  expect(stored.allText).not.toContain('*'.repeat(SECRET_PASSWORD.length));

  const { text } = await panel.exportAudit();
  const decoded = await panel.page.evaluate(async (json) => {
    const exp = JSON.parse(json);
    const out: string[] = [json];
    for (const w of exp.walks) {
      for (const c of w.chunks) {
        const bytes = Uint8Array.from(atob(c.data), (ch) => ch.charCodeAt(0));
        out.push(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
      }
    }
    return out.join('\n');
  }, text);
  for (const secret of [SECRET_TEXT, SECRET_PASSWORD]) expect(decoded).not.toContain(secret);
});
