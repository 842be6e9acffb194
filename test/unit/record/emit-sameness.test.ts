import { redactEventUrls } from '@/lib/privacy/event-urls';
import { redactReference, referenceRedactor, type UrlPolicy } from '@/lib/privacy/url-policy';
import { maskTextAttributes } from '@/lib/record/mask-attributes';
import { StepDeriver } from '@/lib/record/steps';
import { stripOverlay } from '@/lib/record/strip-overlay';
import { walkEvents } from '../../fixtures/events/walk-events';
import { bigPageEvents, randomRefs } from '../support/big-page-events';
import { ODD_REFS, PAGE } from '../support/odd-urls';
import { oldRedactEventUrls, oldStripOverlay } from '../support/emit-reference';

/**
 * The recorder's per-event work was made cheaper (issue 15); what it stores must not change. The
 * new code runs beside the old (test/unit/support/emit-reference.ts) over the same events, and
 * every event, every removed id and every answer must be the same.
 */

const POLICIES: UrlPolicy[] = [
  { keep: ['n', 'run'], typed: [], typedValues: ['lisbon in may', 'Zq7hunter'] },
  {},
  { keep: ['q', 'page', 'x', 'n'], typed: ['q'] },
  { keep: ['x', 'b'], typedValues: ['1', 'été'] },
];

type Ev = { type: number; timestamp: number; data: Record<string, unknown> };
const tagOf = (id: number) => (id % 7 === 0 ? 'link' : id % 5 === 0 ? 'iframe' : id % 3 === 0 ? 'a' : undefined);

function run(events: Ev[], policy: UrlPolicy, impl: 'old' | 'new', maskAll: boolean) {
  const hidden = new Set<number>();
  const copy = structuredClone(events);
  const changed = copy.map((e) => {
    (impl === 'old' ? oldStripOverlay : stripOverlay)(e, hidden);
    if (maskAll) maskTextAttributes(e);
    return (impl === 'old' ? oldRedactEventUrls : redactEventUrls)(e, policy, tagOf);
  });
  return { json: copy.map((e) => JSON.stringify(e)), hidden: [...hidden].sort((a, b) => a - b), changed };
}

describe('the recorder’s emit path against the one before issue 15', () => {
  const big = bigPageEvents();

  it.each(POLICIES.map((p, i) => [i, p] as const))(
    'stores the 5,000-element page the same (policy %i)',
    (_, policy) => {
      for (const maskAll of [false, true]) {
        const before = run(big, policy, 'old', maskAll);
        const after = run(big, policy, 'new', maskAll);
        expect(after.hidden).toEqual(before.hidden);
        expect(after.changed).toEqual(before.changed);
        for (let i = 0; i < before.json.length; i++) expect(after.json[i], `event ${i}`).toBe(before.json[i]);
      }
    },
  );

  it('really hides the overlay and redacts: the comparison is not of two no-ops', () => {
    const { json, hidden } = run(big, POLICIES[0] ?? {}, 'new', false);
    expect(hidden.length).toBeGreaterThanOrEqual(5);
    expect(json[1]).not.toContain('touchpoint-overlay');
    expect(json[1]).toContain(`${PAGE}#trip-2"`);
    expect(json.join()).not.toMatch(/lisbon in may|Zq7hunter|token=abc/);
    expect(json[2]).not.toContain('"mine"');
  });

  it('stores the recorded walk fixture the same', () => {
    const events = walkEvents as unknown as Ev[];
    for (const policy of POLICIES) expect(run(events, policy, 'new', true)).toEqual(run(events, policy, 'old', true));
  });

  it.each(POLICIES.map((p, i) => [i, p] as const))(
    'redacts references as redactReference does (policy %i)',
    (_, policy) => {
      const redact = referenceRedactor(policy);
      const refs = [...ODD_REFS, ...randomRefs(7, 3000), ...ODD_REFS];
      for (const ref of refs) expect(redact(ref), ref).toBe(redactReference(ref, policy));
      expect(redact(42)).toBe(redactReference(42, policy));
    },
  );
});

describe('steps', () => {
  it('read the page’s title and redact its URL only for an event that makes a step', () => {
    const deriver = new StepDeriver();
    let titles = 0;
    let redactions = 0;
    const ctx = {
      url: PAGE,
      get title() {
        titles++;
        return 'Trips';
      },
      describe: () => null,
      redact: (u: string) => {
        redactions++;
        return u;
      },
    };
    const steps = bigPageEvents().map((e) => deriver.next(e, ctx));
    expect(steps.filter(Boolean).map((s) => s?.kind)).toEqual(['visit']);
    expect(titles).toBe(1);
    expect(redactions).toBe(2);
  });
});
