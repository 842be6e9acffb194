// @vitest-environment happy-dom
import { fireEvent, render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StepList } from '@/components/replay/StepList';
import { WalkTable } from '@/components/replay/WalkTable';
import type { Step, Walk } from '@/lib/model';
import { gunzip } from '@/lib/codec/gzip';
import type { ReplayWalk } from '@/lib/replay/load';
import { createReplayModel } from '@/components/replay/model/replay-model';
import { english, segment, step } from './helpers';

/** Recorded pages are hostile input: their text must reach the screen as text, never as markup. */
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const walk: Walk = {
  id: 'w',
  auditId: 'a',
  personaId: 'p',
  auditorName: HOSTILE,
  startUrl: 'https://ventura.example/',
  startedAt: 1_000,
  endedAt: 61_000,
  status: 'ended',
  endReason: 'auditor',
  tabIds: [1],
  openTabIds: [],
  eventCount: 1234,
  storedBytes: 20_345,
  rawBytes: 90_000,
  outcome: null,
};

describe('replay components', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(english as typeof fakeBrowser.i18n.getMessage);
  });

  it('renders a walk row’s recorded text as text, with a link to its replay', () => {
    const { container, getByRole } = render(<WalkTable rows={[{ walk, personaName: HOSTILE }]} />);
    expect(container.querySelector('img')).toBeNull();
    const link = getByRole('link');
    expect(link.textContent).toBe(HOSTILE);
    expect(link.getAttribute('href')).toBe('#walk=w');
    expect(container.textContent).toContain('1:00');
    expect(container.textContent).toContain('Ended by the auditor');
    expect(container.textContent).toContain('20.3 kB');
  });

  it('lists steps as text and seeks to the one clicked', () => {
    const hostileStep: Step = { ...step('s1', 2_000, 'r'), target: HOSTILE, title: HOSTILE };
    const replayWalk: ReplayWalk = {
      walk,
      personaName: 'Ana',
      auditName: 'Ventura',
      steps: [hostileStep, step('s2', 3_500, 'r', 'scroll')],
      tags: [],
      categories: [],
      segments: [segment('r', 1_500, [hostileStep])],
    };
    const model = createReplayModel({ db: () => Promise.reject(new Error('not used')), gunzip });
    const select = vi.spyOn(model, 'selectStep').mockResolvedValue(undefined);
    model.currentStepId.value = 's2';
    const { container, getAllByRole } = render(<StepList model={model} walk={replayWalk} />);
    expect(container.querySelector('img')).toBeNull();
    const buttons = getAllByRole('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.textContent).toContain(HOSTILE);
    expect(buttons[0]?.textContent).toContain('Click');
    expect(buttons[0]?.textContent).toContain('0:01');
    expect(buttons[1]?.getAttribute('aria-current')).toBe('step');
    fireEvent.click(buttons[0] as HTMLElement);
    expect(select).toHaveBeenCalledWith('s1');
  });
});
