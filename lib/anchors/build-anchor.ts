import type { Anchor, AnchorRect, AnchorSize } from '@/lib/model/anchor';
import { ANCHOR_VERSION } from '@/lib/model/anchor-constants';
import { candidatesOf, type PageCandidates } from '@/lib/anchors/candidates';
import { type AnchorRoot, type Profile, profileOf } from '@/lib/anchors/profile';
import type { LabelIndex } from '@/lib/anchors/read-name';
import { sharedCounts } from '@/lib/anchors/score';
import { uniqueSelector } from '@/lib/anchors/selector';
import { fingerprint } from '@/lib/anchors/stable';
import { OPEN_POLICY, type TextPolicy, touchesBlocked } from '@/lib/record/privacy';

/**
 * Where the element is drawn, as the page measured it when the tag was pinned: layout exists only
 * in a real browser, so the caller passes it in (happy-dom has none).
 */
export interface AnchorGeometry {
  /** `getBoundingClientRect()`: relative to the viewport. */
  rect: AnchorRect;
  viewport: AnchorSize;
  /** `scrollX`/`scrollY` when measured, to make the rect relative to the document. */
  scroll: { x: number; y: number };
}

/** How far up the context is read (profile.ts CONTEXT_LEVELS), so a blocked ancestor there counts. */
const CONTEXT_REACH = 6;

/** Whether the text around `el` (its context) could hold a blocked element's text. */
function contextTouchesBlocked(el: Element, policy: TextPolicy): boolean {
  let p = el.parentElement;
  for (let i = 0; p && i < CONTEXT_REACH; i++, p = p.parentElement) if (touchesBlocked(p, policy)) return true;
  return false;
}

/** The elements an accessible name is read from besides `el`: its labels and aria-labelledby refs. */
function namers(el: Element): Element[] {
  const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
  const scope = el.getRootNode() as Partial<Document>;
  const ids = el.getAttribute('aria-labelledby')?.trim().split(/\s+/) ?? [];
  const refs = typeof scope.getElementById === 'function' ? ids.map((id) => scope.getElementById?.(id)) : [];
  return [...labels, ...refs.filter((r): r is HTMLElement => r != null)];
}

/**
 * The profile with the page's text taken out where the audit's privacy options hide it: the name,
 * text and context fingerprints (their hashes too: a hash confirms a guess) and the placeholder.
 * A feature an anchor records nothing for is left out of a find's score (score.ts), so the anchor
 * still finds its element by its attributes, classes, ancestors, selector and position.
 */
function withoutHiddenText(el: Element, profile: Profile, policy: TextPolicy): Profile {
  const own =
    policy.maskAll ||
    touchesBlocked(el, policy) ||
    (policy.blocked !== null && namers(el).some((n) => touchesBlocked(n, policy)));
  const around = policy.maskAll || contextTouchesBlocked(el, policy);
  if (!own && !around) return profile;
  const { placeholder: _placeholder, ...attributes } = profile.attributes;
  return {
    ...profile,
    name: own ? '' : profile.name,
    text: own ? fingerprint('') : profile.text,
    context: around ? fingerprint('') : profile.context,
    attributes: own ? attributes : profile.attributes,
  };
}

/**
 * An anchor for `el`, read within `root` (its document, a shadow root, or a subtree). Reads only
 * what the site authored: never a field's value, never the text of a contenteditable region, and
 * none of the text the audit's privacy options hide (`policy`).
 */
export function buildAnchor(
  el: Element,
  root: AnchorRoot,
  geometry?: AnchorGeometry,
  policy: TextPolicy = OPEN_POLICY,
  /** Shared by the anchors built on one page that does not change (lib/anchors/candidates.ts). */
  page?: PageCandidates,
): Anchor {
  const labels: LabelIndex = page?.labels ?? new WeakMap();
  const position = geometry
    ? {
        rect: {
          x: geometry.rect.x + geometry.scroll.x,
          y: geometry.rect.y + geometry.scroll.y,
          width: geometry.rect.width,
          height: geometry.rect.height,
        },
        viewport: geometry.viewport,
      }
    : null;
  const draft: Anchor = {
    v: ANCHOR_VERSION,
    selector: uniqueSelector(el, root),
    ...withoutHiddenText(el, profileOf(el, root, labels), policy),
    shared: {},
    position,
  };
  // The page compared with its own anchor: what the element shares with others now, a later find
  // cannot rely on, even if the others are gone by then.
  const counts = sharedCounts(candidatesOf(draft, root, { hit: null, labels }, page).map((c) => c.features));
  const shared = Object.fromEntries([...counts].filter(([, n]) => n >= 2));
  // Not parsed here: this runs in a content script, which has no zod. The worker parses every anchor
  // it receives (TagDraft), and the unit tests parse what this builds.
  return { ...draft, shared };
}
