// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { recordOptions } from '@/lib/record/options';
import { CANVAS_STRIPPED, stripCanvas } from '../../../scripts/rrweb-canvas-strip';
import { fixUntaintedCheck } from '../../../scripts/rrweb-untainted-fix';

const ES = 'node_modules/@rrweb/record/dist/record.js';
const UMD = 'node_modules/@rrweb/record/dist/record.umd.cjs';
const read = (file: string) => readFileSync(file, 'utf8');

type Record = (o: Record_) => (() => void) | undefined;
type Record_ = { emit: (e: { type: number; data: unknown }) => void; recordCanvas?: boolean };

/** rrweb's UMD build, as bundled (both build steps), run in this test's DOM. */
function loadRecord(code: string): Record {
  // happy-dom names DOMTokenList on its window without defining it; rrweb's load-time polyfill reads it.
  const win = window as unknown as { DOMTokenList?: unknown };
  if (win.DOMTokenList === undefined) win.DOMTokenList = class {};
  const holder: { rrwebRecord?: { record: Record } } = {};
  new Function(code).call(holder);
  if (!holder.rrwebRecord) throw new Error('the UMD build defined no rrwebRecord');
  return holder.rrwebRecord.record;
}

describe('the rrweb canvas strip', () => {
  it.each([ES, UMD])('removes the canvas recording, its worker and its load-time work from %s', (file) => {
    const code = fixUntaintedCheck(read(file));
    const stripped = stripCanvas(code);
    for (const gone of ['jsContent', 'new Blob(', 'WorkerWrapper', 'initCanvasWebGLMutationObserver', 'lookup[']) {
      expect(code).toContain(gone);
      expect(stripped).not.toContain(gone);
    }
    expect(stripped.length).toBeLessThan(code.length - 15_000);
  });

  it('records a page with a canvas as before, with Touchpoint’s options (recordCanvas false)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const run = (code: string) => {
      // rrweb borrows clean prototypes from iframes that happy-dom cannot load (it prints a
      // DOMException for each) and leaves them in the body: a fresh page each run.
      document.body.innerHTML = '<main><h1>Hi</h1><canvas width="10" height="10"></canvas><p>text</p></main>';
      const events: { type: number; data: unknown }[] = [];
      const stop = loadRecord(code)({
        ...recordOptions({ maskAllText: false, blockSelectors: [] }),
        emit: (e) => events.push(e),
      });
      stop?.();
      // Ids and timestamps aside, the same snapshot.
      return JSON.stringify(events.map((e) => ({ type: e.type, data: e.data })));
    };
    expect(recordOptions({ maskAllText: false, blockSelectors: [] }).recordCanvas).toBe(false);
    const before = run(fixUntaintedCheck(read(UMD)));
    expect(before).toContain('"tagName":"canvas"');
    expect(run(stripCanvas(fixUntaintedCheck(read(UMD))))).toBe(before);
  });

  it('refuses to record canvas rather than record it silently without', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const events: unknown[] = [];
    const record = loadRecord(stripCanvas(read(UMD)));
    expect(() => record({ emit: (e) => events.push(e), recordCanvas: true })).toThrow(CANVAS_STRIPPED);
    expect(events).toEqual([]);
  });

  it('refuses code whose canvas block changed shape', () => {
    const once = stripCanvas(read(ES));
    expect(() => stripCanvas(once)).toThrow(/changed its canvas code/);
    // A name of the block used elsewhere: removing the block would break rrweb.
    const leaked = read(ES).replace('record.mirror = mirror;', 'record.mirror = mirror;\nrecord.w = WorkerWrapper;');
    expect(() => stripCanvas(leaked)).toThrow(/WorkerWrapper used elsewhere/);
    const newCall = read(ES).replace('this.canvasManager.freeze();', 'this.canvasManager.snapshot();');
    expect(() => stripCanvas(newCall)).toThrow(/canvasManager\.snapshot/);
  });
});
