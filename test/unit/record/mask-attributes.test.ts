import { EventType, IncrementalSource } from '@rrweb/types';
import { maskTextAttributes } from '@/lib/record/mask-attributes';

describe('maskTextAttributes', () => {
  it('masks the attributes a person reads in a full snapshot, keeping the others', () => {
    const event = {
      type: EventType.FullSnapshot,
      data: {
        node: {
          type: 0,
          childNodes: [
            {
              type: 2,
              tagName: 'input',
              attributes: { id: 'coupon', class: 'field', placeholder: 'Code QX 77', 'aria-label': 'Coupon' },
              childNodes: [],
            },
            { type: 2, tagName: 'img', attributes: { src: '/a.png', alt: 'Ana at the desk' }, childNodes: [] },
            { type: 3, textContent: '****' },
          ],
        },
      },
    };
    maskTextAttributes(event);
    expect(event.data.node.childNodes[0]?.attributes).toEqual({
      id: 'coupon',
      class: 'field',
      placeholder: '**** ** **',
      'aria-label': '******',
    });
    expect(event.data.node.childNodes[1]?.attributes).toEqual({ src: '/a.png', alt: '*** ** *** ****' });
  });

  it('masks added nodes and attribute changes', () => {
    const event = {
      type: EventType.IncrementalSnapshot,
      data: {
        source: IncrementalSource.Mutation,
        adds: [{ parentId: 1, node: { type: 2, tagName: 'a', attributes: { href: '/x', title: 'Your order 55' } } }],
        attributes: [{ id: 4, attributes: { title: 'Hi Ana', 'data-state': 'open', alt: null } }],
        texts: [],
        removes: [],
      },
    };
    maskTextAttributes(event);
    expect(event.data.adds[0]?.node.attributes).toEqual({ href: '/x', title: '**** ***** **' });
    expect(event.data.attributes[0]?.attributes).toEqual({ title: '** ***', 'data-state': 'open', alt: null });
  });
});
