import type { CDPSession, Page } from '@playwright/test';

/**
 * The overlay lives in a closed shadow root, which Playwright's locators cannot enter (on
 * purpose: neither can the page). The DevTools protocol can: these helpers find its controls in
 * the pierced DOM and act on them like a person would, by mouse or keyboard.
 */
interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function text(n: DomNode): string {
  if (n.nodeName === '#text') return n.nodeValue;
  return [...(n.children ?? [])].map(text).join('');
}

function attr(n: DomNode, name: string): string | undefined {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function walk(n: DomNode, visit: (n: DomNode) => void): void {
  visit(n);
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, visit);
}

export class OverlayDriver {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<OverlayDriver> {
    return new OverlayDriver(page, await page.context().newCDPSession(page));
  }

  /** Touchpoint's shadow hosts: the overlay's and, once loaded, the tagging tools'. */
  private async hosts(): Promise<DomNode[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    walk(root, (n) => {
      if (n.localName === 'touchpoint-overlay') hosts.push(n);
    });
    return hosts;
  }

  private async overlayRoot(): Promise<DomNode | undefined> {
    return (await this.hosts())[0];
  }

  /** The overlay's visible text (state, time, persona, buttons), or null without an overlay. */
  async text(): Promise<string | null> {
    const host = await this.overlayRoot();
    return host ? (host.shadowRoots ?? []).map(text).join(' ') : null;
  }

  /** Every node of Touchpoint's shadow roots that passes `test`. */
  private async find(test: (n: DomNode) => boolean): Promise<DomNode[]> {
    const found: DomNode[] = [];
    for (const host of await this.hosts()) {
      walk(host, (n) => {
        if (test(n)) found.push(n);
      });
    }
    return found;
  }

  /** A button by its accessible name (aria-label or text). */
  private async button(name: string): Promise<DomNode> {
    const [found] = await this.find(
      (n) => n.localName === 'button' && (attr(n, 'aria-label') ?? text(n).trim()) === name,
    );
    if (!found) throw new Error(`No overlay button named "${name}"`);
    return found;
  }

  /** A form control by its label's text. */
  private async control(label: string): Promise<DomNode> {
    const [lab] = await this.find((n) => n.localName === 'label' && text(n).trim() === label);
    const id = lab && attr(lab, 'for');
    const [found] = id ? await this.find((n) => attr(n, 'id') === id) : [];
    if (!found) throw new Error(`No overlay field labelled "${label}"`);
    return found;
  }

