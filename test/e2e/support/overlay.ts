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

  private async overlayRoot(): Promise<DomNode | undefined> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let host: DomNode | undefined;
    walk(root, (n) => {
      if (n.localName === 'touchpoint-overlay') host = n;
    });
    return host;
  }

  /** The overlay's visible text (state, time, persona, buttons), or null without an overlay. */
  async text(): Promise<string | null> {
    const host = await this.overlayRoot();
    return host ? (host.shadowRoots ?? []).map(text).join(' ') : null;
  }

  /** A button by its accessible name (aria-label or text). */
  private async button(name: string): Promise<DomNode> {
    const host = await this.overlayRoot();
    let found: DomNode | undefined;
    if (host) {
      walk(host, (n) => {
        if (n.localName === 'button' && (attr(n, 'aria-label') ?? text(n).trim()) === name) found = n;
      });
    }
    if (!found) throw new Error(`No overlay button named "${name}"`);
    return found;
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
}
