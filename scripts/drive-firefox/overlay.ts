import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { choose, until } from '@/scripts/drive-firefox/find';

/**
 * The overlay and the tagging tools in Firefox: they live in closed shadow roots (the page cannot
 * reach them, and neither can a selector). WebDriver BiDi can: a host's serialised node carries its
 * shadow root's sharedId, closed or not, and `browsingContext.locateNodes` searches from it. The
 * tag and score forms are an extension page framed in the tagger's root (a frame of its own):
 * puppeteer reaches it from its iframe element, and acts there as anywhere.
 *
 * The same steps as the Chromium driver (scripts/drive/overlay.ts, over CDP): controls found by
 * their accessible names, acted on by mouse and keyboard.
 */

/** What of puppeteer-core's BiDi classes this needs: not in its public types, stable in 25.x. */
interface RemoteNode {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: RemoteNode | null };
}
interface BidiHandle {
  remoteValue(): RemoteNode;
  realm: { createHandle(node: RemoteNode): ElementHandle<Element> };
}
interface BidiFrame {
  browsingContext: {
    locateNodes(locator: { type: 'css'; value: string }, startNodes: { sharedId: string }[]): Promise<RemoteNode[]>;
  };
}

/** In the page: the button under `root` named so (aria-label, else its text). Sent as source. */
function namedButton(root: Node, name: string): HTMLButtonElement | null {
  const all = (root as ParentNode).querySelectorAll('button');
  return [...all].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '') === name) ?? null;
}

export class FirefoxOverlay {
  constructor(readonly tab: Page) {}

  /** Touchpoint's closed shadow roots on the page (the overlay's, the tagger's), as handles. */
  private async roots(): Promise<{ root: RemoteNode; handle: ElementHandle<Element>; bidi: BidiHandle }[]> {
    const out = [];
    for (const host of await this.tab.$$('touchpoint-overlay')) {
      const bidi = host as unknown as BidiHandle;
      const root = bidi.remoteValue().value?.shadowRoot;
      if (root) out.push({ root, handle: bidi.realm.createHandle(root), bidi });
    }
    return out;
  }

  /** Every element matching `css` in Touchpoint's shadow roots, by BiDi's locateNodes from each root. */
  async find(css: string): Promise<ElementHandle<Element>[]> {
    const context = (this.tab.mainFrame() as unknown as BidiFrame).browsingContext;
    const out: ElementHandle<Element>[] = [];
    for (const { root, bidi } of await this.roots()) {
      const nodes = await context.locateNodes({ type: 'css', value: css }, [{ sharedId: root.sharedId }]);
      out.push(...nodes.map((n) => bidi.realm.createHandle(n)));
    }
    return out;
  }

  /** A button of the shadow roots by its accessible name (aria-label, else its text), in one call a root. */
  async button(name: string): Promise<ElementHandle<Element> | undefined> {
    for (const { handle } of await this.roots()) {
      const found = (await handle.evaluateHandle(namedButton, name)).asElement();
      if (found) return found as ElementHandle<Element>;
    }
    return undefined;
  }

  /**
   * The open tag or score form's frame, once it shows the form at the iframe's address now (a
   * frame the page navigated is replaced with a new nonce). Its `url()` stays about:blank in
   * puppeteer (BiDi reports no navigation to a moz-extension:// page): its document says.
   */
  async formFrame(): Promise<Frame | undefined> {
    const [iframe] = await this.find('iframe.tg-frame');
    const src = (await iframe?.evaluate((f) => (f as HTMLIFrameElement).src)) ?? '';
    if (!iframe || !src.includes('#')) return undefined;
    const frame = await iframe.contentFrame();
    const at = await frame?.evaluate(() => location.href).catch(() => '');
    return at === src ? (frame ?? undefined) : undefined;
  }

  /** A control of the form frame by its label (or a button by its name), once the frame draws it. */
  private async inForm(what: { label: string } | { button: string }): Promise<ElementHandle<Element> | null> {
    const frame = await this.formFrame();
    if (!frame) return null;
    if ('button' in what) {
      const doc = await frame.evaluateHandle(() => document);
      return (await doc.evaluateHandle(namedButton, what.button)).asElement() as ElementHandle<Element> | null;
    }
    const id = await frame.$$eval(
      'label',
      (labels, text) => labels.find((l) => l.textContent?.trim() === text)?.htmlFor ?? '',
      what.label,
    );
    return id ? frame.$(`[id="${id}"]`) : null;
  }

  private async control(label: string): Promise<ElementHandle<Element>> {
    let found: ElementHandle<Element> | null = null;
    await until(`the field "${label}"`, async () => {
      found = await this.inForm({ label });
      return found !== null;
    });
    if (!found) throw new Error(`No form field labelled "${label}"`);
    return found;
  }

  async hasButton(name: string): Promise<boolean> {
    return (await this.button(name)) !== undefined || (await this.inForm({ button: name })) !== null;
  }

  /** Clicks a control by name with the mouse, in the shadow roots or the form's frame. */
  async click(name: string): Promise<void> {
    let target: ElementHandle<Element> | null | undefined;
    await until(`the button "${name}"`, async () => {
      target = (await this.button(name)) ?? (await this.inForm({ button: name }));
      return Boolean(target);
    });
    // A click that closes the form (Save, Cancel) takes its frame away: an error after it is no
    // failure once the button is gone, and the click is never repeated.
    await target?.click().catch(async (e: unknown) => {
      if (await this.hasButton(name)) throw e;
    });
  }

  /** Chooses an option of a labelled select in the form. */
  async select(label: string, value: string): Promise<void> {
    await choose(await this.control(label), value);
  }

  /** Types into a labelled field of the form, key by key. */
  async type(label: string, text: string): Promise<void> {
    const field = await this.control(label);
    await field.focus();
    await field.type(text);
  }

  /** Waits until a named button is there (or gone). */
  async waitButton(name: string, present = true): Promise<void> {
    await until(`"${name}" to be ${present ? 'shown' : 'gone'}`, async () => (await this.hasButton(name)) === present);
  }
}

/** Tags an element as an auditor does: Tag friction, point and click it in pick mode, fill the form, Save tag. */
export async function tagElement(
  tab: Page,
  selector: string,
  f: { note: string; severity: string; category?: string },
): Promise<void> {
  const overlay = new FirefoxOverlay(tab);
  await overlay.click('Tag friction');
  await overlay.waitButton('Cancel');
  const el = await tab.waitForSelector(selector);
  const box = await el?.boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await overlay.waitButton('Save tag');
  if (f.category) await overlay.select('Category', f.category);
  await overlay.select('Severity', f.severity);
  await overlay.type('Note', f.note);
  await overlay.click('Save tag');
  await overlay.waitButton('Save tag', false);
}

/** Scores the page's touchpoint from the overlay. */
export async function scoreHere(tab: Page, ces: string, csat: string): Promise<void> {
  const overlay = new FirefoxOverlay(tab);
  await overlay.click('Score touchpoint');
  await overlay.waitButton('Save score');
  await overlay.select('Effort (CES)', ces);
  await overlay.select('Satisfaction (CSAT)', csat);
  await overlay.click('Save score');
  await overlay.waitButton('Save score', false);
}
