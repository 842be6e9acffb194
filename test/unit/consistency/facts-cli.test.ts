import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { FactsOutput } from '@/lib/model/facts-output';
import { extractPages } from '@/scripts/facts/extract';

// `npm run facts` (scripts/facts/): the extension's extractors in headless Chromium, on saved
// pages and URLs, printed as one JSON document whose schema is docs/facts.schema.json.

const SAVED = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Contacto | Ventura</title></head>
<body><footer id="pie"><p>Llámanos al <a href="tel:+34912345678">91 234 56 78</a></p>
<p>Pedido 100234567 del 31/12/2025</p></footer></body></html>`;
const SERVED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help</title></head>
<body><main><p>Write to <a href="mailto:Help@Ventura.example">help@ventura.example</a></p></main></body></html>`;

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'facts-cli-'));
  await writeFile(path.join(dir, 'contacto.html'), SAVED);
  server = createServer((req, res) => {
    // A strict CSP, as many sites send: the injected extractors must run all the same.
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" };
    if (req.url === '/help') res.writeHead(200, headers).end(SERVED);
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('extractPages (scripts/facts/extract.ts)', () => {
  it('reads a saved page and a URL (with a strict CSP) in Chromium, each fact with the selector of its element', async () => {
    const [saved, served, missing] = await extractPages(
      [path.join(dir, 'contacto.html'), `${base}/help`, `${base}/gone`],
      { country: 'ES' },
    );
    expect(saved?.error).toBeNull();
    expect(saved?.url).toMatch(/^file:\/\/.*contacto\.html$/);
    expect(saved?.title).toBe('Contacto | Ventura');
    const phones = saved?.facts.filter((f) => f.kind === 'phone') ?? [];
    expect(phones.map((f) => f.value)).toContain('+34912345678');
    expect(phones.find((f) => f.source === 'link')?.selector).toBe('#pie > p:nth-of-type(1) > a');
    // The order number and the date beside it are not phones.
    expect(phones.every((f) => f.value === '+34912345678')).toBe(true);

    expect(served?.error).toBeNull();
    expect(served?.facts.find((f) => f.kind === 'email')?.value).toBe('help@ventura.example');
    expect(missing?.facts).toEqual([]);
    expect(missing?.error).toMatch(/HTTP 404/);
  }, 30_000);
});

describe('npm run facts', () => {
  it('prints every input as JSON, and exits 1 naming the input it could not read', async () => {
    const good = path.join(dir, 'contacto.html');
    const bad = path.join(dir, 'no-such-page.html');
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        'npx',
        ['tsx', 'scripts/facts/cli.ts', good, bad, '--country', 'es'],
        (err, stdout, stderr) => resolve({ code: err ? (child.exitCode ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No such file: ${bad}`);
    const out = FactsOutput.parse(JSON.parse(run.stdout));
    expect(out.country).toBe('ES');
    expect(out.pages.map((p) => p.input)).toEqual([good, bad]);
    expect(out.pages[0]?.facts.some((f) => f.kind === 'phone' && f.value === '+34912345678')).toBe(true);
    expect(out.pages[1]?.error).toBe(`No such file: ${bad}`);
  }, 30_000);

  it('has its output schema in docs/facts.schema.json: run `npm run schema` after changing it', () => {
    const committed = readFileSync(new URL('../../../docs/facts.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(committed)).toEqual(z.toJSONSchema(FactsOutput));
  });
});
