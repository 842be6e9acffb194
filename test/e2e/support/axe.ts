import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Frame, Page } from '@playwright/test';

/**
 * What axe checks: WCAG 2.2 A and AA and axe's best practices. `best` is off for markup copied
 * out of Touchpoint's shadow roots: the landmark rules judge the page the overlay floats over.
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on a page, one line each (rule, impact, the first targets), for a readable failure. */
export async function axeViolations(page: Page, opts: { best?: boolean } = {}): Promise<string[]> {
  const tags = opts.best === false ? WCAG : [...WCAG, 'best-practice'];
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join(' | ')}`,
  );
}

/** axe's violations in one frame: the tag and score forms' frame, which AxeBuilder cannot reach
 * (its iframe is in a closed shadow root). axe-core itself is put into the frame and run there. */
export async function axeFrameViolations(frame: Frame): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(source);
  const violations = await frame.evaluate(
    async (tags) => {
      type Axe = {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{
          violations: {
            id: string;
            impact: string;
            help: string;
            nodes: { target: string[]; failureSummary?: string }[];
          }[];
        }>;
      };
      const axe = (globalThis as unknown as { axe: Axe }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
    },
    [...WCAG, 'best-practice'],
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join(' | ')}`,
  );
}

interface DomNode {
  nodeId: number;
  localName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The markup of Touchpoint's closed shadow roots on a page (the overlay's and the tagging
 * tools'), their styles included, read through the DevTools protocol: axe cannot enter a closed
 * root, and neither can the page (that is why it is closed).
 */
export async function shadowMarkup(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    const walk = (n: DomNode) => {
      if (n.localName === 'touchpoint-overlay') hosts.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    const out: string[] = [];
    for (const host of hosts) {
      for (const shadow of host.shadowRoots ?? []) {
        const parts = await Promise.all(
          (shadow.children ?? []).map(
            async (c) =>
              ((await cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId })) as { outerHTML: string }).outerHTML,
          ),
        );
        // The form's frame is scanned where it is (axeFrameViolations); its copy keeps the element
        // (its title is checked) without loading the page.
        out.push(parts.join('').replace(/(<iframe\b[^>]*?)\ssrc="[^"]*"/g, '$1'));
      }
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * A page of the extension's context showing copies of shadow-root markup, each in an open shadow
 * root on a host of its own: the same markup and CSS, laid out the same, where axe and layout
 * checks can reach them. `size` is the viewport (a zoomed tab is a narrower one).
 */
export async function openCopies(
  context: BrowserContext,
  markup: string[],
  opts: { lang: string; size: { width: number; height: number } },
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(opts.size);
  await page.setContent(
    `<!doctype html><html lang="${opts.lang}"><head><title>Touchpoint</title></head><body></body></html>`,
  );
  await page.evaluate((parts) => {
    for (const html of parts) {
      const host = document.createElement('touchpoint-copy');
      host.attachShadow({ mode: 'open' }).innerHTML = html;
      document.body.append(host);
    }
  }, markup);
  return page;
}

/** The panel's boxes whose content must stay inside them. */
export const PANEL_BOXES = '.card, .walkbar, .view-tabs, .jtp, .jtag, .item, .subform, fieldset';

/**
 * What sticks out sideways: the page scrolling sideways, and every element drawn past the left
 * or right edge of the box (selector) that holds it. Hidden and empty boxes are skipped.
 */
export async function overflows(page: Page | Frame, boxes: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const roots: ParentNode[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const name = (el: Element) =>
      `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    for (const root of roots) {
      for (const box of root.querySelectorAll(sel)) {
        const b = box.getBoundingClientRect();
        if (b.width === 0) continue;
        if (box.scrollWidth > box.clientWidth + 1)
          out.push(`${name(box)} scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
        for (const el of box.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || getComputedStyle(el).position === 'fixed') continue;
          // The visually hidden text (sr-only) is a 1 px box on purpose.
          if (r.width <= 1 && r.height <= 1) continue;
          // Text running out of a box that lets it show (form fields and clipped boxes scroll or cut on purpose).
          const style = getComputedStyle(el);
          if (
            !['input', 'select', 'textarea'].includes(el.localName) &&
            style.overflowX === 'visible' &&
            el.clientWidth > 0 &&
            el.scrollWidth > el.clientWidth + 1
          )
            out.push(
              `${name(el)} text runs out: ${el.scrollWidth} > ${el.clientWidth} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
            );
          if (r.left < b.left - 1 || r.right > b.right + 1)
            out.push(
              `${name(el)} (${Math.round(r.left)}–${Math.round(r.right)}) outside ${name(box)} (${Math.round(b.left)}–${Math.round(b.right)}) "${(el.textContent ?? '').trim().slice(0, 40)}"`,
            );
        }
      }
    }
    return out;
  }, boxes);
}
