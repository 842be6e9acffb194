import type { Plugin } from 'vite';

/**
 * Touchpoint never records canvas (lib/record/options.ts: `recordCanvas: false`), yet @rrweb/record
 * 2.1.6 bundles all of its canvas recording: the 2D and WebGL observers, their argument
 * serialisers, a base64 encoder (whose lookup table is filled at load), and an inline Web Worker
 * whose source it turns into a Blob as the script loads, on every page. About 7 kB of the
 * recorder's code (2.5 kB gzipped) that the page parses for nothing. This build step swaps the
 * whole block for a CanvasManager with the same methods and no canvas code; the minifier then drops
 * what only the block used. With `recordCanvas: true` the stub throws: a walk that should record
 * canvas must not silently lose it (test/unit/tooling/rrweb-canvas-strip.test.ts).
 */
const START = '\nvar chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";\n';
const END = '\nclass StylesheetManager {';
/** What rrweb calls on its canvas manager outside the block (record(), MutationBuffer). */
const METHODS = ['reset', 'freeze', 'unfreeze', 'lock', 'unlock'];
/** Names defined in the block: none may be used outside it but CanvasManager itself. */
const INNER = [
  'encode(',
  'lookup[',
  'canvasVarMap',
  'serializeArg',
  'initCanvas2DMutationObserver',
  'initCanvasContextObserver',
  'initCanvasWebGLMutationObserver',
  'patchGLPrototype',
  'WorkerWrapper',
  'jsContent',
];

export const CANVAS_STRIPPED = "Touchpoint's build of rrweb records no canvas (scripts/rrweb-canvas-strip.ts)";

const STUB = `
class CanvasManager {
  constructor(options) {
    if (options.recordCanvas) throw new Error(${JSON.stringify(CANVAS_STRIPPED)});
  }
${METHODS.map((m) => `  ${m}() {}`).join('\n')}
}
`;

const once = (code: string, part: string) => {
  const at = code.indexOf(part);
  return at >= 0 && code.indexOf(part, at + 1) < 0 ? at : -1;
};

/** rrweb's record build without its canvas recording; throws when the code no longer has the expected shape. */
export function stripCanvas(code: string): string {
  const fail = (why: string) => {
    throw new Error(`@rrweb/record changed its canvas code (${why}): see scripts/rrweb-canvas-strip.ts.`);
  };
  const start = once(code, START);
  const end = once(code, END);
  if (start < 0 || end < start) fail('block bounds');
  const block = code.slice(start, end);
  const rest = code.slice(0, start) + code.slice(end);
  if (!block.includes('class CanvasManager {') || !/\brecordCanvas,\n/.test(block)) fail('no CanvasManager');
  for (const name of INNER) if (!block.includes(name) || rest.includes(name)) fail(`${name} used elsewhere`);
  const called = new Set([...rest.matchAll(/\bcanvasManager\.(\w+)/g)].map((m) => m[1]));
  for (const m of called) if (!METHODS.includes(m ?? '')) fail(`canvasManager.${m}`);
  return code.slice(0, start) + STUB + code.slice(end);
}

/** Applies stripCanvas to @rrweb/record's ES build as it is bundled. */
export function rrwebCanvasStrip(): Plugin {
  return {
    name: 'touchpoint:rrweb-canvas-strip',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@rrweb[\\/]record[\\/]dist[\\/]record\.js$/.test(id.split('?')[0] ?? '')) return null;
      return { code: stripCanvas(code), map: null };
    },
  };
}
