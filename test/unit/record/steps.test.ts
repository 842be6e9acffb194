import { EventType, type eventWithTime, IncrementalSource, MouseInteractions } from '@rrweb/types';
import { PageStep } from '@/lib/model';
import { type DerivedStep, StepDeriver, SUBMIT_TAG } from '@/lib/record/steps';
import {
  descriptions,
  expectedSteps,
  ids,
  PAGE_TITLE,
  PAGE_URL,
  T0,
  walkEvents,
} from '../../fixtures/events/walk-events';

const ctx = (url = PAGE_URL) => ({ url, title: PAGE_TITLE, describe: (id: number) => descriptions[id] ?? null });

function derive(events: readonly eventWithTime[], url = PAGE_URL): DerivedStep[] {
  const deriver = new StepDeriver();
  return events.flatMap((e) => deriver.next(e, ctx(url)) ?? []);
}

const meta = (href: string, t = 0): eventWithTime => ({
  type: EventType.Meta,
  timestamp: T0 + t,
  data: { href, width: 1280, height: 800 },
});
const input = (id: number, t: number, isChecked = false): eventWithTime => ({
  type: EventType.IncrementalSnapshot,
  timestamp: T0 + t,
  data: { source: IncrementalSource.Input, id, text: '****', isChecked },
});
const click = (id: number, t: number): eventWithTime => ({
  type: EventType.IncrementalSnapshot,
  timestamp: T0 + t,
  data: { source: IncrementalSource.MouseInteraction, type: MouseInteractions.Click, id, x: 1, y: 1 },
});
const scroll = (y: number, t: number): eventWithTime => ({
  type: EventType.IncrementalSnapshot,
  timestamp: T0 + t,
  data: { source: IncrementalSource.Scroll, id: ids.document, x: 0, y },
});

