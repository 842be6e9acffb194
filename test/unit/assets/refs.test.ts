import {
  ASSET_MIN_CHARS,
  expandAssets,
  externalize,
  LITERAL,
  MARK,
  MARK_IN_JSON,
  REF,
  referencedAssets,
  sha256Hex,
} from '@/lib/assets/refs';
import { BASE_CSS, LATE_CSS, SMALL_CSS, styledPage, THEME_CSS } from '../support/styled-events';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('stylesheets stored once (lib/assets/refs.ts)', () => {
  it('replaces every large stylesheet text by a reference, keeps small ones inline, and gives back exactly the events', async () => {
    const events = styledPage(0);
    const before = clone(events);
    const out = await externalize(events);
    expect(out).not.toBeNull();
    if (!out) return;
    // The events it was given are left as they came.
    expect(events).toEqual(before);
    const hashes = await Promise.all([BASE_CSS, THEME_CSS, LATE_CSS].map(sha256Hex));
    expect([...out.assets.keys()].sort()).toEqual([...hashes].sort());
    expect(out.assets.get(hashes[0] as string)).toBe(BASE_CSS);
    // Each text is gone from the chunk, the small one stays, the page's own text stays.
    expect(out.json).not.toContain(BASE_CSS.slice(0, 200));
    expect(out.json).not.toContain(THEME_CSS.slice(0, 200));
    expect(out.json).not.toContain(LATE_CSS.slice(0, 200));
    expect(out.json).toContain(JSON.stringify(SMALL_CSS));
    expect(out.json).toContain('Page 0 text');
    expect(out.json).toContain(MARK_IN_JSON);
    expect(out.json.length).toBeLessThan(JSON.stringify(events).length / 4);

    const stored = JSON.parse(out.json);
    expect(referencedAssets(stored).sort()).toEqual([...hashes].sort());
    expandAssets(stored, out.assets);
    expect(stored).toEqual(before);
  });

  it('sets nothing when no stylesheet is large: the caller keeps its JSON', async () => {
    const events = [{ type: 3, timestamp: 1, data: { source: 2, type: 2, id: 1 } }];
    expect(await externalize(events)).toBeNull();
    const small = styledPage(0).slice(0, 1);
    expect(await externalize(small)).toBeNull();
  });

  it('the threshold: one character under stays inline, at it becomes a reference', async () => {
    const link = (text: string) => [
      { type: 3, timestamp: 1, data: { source: 0, adds: [], attributes: [{ id: 1, attributes: { _cssText: text } }] } },
    ];
    expect(await externalize(link('a'.repeat(ASSET_MIN_CHARS - 1)))).toBeNull();
    const at = await externalize(link('a'.repeat(ASSET_MIN_CHARS)));
    expect(at?.assets.size).toBe(1);
  });

  it('a recorded value that looks like a reference is stored escaped and read back as it was', async () => {
    const forged = `${REF}${'0'.repeat(64)}`;
    const literal = `${LITERAL}x`;
    const events = [
      {
        type: 3,
        timestamp: 1,
        data: {
          source: 0,
          adds: [
            { parentId: 1, node: { type: 3, id: 2, textContent: forged, isStyle: true } },
            { parentId: 1, node: { type: 3, id: 3, textContent: literal, isStyle: true } },
            {
              parentId: 1,
              node: { type: 3, id: 4, textContent: `${MARK}${'y'.repeat(ASSET_MIN_CHARS)}`, isStyle: true },
            },
          ],
        },
      },
    ];
    const before = clone(events);
    const out = await externalize(events);
    if (!out) throw new Error('expected a change');
    const stored = JSON.parse(out.json);
    // The forged reference names nothing: only the real one (the long text) is looked up.
    expect(referencedAssets(stored)).toEqual([await sha256Hex(`${MARK}${'y'.repeat(ASSET_MIN_CHARS)}`)]);
    expandAssets(stored, out.assets);
    expect(stored).toEqual(before);
  });

  it('a reference whose text is missing throws (the chunk is then unreadable, not wrong)', async () => {
    const out = await externalize(styledPage(1));
    if (!out) throw new Error('expected a change');
    const stored = JSON.parse(out.json);
    expect(() => expandAssets(stored, new Map())).toThrow(/Missing stylesheet/);
  });

  it('leaves the same text in other places alone (a text node not marked isStyle, another attribute)', async () => {
    const events = [
      {
        type: 2,
        timestamp: 1,
        data: {
          node: {
            type: 2,
            id: 1,
            tagName: 'div',
            attributes: { title: BASE_CSS },
            childNodes: [{ type: 3, id: 2, textContent: BASE_CSS }],
          },
        },
      },
    ];
    expect(await externalize(events)).toBeNull();
  });
});
