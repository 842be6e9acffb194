import type { CDPSession, Frame, Locator, Page } from '@playwright/test';

/**
 * The overlay lives in a closed shadow root, which Playwright's locators cannot enter (on
 * purpose: neither can the page). The DevTools protocol can: these helpers find its controls in
 * the pierced DOM and act on them like a person would, by mouse or keyboard. The tag and score
 * forms are an extension page framed in the tagger's shadow root (a frame of its own, out of
 * the page's reach): Playwright lists that frame with the page's, and its locators work there.
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

  /**
   * The open tag or score form's frame, if a form is open: the frame whose address carries the
   * nonce of the iframe in Touchpoint's shadow root now (a closed form's frame may still be listed
   * for a moment, and a new one not yet).
   */
  async formFrame(): Promise<Frame | undefined> {
    const [iframe] = await this.find((n) => n.localName === 'iframe' && /\btg-frame\b/.test(attr(n, 'class') ?? ''));
    const nonce = (attr(iframe ?? ({} as DomNode), 'src') ?? '').split('#')[1];
    if (!nonce) return undefined;
    return this.page.frames().find((f) => !f.isDetached() && f.url().endsWith(`/tag-form.html#${nonce}`));
  }

  /**
   * Waits until the form's frame has kept its place and size for half a second. Chromium drops a
   * click on a cross-origin frame that has just moved or resized (the frame takes its content's
   * height when the form opens): a person never clicks that fast, a test does.
   */
  private async formSettled(): Promise<void> {
    let last = '';
    let same = 0;
    for (let i = 0; i < 60 && same < 5; i++) {
      const [iframe] = await this.find((n) => n.localName === 'iframe');
      const box = iframe ? JSON.stringify(await this.boxOf(iframe).catch(() => null)) : '';
      same = box === last ? same + 1 : 0;
      last = box;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Acts on a control of the form frame once it has settled. A click that closes the form (Save,
   * Cancel) takes its frame away while Playwright still talks to it: the error that follows is not
   * a failure when the frame is gone, and the click is never repeated.
   */
  private async inFormDo(what: { label: string } | { button: string }, act: (l: Locator) => Promise<void>) {
    const found = await this.inForm(what);
    if (!found) return false;
    const frame = await this.formFrame();
    await this.formSettled();
    try {
      await act(found);
    } catch (e) {
      if (frame && !frame.isDetached() && (await this.formFrame()) === frame) throw e;
    }
    return true;
  }

  private async formNow(what: { label: string } | { button: string }): Promise<Locator | null> {
    const frame = await this.formFrame();
    if (!frame) return null;
    const found =
      'label' in what
        ? frame.getByLabel(what.label, { exact: true })
        : frame.getByRole('button', { name: what.button, exact: true });
    return (await found.count().catch(() => 0)) > 0 ? found.first() : null;
  }

  /**
   * The form frame's control, waiting a while for the frame to draw it (it loads when the form
   * opens); null when it is in the shadow roots instead, or nowhere.
   */
  private async inForm(what: { label: string } | { button: string }, wait = true): Promise<Locator | null> {
    for (let i = 0; ; i++) {
      const found = await this.formNow(what);
      if (found || !wait || i >= 50) return found;
      const inShadow =
        'label' in what
          ? await this.control(what.label).then(
              () => true,
              () => false,
            )
          : await this.hasShadowButton(what.button);
      if (inShadow) return null;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Where focus is in the form frame (the name of `name`, else the label of `label`), or null. */
  private async focusInForm(kind: 'name' | 'label'): Promise<string | null> {
    const frame = await this.formFrame();
    if (!frame) return null;
    return frame
      .evaluate((k) => {
        const el = document.activeElement as HTMLElement | null;
        if (!document.hasFocus() || !el || el === document.body) return null;
        if (k === 'label') return (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? null;
        return el.getAttribute('aria-label') || el.textContent?.trim() || el.localName;
      }, kind)
      .catch(() => null);
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
    if (await this.inFormDo({ label }, (l) => l.selectOption(value, { timeout: 3000 }).then(() => undefined))) return;
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
    if (await this.inFormDo({ label }, (l) => l.focus({ timeout: 3000 }))) {
      await this.page.keyboard.type(value);
      return;
    }
    const node = await this.control(label);
    await this.cdp.send('DOM.focus', { backendNodeId: node.backendNodeId });
    await this.page.keyboard.type(value);
  }

  /** The current value of a labelled control. */
  async value(label: string): Promise<string> {
    const inForm = await this.inForm({ label });
    if (inForm) return inForm.inputValue({ timeout: 3000 });
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
    if (hosts.some((h) => (h.shadowRoots ?? []).map(text).join(' ').includes(needle))) return true;
    const form = await (await this.formFrame())?.evaluate(() => document.body.textContent ?? '').catch(() => '');
    return (form ?? '').includes(needle);
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
    return (await this.hasShadowButton(name)) || (await this.inForm({ button: name }, false)) !== null;
  }

  async click(name: string): Promise<void> {
    if (
      !(await this.hasShadowButton(name)) &&
      (await this.inFormDo({ button: name }, (l) =>
        // force: no wait for the frame to confirm the click, which it cannot when the click closes
        // the form (Save, Cancel): its frame goes at once. formSettled has waited for it to be still.
        l.click({ force: true, timeout: 3000 }),
      ))
    ) {
      return;
    }
    const b = await this.button(name);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  private hasShadowButton(name: string): Promise<boolean> {
    return this.button(name).then(
      () => true,
      () => false,
    );
  }

  /** Focuses a control, as Tab would, then presses a key on it. */
  async press(name: string, key: string): Promise<void> {
    if (
      !(await this.hasShadowButton(name)) &&
      (await this.inFormDo({ button: name }, (l) => l.focus({ timeout: 3000 })))
    ) {
      await this.pressClosingForm(key);
      return;
    }
    const b = await this.button(name);
    await this.cdp.send('DOM.focus', { backendNodeId: b.backendNodeId });
    await this.page.keyboard.press(key);
  }

  /**
   * Presses a key that closes the framed tag or score form (Enter on its Save, Escape): the key
   * goes down, the form's frame goes, then the key comes up. A key-up Playwright sends while the
   * frame that had focus is being torn down can wait for ever for its answer (seen with two busy
   * loops starving the machine, and once in a landing run); a person's key-up comes after the
   * form has gone too. A form that never closes fails the caller's next check, not this wait.
   */
  async pressClosingForm(key: string): Promise<void> {
    await this.page.keyboard.down(key);
    for (let i = 0; i < 100 && (await this.find((n) => n.localName === 'iframe')).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.page.keyboard.up(key);
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
    const inForm = await this.focusInForm('name');
    if (inForm) return inForm;
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
    const inForm = await this.focusInForm('label');
    if (inForm) return inForm;
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