  /** Chooses an option of a labelled select, as a person choosing from the list would. */
  async select(label: string, value: string): Promise<void> {
    const node = await this.control(label);
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (v) {
        if (![...this.options].some((o) => o.value === v)) throw new Error('no option ' + v);
        this.value = v;
        this.dispatchEvent(new Event('input', { bubbles: true }));
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      arguments: [{ value }],
    });
  }

  /** Types into a labelled text field or textarea. */
  async type(label: string, value: string): Promise<void> {
    const node = await this.control(label);
    await this.cdp.send('DOM.focus', { backendNodeId: node.backendNodeId });
    await this.page.keyboard.type(value);
  }

  /** The current value of a labelled control. */
  async value(label: string): Promise<string> {
    const node = await this.control(label);
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.value; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return result.value;
  }

  /** Whether any of Touchpoint's layers holds this text (a form title, a notice). */
  async hasText(needle: string): Promise<boolean> {
    const hosts = await this.hosts();
    return hosts.some((h) => (h.shadowRoots ?? []).map(text).join(' ').includes(needle));
  }

  /** The boxes of the tag markers drawn on the page, by tag id. */
  async markers(): Promise<Map<string, { x: number; y: number; width: number; height: number }>> {
    const out = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const n of await this.find((x) => attr(x, 'data-tag-id') !== undefined)) {
      out.set(attr(n, 'data-tag-id') ?? '', await this.boxOf(n));
    }
    return out;
  }

  private async boxOf(n: DomNode): Promise<{ x: number; y: number; width: number; height: number }> {
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: n.backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  }

  async hasButton(name: string): Promise<boolean> {
    return this.button(name).then(
      () => true,
      () => false,
    );
  }

  async click(name: string): Promise<void> {
    const b = await this.button(name);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Focuses a control, as Tab would, then presses a key on it. */
  async press(name: string, key: string): Promise<void> {
    const b = await this.button(name);
    await this.cdp.send('DOM.focus', { backendNodeId: b.backendNodeId });
    await this.page.keyboard.press(key);
  }

  /** The overlay panel's box in the viewport. */
  async box(): Promise<{ x: number; y: number; width: number; height: number }> {
    const b = await this.button('Move overlay (arrow keys)');
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  }

  /** Any element of Touchpoint's layers by accessible name: aria-label, or a button's text. */
  private async element(name: string): Promise<DomNode> {
    const [found] = await this.find(
      (n) => attr(n, 'aria-label') === name || (n.localName === 'button' && text(n).trim() === name),
    );
    if (!found) throw new Error(`No overlay element named "${name}"`);
    return found;
  }

  private async call<T>(node: { backendNodeId: number }, fn: string, args: unknown[] = []): Promise<T> {
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result, exceptionDetails } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  }

  /** Computed style properties of a named element (the overlay panel is "Touchpoint walk"). */
  async style(name: string, props: string[]): Promise<Record<string, string>> {
    return this.call(
      await this.element(name),
      'function (props) { const s = getComputedStyle(this); return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)])); }',
      [props],
    );
  }

  /** A named element's border box in the viewport. */
  async boxOfNamed(name: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.boxOf(await this.element(name));
  }

  /**
   * What the browser hit-tests at a viewport point, shadow roots pierced: whether it is inside
   * one of Touchpoint's layers, and what it is.
   */
  async hitTest(x: number, y: number): Promise<{ ours: boolean; node: string }> {
    const { backendNodeId } = (await this.cdp.send('DOM.getNodeForLocation', {
      x: Math.round(x),
      y: Math.round(y),
      includeUserAgentShadowDOM: true,
      ignorePointerEventsNone: false,
    })) as { backendNodeId: number };
    const ours = new Set<number>();
    for (const host of await this.hosts()) walk(host, (n) => ours.add(n.backendNodeId));
    const desc = await this.call<string>(
      { backendNodeId },
      'function () { return this.localName + (this.id ? "#" + this.id : "") + (this.getAttribute && this.getAttribute("aria-label") ? "[" + this.getAttribute("aria-label") + "]" : ""); }',
    );
    return { ours: ours.has(backendNodeId), node: desc };
  }

  /** The accessible name of the control focused inside Touchpoint's layers, or null. */
  async focusedName(): Promise<string | null> {
    for (const host of await this.hosts()) {
      for (const root of host.shadowRoots ?? []) {
        const name = await this.call<string | null>(
          root,
          `function () {
            const el = this.activeElement;
            if (!el) return null;
            return el.getAttribute('aria-label') || el.textContent.trim() || el.localName;
          }`,
        );
        if (name) return name;
      }
    }
    return null;
  }

  /** Presses Tab (as a person does, from wherever focus is) until the named control has focus. */
  async tabTo(name: string, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      if ((await this.focusedName()) === name) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached "${name}" (focus is on "${await this.focusedName()}")`);
  }

  /** Drags a named control by (dx, dy) with the mouse, in small steps. */
  async drag(name: string, dx: number, dy: number): Promise<void> {
    const b = await this.boxOfNamed(name);
    const x = b.x + b.width / 2;
    const y = b.y + b.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The accessible names of the tag markers' badges, in page order ("Tag 1: Error or broken, severity 3"). */
  async markerNames(): Promise<string[]> {
    const badges = await this.find((n) => n.localName === 'button' && /\btg-badge\b/.test(attr(n, 'class') ?? ''));
    return badges.map((b) => attr(b, 'aria-label') ?? '');
  }

  /** The label of the form field focused inside Touchpoint's layers ("Category"), or null. */
  async focusedLabel(): Promise<string | null> {
    for (const host of await this.hosts()) {
      for (const root of host.shadowRoots ?? []) {
        const label = await this.call<string | null>(
          root,
          'function () { const el = this.activeElement; return el && el.labels && el.labels[0] ? el.labels[0].textContent.trim() : null; }',
        );
        if (label) return label;
      }
    }
    return null;
  }
}
