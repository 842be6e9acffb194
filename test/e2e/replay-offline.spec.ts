import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStoredData } from '../../scripts/drive/db';
import { expect, test, waitForRecorder } from './support/fixtures';

/** The partner's server (a CDN of the audited site): serves a logo and a stylesheet, and logs every request. */
async function partnerServer() {
  const seen: string[] = [];
  const waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    for (const w of waiting.splice(0)) w();
    const css = req.url?.startsWith('/partner.css');
    res.writeHead(200, { 'content-type': css ? 'text/css' : 'image/svg+xml', 'cache-control': 'no-store' });
    res.end(
      css
        ? 'h1 { letter-spacing: 1px; }'
        : '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="teal"/></svg>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    /** Resolves at the next request. */
    next: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('replaying a walk fetches nothing from the network: the site never sees who replays', async ({
  ext,
  panel,
  site,
}) => {
  const partner = await partnerServer();
  try {
    const startUrl = `${site.url('/partner-assets.html')}?partner=${encodeURIComponent(partner.origin)}`;
    await panel.createAudit({ name: 'Ventura partners', startUrl });
    await panel.addPersona({ name: 'Ana' });
    const tab = await panel.startWalk({ persona: 'Ana' });
    await waitForRecorder(tab);
    // The live page loaded both from the partner, as any visitor's browser would.
    await expect(tab.locator('img[alt="Partner logo"]')).toHaveJSProperty('complete', true);
    expect(partner.seen).toEqual(expect.arrayContaining(['/logo.svg', '/partner.css']));
    await panel.endWalk();
    const walkId = (((await readStoredData(panel.page)).walks[0] ?? {}) as { id?: string }).id;

    const seenBefore = partner.seen.length;
    const replay = await ext.context.newPage();
    const refused: string[] = [];
    const blocked = new Promise<void>((resolve) => {
      replay.on('console', (m) => {
        if (/Content Security Policy/.test(m.text()) && m.text().includes(partner.origin)) {
          refused.push(m.text());
          if (refused.length >= 2) resolve();
        }
      });
    });
    // Either the policy refuses both (the console says so) or the partner hears the replay.
    const settled = Promise.race([blocked, partner.next()]);
    await replay.goto(`chrome-extension://${ext.extensionId}/replay.html#walk=${walkId}`);
    const frame = replay.frameLocator('.rp-player iframe');
    await expect(frame.locator('h1')).toHaveText('Our partners');
    await expect(frame.locator('img[alt="Partner logo"]')).toHaveCount(1);
    await settled;
    expect(partner.seen.slice(seenBefore)).toEqual([]);
    expect(refused.join('\n')).toMatch(/the image .*logo\.svg/);
    expect(refused.join('\n')).toMatch(/the stylesheet .*partner\.css/);
  } finally {
    await partner.close();
  }
});
