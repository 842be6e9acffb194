import {
  EventType,
  type eventWithTime,
  IncrementalSource,
  type mutationData,
  NodeType,
  type serializedNodeWithId,
} from '@rrweb/types';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { stripOverlay } from '@/lib/record/strip-overlay';
import { el, text, walkEvents } from '../../fixtures/events/walk-events';

/** A page with the overlay's host (and, were it ever serialised, its children) under <html>. */
function snapshot(): eventWithTime {
  const node: serializedNodeWithId = {
    type: NodeType.Document,
    id: 1,
    childNodes: [
      el(2, 'html', {}, [
        el(3, 'head', {}),
        el(4, 'body', {}, [el(5, 'main', {}, [text(6, 'Offers')])]),
        el(7, OVERLAY_TAG, { style: 'all: initial' }, [el(8, 'div', {}, [text(9, 'Recording')])]),
      ]),
    ],
  };
  return { type: EventType.FullSnapshot, timestamp: 1, data: { node, initialOffset: { top: 0, left: 0 } } };
}

function mutation(data: Partial<Omit<mutationData, 'source'>>): eventWithTime {
  return {
    type: EventType.IncrementalSnapshot,
    timestamp: 2,
    data: { source: IncrementalSource.Mutation, texts: [], attributes: [], removes: [], adds: [], ...data },
  };
}

const mutationOf = (e: eventWithTime) => e.data as mutationData;

describe('stripOverlay', () => {
  it('removes the overlay host and its children from a full snapshot, and nothing else', () => {
    const hidden = new Set<number>();
    const e = stripOverlay(snapshot(), hidden);
    const expected = snapshot();
    const html = (expected.data as { node: { childNodes: { childNodes: unknown[] }[] } }).node.childNodes[0];
    html?.childNodes.pop();
    expect(e).toEqual(expected);
    expect([...hidden].sort()).toEqual([7, 8, 9]);
    expect(JSON.stringify(e)).not.toContain(OVERLAY_TAG);
  });

  it('drops later mutations that add the overlay or anything under it', () => {
    const hidden = new Set<number>();
    stripOverlay(snapshot(), hidden);
    const e = stripOverlay(
      mutation({
        adds: [
          { parentId: 7, nextId: null, node: el(20, 'span', {}) },
          { parentId: 20, nextId: null, node: text(21, 'paused') },
          { parentId: 4, nextId: null, node: el(30, OVERLAY_TAG, {}) },
          { parentId: 30, nextId: null, node: el(31, 'div', {}) },
          { parentId: 5, nextId: null, node: el(40, 'p', {}, [text(41, 'New offer')]) },
        ],
      }),
      hidden,
    );
    expect(mutationOf(e).adds).toEqual([{ parentId: 5, nextId: null, node: el(40, 'p', {}, [text(41, 'New offer')]) }]);
    for (const id of [20, 21, 30, 31]) expect(hidden.has(id)).toBe(true);
    expect(hidden.has(40)).toBe(false);
  });

  it('prunes an overlay nested inside an added subtree', () => {
    const hidden = new Set<number>();
    const added = el(50, 'div', {}, [el(51, OVERLAY_TAG, {}, [text(52, 'x')]), text(53, 'kept')]);
    const e = stripOverlay(mutation({ adds: [{ parentId: 4, nextId: null, node: added }] }), hidden);
    expect(mutationOf(e).adds).toEqual([{ parentId: 4, nextId: null, node: el(50, 'div', {}, [text(53, 'kept')]) }]);
    expect([...hidden].sort()).toEqual([51, 52]);
  });

  it('drops attribute, text and remove mutations of the overlay’s nodes, keeping the page’s', () => {
    const hidden = new Set<number>();
    stripOverlay(snapshot(), hidden);
    const e = stripOverlay(
      mutation({
        attributes: [
          { id: 7, attributes: { style: 'display:none' } },
          { id: 5, attributes: { class: 'busy' } },
        ],
        texts: [
          { id: 9, value: 'Paused' },
          { id: 6, value: 'Offers (3)' },
        ],
        removes: [
          { parentId: 2, id: 7 },
          { parentId: 5, id: 6 },
        ],
      }),
      hidden,
    );
    expect(mutationOf(e)).toMatchObject({
      attributes: [{ id: 5, attributes: { class: 'busy' } }],
      texts: [{ id: 6, value: 'Offers (3)' }],
      removes: [{ parentId: 5, id: 6 }],
    });
  });

  it('leaves events without the overlay untouched', () => {
    const hidden = new Set<number>();
    for (const e of walkEvents) {
      const copy = structuredClone(e);
      if (e.type === EventType.FullSnapshot) continue; // the fixture's blocked host is stripped
      expect(stripOverlay(copy, hidden)).toEqual(e);
    }
  });

  it('strips the blocked host rrweb records with Touchpoint’s options', () => {
    const hidden = new Set<number>();
    const full = walkEvents.find((e) => e.type === EventType.FullSnapshot);
    if (!full) throw new Error('the fixture has a full snapshot');
    const e = stripOverlay(structuredClone(full), hidden);
    expect(JSON.stringify(e)).not.toContain(OVERLAY_TAG);
    expect(JSON.stringify(e).length).toBeLessThan(JSON.stringify(full).length);
    expect(JSON.stringify(e)).toContain('Send request');
  });
});