describe('StepDeriver', () => {
  it('turns the recorded walk into the persona’s steps', () => {
    const steps = derive(walkEvents);
    expect(steps.map(({ kind, target }) => ({ kind, target }))).toEqual(expectedSteps);
    expect(steps[0]).toEqual({ at: T0, kind: 'visit', url: PAGE_URL, title: PAGE_TITLE, target: null });
  });

  it('makes a visit of the first Meta event, with its href', () => {
    const steps = derive([meta('https://ventura.example/offers.html')], 'https://ventura.example/stale');
    expect(steps).toEqual([
      { at: T0, kind: 'visit', url: 'https://ventura.example/offers.html', title: PAGE_TITLE, target: null },
    ]);
  });

  it('makes no second visit for the Meta rrweb emits again on resume at the same URL', () => {
    expect(derive([meta(PAGE_URL), click(ids.termsLink, 10), meta(PAGE_URL, 20)]).map((s) => s.kind)).toEqual([
      'visit',
      'click',
    ]);
  });

  it('makes a visit when the URL changes under a running recorder (a client-side route)', () => {
    const deriver = new StepDeriver();
    deriver.next(meta(PAGE_URL), ctx());
    const step = deriver.next(scroll(50, 100), ctx('https://ventura.example/quote.html#step-2'));
    expect(step).toMatchObject({ kind: 'visit', url: 'https://ventura.example/quote.html#step-2' });
  });

  it('makes a click step described by describe(id), and nothing of other mouse interactions', () => {
    const describe = vi.fn((id: number) => descriptions[id] ?? null);
    const deriver = new StepDeriver();
    deriver.next(meta(PAGE_URL), { ...ctx(), describe });
    const focus: eventWithTime = {
      type: EventType.IncrementalSnapshot,
      timestamp: T0 + 5,
      data: { source: IncrementalSource.MouseInteraction, type: MouseInteractions.Focus, id: ids.nameInput },
    };
    expect(deriver.next(focus, { ...ctx(), describe })).toBeNull();
    expect(deriver.next(click(ids.submitButton, 10), { ...ctx(), describe })).toEqual({
      at: T0 + 10,
      kind: 'click',
      url: PAGE_URL,
      title: PAGE_TITLE,
      target: { kind: 'button', name: 'Send request' },
    });
    expect(describe).toHaveBeenCalledWith(ids.submitButton);
  });

  // rrweb 2 always sends `isChecked` (false for text fields): see @rrweb/record's input observer.
  it('folds consecutive inputs into one field into one input step', () => {
    const steps = derive([
      meta(PAGE_URL),
      input(ids.nameInput, 10),
      input(ids.nameInput, 20),
      input(ids.nameInput, 30),
    ]);
    expect(steps.map((s) => [s.kind, s.target])).toEqual([
      ['visit', null],
      ['input', { kind: 'field', name: 'Full name' }],
    ]);
  });

  it('starts a new input step for another field, or after a click', () => {
    const steps = derive([
      meta(PAGE_URL),
      input(ids.nameInput, 10),
      input(ids.emailInput, 20),
      click(ids.emailInput, 30),
      input(ids.emailInput, 40),
    ]);
    expect(steps.map((s) => [s.kind, s.target])).toEqual([
      ['visit', null],
      ['input', { kind: 'field', name: 'Full name' }],
      ['input', { kind: 'field', name: 'Email' }],
      ['click', { kind: 'field', name: 'Email' }],
      ['input', { kind: 'field', name: 'Email' }],
    ]);
  });

  it('folds a run of scrolls into one scroll step; a scroll after another step starts a new one', () => {
    const steps = derive([
      meta(PAGE_URL),
      scroll(1, 10),
      scroll(2, 20),
      scroll(3, 30),
      click(ids.termsLink, 40),
      scroll(4, 50),
    ]);
    expect(steps.map((s) => [s.kind, s.at])).toEqual([
      ['visit', T0],
      ['scroll', T0 + 10],
      ['click', T0 + 40],
      ['scroll', T0 + 50],
    ]);
  });

  it('makes a submit step of the custom submit event, and ignores other custom events', () => {
    const custom = (tag: string, payload: unknown): eventWithTime => ({
      type: EventType.Custom,
      timestamp: T0 + 10,
      data: { tag, payload },
    });
    const deriver = new StepDeriver();
    deriver.next(meta(PAGE_URL), ctx());
    expect(deriver.next(custom('other', { target: 'x' }), ctx())).toBeNull();
    expect(deriver.next(custom(SUBMIT_TAG, { target: { kind: 'form', name: 'Quote request' } }), ctx())).toMatchObject({
      kind: 'submit',
      target: { kind: 'form', name: 'Quote request' },
    });
    expect(deriver.next(custom(SUBMIT_TAG, { target: null }), ctx())).toMatchObject({ kind: 'submit', target: null });
    // A recording made before targets were structured names the form in a sentence: kept as it is.
    expect(deriver.next(custom(SUBMIT_TAG, { target: 'form "Quote"' }), ctx())).toMatchObject({
      target: 'form "Quote"',
    });
  });

  it('derives steps that fit the model whatever the page’s title and URL', () => {
    // A step that breaks PageStep's limits makes the whole FlushBatch fail validation in the
    // worker, and the recorder then retries that batch forever.
    const longUrl = `https://ventura.example/search?q=${'x'.repeat(5000)}`;
    const deriver = new StepDeriver();
    const long = { ...ctx(longUrl), title: 'Ventura Viajes | '.repeat(40) };
    const steps = [meta(longUrl), click(ids.termsLink, 10)].map((e) => deriver.next(e, long));
    for (const step of steps) expect(PageStep.safeParse({ ...step, seq: 0 }).error).toBeUndefined();
  });

  it('derives nothing from snapshots, mutations and mouse moves', () => {
    const quiet = walkEvents.filter(
      (e) =>
        e.type === EventType.FullSnapshot ||
        (e.type === EventType.IncrementalSnapshot &&
          [IncrementalSource.Mutation, IncrementalSource.MouseMove].includes(e.data.source)),
    );
    expect(quiet.length).toBeGreaterThan(2);
    const deriver = new StepDeriver();
    deriver.next(meta(PAGE_URL), ctx());
    for (const e of quiet) expect(deriver.next(e, ctx())).toBeNull();
  });
});
