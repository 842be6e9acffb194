/**
 * Two or more builds of Touchpoint on the fixture walk (row B) in one browser, beside bare rrweb as
 * an extension injects it: `npx tsx bench/walk-pair.ts BUILD_A BUILD_B…` (BENCH_REPS, default 9).
 * walk-only.ts runs each build in a browser of its own, minutes apart, and the machine drifts by
 * more than a change is worth; here the two builds' walks alternate with the floor's, so their
 * ratios are paired. Builds after A load from copies given a manifest key (a known id).
 * Prints medians and paired ratios of task and CPU time, and each page's median.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/drive/browser';
import { startFixtureServer } from '../scripts/drive/fixture-server';
import { PerfMeter } from './cdp';
import { loadRrweb } from './rrweb';
import { adoptTab, idOfKey, writeRrwebExtension } from './rrweb-extension';
import { type BenchConfig, profileConfig, runWalk, startBenchWalk, type WalkRun } from './scenarios';
import { median, pairedRatio, rotated } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.BENCH_REPS ?? 9);
const builds = process.argv.slice(2).map((p) => path.resolve(p));
if (builds.length < 2) throw new Error('usage: tsx bench/walk-pair.ts BUILD_A BUILD_B [BUILD_C…]');

const profileDir = await mkdtemp(path.join(tmpdir(), 'tp-pair-'));
/** Every build after the first runs from a copy given a manifest key: its id is then known before launch. */
async function keyedCopy(build: string, i: number): Promise<{ dir: string; id: string }> {
  const dir = path.join(profileDir, `build-${i}`);
  await cp(build, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  // All builds declare the same shortcuts; one set is enough.
  delete manifest.commands;
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id: idOfKey(der) };
}
const copies = await Promise.all(builds.slice(1).map((b, i) => keyedCopy(b, i + 1)));

const site = await startFixtureServer();
const rrweb = await loadRrweb(ROOT);
const floorDir = path.join(profileDir, 'rrweb-extension');
const floorId = await writeRrwebExtension(floorDir, rrweb);
const browser = await launchChromium(builds[0] ?? '', {
  profile: profileDir,
  alsoLoad: [{ dir: floorDir, id: floorId }, ...copies],
});
try {
  const c: BenchConfig = { ...profileConfig(site, rrweb), workloadMs: 0, profileDir };
  const ids = [browser.extensionId, ...copies.map((x) => x.id)];
  const names = ['floor', ...ids.map((_, i) => String.fromCharCode(65 + i))];
  const meters: PerfMeter[] = [];
  const floorTab = await browser.context.newPage();
  await adoptTab(floorTab, floorId, site.url('/about.html'));
  meters.push(await PerfMeter.attach(floorTab));
  for (const [i, id] of ids.entries()) {
    const { walkTab } = await startBenchWalk(
      { ...browser, extensionId: id },
      names[i + 1] ?? '',
      site.url('/index.html'),
    );
    meters.push(await PerfMeter.attach(walkTab));
  }
  const order = names.map((_, i) => i);
  const walk = (i: number) => runWalk(i === 0 ? 'extension' : 'touchpoint', meters[i] as PerfMeter, c, true);
  for (const i of order) await walk(i);
  const runs: WalkRun[][] = names.map(() => []);
  for (let r = 0; r < REPS; r++) for (const i of rotated(order, r)) runs[i]?.push(await walk(i));
  for (const k of ['taskMs', 'cpuMs'] as const) {
    const of = (i: number) => (runs[i] ?? []).map((x) => x[k]);
    const parts = names.map((n, i) => `${n} ${median(of(i)).toFixed(0)}`);
    const ratios = names
      .slice(1)
      .map(
        (n, j) =>
          `${n}/floor ${pairedRatio(of(j + 1), of(0)).toFixed(3)}${j > 0 ? ` ${n}/A ${pairedRatio(of(j + 1), of(1)).toFixed(3)}` : ''}`,
      );
    console.log(`${k}: ${parts.join(' ')}  paired ${ratios.join(', ')}`);
  }
  for (const [i, n] of names.entries()) {
    const rs = runs[i] ?? [];
    const pages = (rs[0]?.pages ?? [])
      .map((p, j) => `${p.page.slice(0, 12)}:${median(rs.map((x) => x.pages[j]?.taskMs ?? 0)).toFixed(0)}`)
      .join(' ');
    console.log(`  ${n.padEnd(6)} ${pages}`);
  }
} finally {
  await browser.close();
  await site.close();
}
