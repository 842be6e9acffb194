// @vitest-environment happy-dom
import { isTypingField, MAX_MASKS, maskBoxes } from '@/lib/capture/mask-boxes';
import { OPEN_POLICY, textPolicy } from '@/lib/record/privacy';

// happy-dom lays nothing out: each element says where it is drawn in `data-rect` ("x y w h", in its
// own document's viewport), and a text node is drawn where its parent is.
type Rect = { x: number; y: number; width: number; height: number };
const rectOf = (el: Element | null): DOMRect => {
  const [x = 0, y = 0, width = 0, height = 0] = (el?.getAttribute('data-rect') ?? '').split(' ').map(Number);
  return { x, y, width, height, left: x, top: y, right: x + width, bottom: y + height } as DOMRect;
};

beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return rectOf(this);
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const node = this.startContainer;
    return rectOf(node.nodeType === 1 ? (node as Element) : node.parentElement);
  });
  Object.defineProperty(window, 'innerWidth', { value: 800, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: 600, configurable: true });
});
afterEach(() => vi.restoreAllMocks());

const boxes = (opts: Partial<Parameters<typeof maskBoxes>[1]> = {}): Rect[] =>
  maskBoxes(window, { policy: OPEN_POLICY, ...opts });

describe('screenshot masks', () => {
  it('cover every kind of typing field and leave buttons, choices and the page text', () => {
    document.body.innerHTML = `
      <input data-rect="0 0 100 20"><input type="EMAIL" data-rect="0 20 100 20"><input type="password" data-rect="0 40 100 20">
      <input type="search" data-rect="0 60 100 20"><input type="tel" data-rect="0 80 100 20"><input type="date" data-rect="0 100 100 20">
      <input type="bogus" data-rect="0 120 100 20"><textarea data-rect="0 140 100 20"></textarea><select data-rect="0 160 100 20"></select>
      <div contenteditable data-rect="0 180 100 20"></div><div contenteditable="plaintext-only" data-rect="0 200 100 20"></div>
      <div role="textbox" data-rect="0 220 100 20"></div><div role="searchbox" data-rect="0 240 100 20"></div>
      <div role="combobox listbox" data-rect="0 260 100 20"></div>
      <input type="submit" data-rect="200 0 50 20"><input type="checkbox" data-rect="200 20 10 10"><input type="radio" data-rect="200 40 10 10">
      <input type="hidden" value="token" data-rect="200 60 50 20"><button data-rect="200 80 50 20">Go</button>
      <div contenteditable="false" data-rect="200 100 50 20">Read only</div><p data-rect="200 120 50 20">Page text</p>`;
    expect(boxes().map((b) => b.y)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 260]);
    expect(isTypingField(document.querySelector('input[type=hidden]') as Element)).toBe(false);
  });

  it('are clipped to the viewport, and fields off screen or not drawn give none', () => {
    document.body.innerHTML = `<input data-rect="-50 -10 100 20"><input data-rect="780 590 100 20">
      <input data-rect="0 700 100 20"><input data-rect="10 10 0 0">`;
    expect(boxes()).toEqual([
      { x: 0, y: 0, width: 50, height: 10 },
      { x: 780, y: 590, width: 20, height: 10 },
    ]);
  });

  it('enter open shadow roots, and closed ones through the door passed in', () => {
    document.body.innerHTML = '<x-open data-rect="0 0 300 40"></x-open><x-closed data-rect="0 50 300 40"></x-closed>';
    const open = (document.querySelector('x-open') as Element).attachShadow({ mode: 'open' });
    open.innerHTML = '<span data-rect="0 0 50 20">Number</span><input data-rect="60 0 200 20">';
    const closedHost = document.querySelector('x-closed') as Element;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<div><input data-rect="60 50 200 20"></div>';
    expect(boxes()).toEqual([{ x: 60, y: 0, width: 200, height: 20 }]);
    const withDoor = boxes({ shadowRootOf: (el) => (el === closedHost ? closed : el.shadowRoot) });
    expect(withDoor).toEqual([
      { x: 60, y: 0, width: 200, height: 20 },
      { x: 60, y: 50, width: 200, height: 20 },
    ]);
  });

  it('recurse into same-origin frames, offset by the frame, and cover cross-origin frames whole', () => {
    document.body.innerHTML = `<iframe id="same" data-rect="100 200 300 100"></iframe>
      <iframe id="cross" data-rect="500 200 200 100"></iframe>`;
    const same = document.getElementById('same') as HTMLIFrameElement;
    const inner = document.implementation.createHTMLDocument('card');
    // A field at (10, 5) of the frame's viewport, one that overflows it, and one scrolled out of it.
    inner.body.innerHTML = `<input data-rect="10 5 100 20"><input data-rect="250 80 100 40"><input data-rect="10 -40 100 20">`;
    Object.defineProperty(same, 'contentDocument', { value: inner });
    Object.defineProperty(same, 'clientLeft', { value: 2 });
    Object.defineProperty(same, 'clientTop', { value: 2 });
    Object.defineProperty(same, 'clientWidth', { value: 296 });
    Object.defineProperty(same, 'clientHeight', { value: 96 });
    const cross = document.getElementById('cross') as HTMLIFrameElement;
    Object.defineProperty(cross, 'contentDocument', { value: null });
    expect(boxes()).toEqual([
      { x: 112, y: 207, width: 100, height: 20 },
      { x: 352, y: 282, width: 46, height: 16 },
      { x: 500, y: 200, width: 200, height: 100 },
    ]);
  });

  it('cover blocked elements, and under "Mask all page text" every text', () => {
    document.body.innerHTML = `<h1 data-rect="0 0 300 30">Booking</h1><div class="private" data-rect="0 40 300 30"><b data-rect="0 45 40 20">Acct</b></div>
      <p data-rect="0 80 300 20">  </p><script data-rect="0 0 10 10">var x = 1;</script>`;
    const blocked = textPolicy({ maskAllText: false, blockSelectors: ['.private', '!!bad'] }, document);
    expect(boxes({ policy: blocked })).toEqual([{ x: 0, y: 40, width: 300, height: 30 }]);
    const all = textPolicy({ maskAllText: true, blockSelectors: [] }, document);
    // The heading's text and the bold text (drawn where their elements are); blank text and scripts none.
    expect(boxes({ policy: all }).map((b) => b.y)).toEqual([0, 45]);
  });

  it('cover the whole picture when there are too many boxes to list', () => {
    document.body.innerHTML = Array.from({ length: 12 }, (_, i) => `<input data-rect="0 ${i * 20} 100 20">`).join('');
    expect(boxes({ max: 10 })).toEqual([{ x: 0, y: 0, width: 800, height: 600 }]);
    expect(boxes()).toHaveLength(12);
    expect(MAX_MASKS).toBeGreaterThanOrEqual(500);
  });
});
