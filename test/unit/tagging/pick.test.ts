// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OVERLAY_TAG } from '@/lib/overlay-tag';
import { elementAt, isOurs, pickables, stepPickable } from '@/components/tagger/model/pick';
import { byId, hitTesting, place, travelPage } from './support';

let host: HTMLElement;

beforeEach(() => {
  travelPage(document);
  // Touchpoint's pick layer covers the whole page, on top of everything.
  host = document.createElement(OVERLAY_TAG);
  document.documentElement.append(host);
  place(host, { x: 0, y: 0, width: 1000, height: 800 });
  hitTesting(document);
  const original = document.elementsFromPoint.bind(document);
  document.elementsFromPoint = (x, y) => [host, ...original(x, y)];
});

describe('elementAt', () => {
  it('finds the page element under the point, through Touchpoint’s own layer', () => {
    expect(elementAt(document, 50, 140)).toBe(byId(document, 'fav'));
    expect(elementAt(document, 250, 140)).toBe(byId(document, 'quote'));
    expect(elementAt(document, 30, 90)).toBe(byId(document, 'price'));
  });

  it('never returns Touchpoint’s own elements', () => {
    const inner = document.createElement('div');
    host.append(inner);
    expect(isOurs(host)).toBe(true);
    expect(isOurs(inner)).toBe(true);
    expect(isOurs(byId(document, 'fav'))).toBe(false);
    expect(elementAt(document, 50, 140)).not.toBe(host);
  });

  it('falls back to the smallest drawn element holding the point when hit-testing sees only the root', () => {
    // `body { pointer-events: none }`: hit-testing skips the page's elements (they inherit it).
    hitTesting(document, () => true);
    expect(elementAt(document, 50, 140)).toBe(byId(document, 'fav'));
    expect(elementAt(document, 500, 140)).toBe(byId(document, 'actions'));
    expect(elementAt(document, 500, 400)).toBe(byId(document, 'main'));
  });

  it('takes a hit on a real element over the geometric guess', () => {
    // A full-page element that does take the pointer: hit-testing is trusted, as the user sees it.
    hitTesting(document, (el) => el.id !== 'main');
    expect(elementAt(document, 50, 140)).toBe(byId(document, 'main'));
  });

  it('finds nothing outside every box', () => {
    hitTesting(document, () => true);
    const html = document.documentElement;
    document.elementsFromPoint = () => [host, html];
    place(document.body, { x: 0, y: 0, width: 0, height: 0 });
    expect(elementAt(document, 5000, 5000)).toBeNull();
  });
});

describe('keyboard pick', () => {
  it('moves through the drawn interactive and text elements in document order, ours left out', () => {
    host.append(document.createElement('button'));
    const list = pickables(document).map((el) => el.id);
    expect(list).toEqual(['title', 'price', 'actions', 'fav', 'quote', 'search']);
  });

  it('steps forward and back, wrapping, starting at either end', () => {
    const list = pickables(document);
    const [first, second] = list;
    const last = list[list.length - 1];
    expect(stepPickable(list, null, 1)).toBe(first);
    expect(stepPickable(list, null, -1)).toBe(last);
    expect(stepPickable(list, first ?? null, 1)).toBe(second);
    expect(stepPickable(list, last ?? null, 1)).toBe(first);
    expect(stepPickable(list, first ?? null, -1)).toBe(last);
    expect(stepPickable([], null, 1)).toBeNull();
  });

  it('starts again from the first when the chosen element left the list', () => {
    const list = pickables(document);
    expect(stepPickable(list, byId(document, 'hidden'), 1)).toBe(list[0]);
  });
});
