import { describe, expect, it } from 'vitest';
import type { ExportedWalk } from '@/lib/model/export';
import type { TagEntry } from '@/lib/report/context';
import { groupByElement } from '@/lib/report/friction-match';
import { anchor, makeExport } from './make-export';

const file = makeExport();
const walk = file.walks[0] as ExportedWalk;
const base = walk.tags[0] as ExportedWalk['tags'][number];
let n = 0;
const entry = (a: ReturnType<typeof anchor>, touchpointId: string | null, url = base.url): TagEntry => ({
  tag: { ...base, id: `x${n++}`, anchor: a, url },
  walk,
  touchpointId,
});

const ids = (groups: TagEntry[][]) => groups.map((g) => g.map((e) => e.tag.id));

describe('groupByElement', () => {
  it('matches the same element by its anchor, even with another selector', () => {
    n = 0;
    const pay = anchor('#pay', 'button', 'button', 'Pay now');
    const groups = groupByElement([
      entry(pay, 'tp'),
      entry({ ...pay, selector: 'form > button:nth-of-type(2)' }, 'tp'),
      entry(anchor('#cancel', 'button', 'button', 'Cancel order'), 'tp'),
      entry(anchor('#pay-link', 'a', 'link', 'Pay now'), 'tp'),
    ]);
    // A link named like the button is another element: its role disagrees.
    expect(ids(groups)).toEqual([['x0', 'x1'], ['x2'], ['x3']]);
  });

  it('never matches across touchpoints, and matches by page without one', () => {
    n = 0;
    const pay = anchor('#pay', 'button', 'button', 'Pay now');
    const groups = groupByElement([
      entry(pay, 'tp-a'),
      entry(pay, 'tp-b'),
      entry(pay, null, 'https://ventura.example/pay?x=1'),
      entry(pay, null, 'https://ventura.example/pay?x=2'),
      entry(pay, null, 'https://ventura.example/other'),
    ]);
    expect(ids(groups)).toEqual([['x0'], ['x1'], ['x2', 'x3'], ['x4']]);
  });

  it('tells look-alikes apart by what they share', () => {
    n = 0;
    // Cards' "View deal" buttons: the same name, told apart by their card (the context).
    const deal = (card: string, i: number) => ({
      ...anchor(`.card:nth-of-type(${i}) > button`, 'button', 'button', 'View deal'),
      context: { text: card, hash: `0000000${i}` },
      siblingIndex: 0,
      shared: { name: 3 as number, text: 3 as number },
    });
    const groups = groupByElement([
      entry(deal('Lisbon weekend 420 €', 1), 'tp'),
      entry(deal('Porto city break 380 €', 2), 'tp'),
      entry(deal('Lisbon weekend 420 €', 1), 'tp'),
    ]);
    expect(ids(groups)).toEqual([['x0', 'x2'], ['x1']]);
  });

  it('groups a touchpoint tagged hundreds of times', () => {
    n = 0;
    const cities = ['Lisbon', 'Porto', 'Madrid', 'Seville', 'Paris', 'Rome', 'Berlin', 'Vienna', 'Prague', 'Oslo'];
    const kinds = [
      'weekend',
      'cruise',
      'city break',
      'ski trip',
      'road trip',
      'tour',
      'retreat',
      'safari',
      'hike',
      'spa',
    ];
    const many = Array.from({ length: 400 }, (_, i) => {
      const k = i % 100;
      const a = anchor(`#b${k}`, 'button', 'button', `${cities[k % 10]} ${kinds[Math.floor(k / 10)]}`);
      // Buttons of one list, as lib/anchors/build-anchor.ts records them: all share their context,
      // and each its name's pattern with the nine others of its kind ("… city break").
      return entry({ ...a, shared: { context: 100, name: 10 } }, 'tp');
    });
    const groups = groupByElement(many);
    expect(groups).toHaveLength(100);
    expect(groups.every((g) => g.length === 4)).toBe(true);
  });
});
