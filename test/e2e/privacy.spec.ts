import { clickToolbarButton } from '../../scripts/drive/browser';
import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';
import { fillQuoteForm } from '../../scripts/drive/site';
import { tagElement } from '../../scripts/drive/tagging';

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

  const decoded = await panel.exportedText();
  for (const secret of [SECRET_TEXT, SECRET_PASSWORD]) expect(decoded).not.toContain(secret);
});

test('a tag screenshot covers what was typed on the page', async ({ ext, panel, site }) => {
  await panel.createAudit({ name: 'Screenshot privacy', startUrl: site.url('/quote.html') });
  await panel.addPersona({ name: 'Cy' });
  const tab = await panel.startWalk({ persona: 'Cy' });
  await waitForRecorder(tab);
  await clickToolbarButton(ext, tab);
  await tab.locator('select').first().selectOption({ index: 1 });
  await tab.locator('input[type="date"]').first().fill('2027-07-01');
  await tab.getByRole('button', { name: /next/i }).first().click();
  // The field and its text in pure red: any red left in the picture is the field showing through.
  await tab.addStyleTag({ content: '#full-name { background: #f00 !important; color: #f00 !important; }' });
  await tab.locator('#full-name').fill('Zebulon Quixfeather');
  await tagElement(tab, '#full-name', { note: 'Name asked twice', severity: '2' });
  await panel.endWalk();

  // Count the red pixels of the stored picture.
  const red = await panel.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('touchpoint');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const shots = await new Promise<{ blob: Blob }[]>((resolve) => {
      const r = db.transaction('screenshots').objectStore('screenshots').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    const shot = shots[0];
    if (!shot) return null;
    const bitmap = await createImageBitmap(shot.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    g.drawImage(bitmap, 0, 0);
    const px = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4)
      if ((px[i] ?? 0) > 200 && (px[i + 1] ?? 0) < 60 && (px[i + 2] ?? 0) < 60) n++;
    return { n, area: bitmap.width * bitmap.height };
  });
  expect(red).not.toBeNull();
  // The field is thousands of pixels; covered, at most a hairline of its edge is left.
  expect(red?.n).toBeLessThan(200);
});
