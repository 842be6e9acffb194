// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Overlay } from '@/components/overlay/Overlay';
import { createOverlayModel } from '@/components/overlay/overlay-model';
import { rendersDuring } from '../support/renders';

vi.mock('@/lib/i18n', async () => (await import('../support/i18n')).englishI18n());

function mount(init: { paused?: boolean; now?: () => number } = {}) {
  const model = createOverlayModel({
    personaName: 'Ana',
    startedAt: 0,
    paused: init.paused ?? false,
    now: init.now ?? (() => 0),
  });
  const calls = { tag: 0, score: 0, showTags: [] as boolean[] };
  render(
    <Overlay
      model={model}
      viewport={() => ({ width: 1000, height: 800 })}
      onPause={() => undefined}
      onEnd={() => undefined}
      onTag={() => calls.tag++}
      onScore={() => calls.score++}
      onShowTags={(on) => {
        calls.showTags.push(on);
        model.showTags.value = on;
      }}
    />,
  );
  return { model, calls };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('the overlay’s clock', () => {
  it('ticks alone, outside the live region: the rest of the overlay is not redrawn', async () => {
    let now = 0;
    const { model } = mount({ now: () => now });
    const drawn = await rendersDuring(async () => {
      now = 61_000;
      model.tick();
      await waitFor(() => expect(screen.getByText('1:01')).toBeTruthy());
    });
    expect(drawn).toContain('time');
    expect(drawn).not.toContain(Overlay);
    expect(drawn).not.toContain('button');
    expect(screen.getByRole('status').textContent).toBe('Recording');
  });
});

describe('the overlay’s notices', () => {
  it('read a confirmation politely and a problem as an alert', async () => {
    const { model } = mount();
    model.say('Tag saved.');
    await waitFor(() => expect(screen.getByText('Tag saved.').getAttribute('role')).toBe('status'));
    model.say('Storage is full', 'alert');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full'));
    model.say(null);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('the overlay’s tagging controls', () => {
  it('start pick mode and the score form', () => {
    const { calls } = mount();
    fireEvent.click(button('Tag friction'));
    fireEvent.click(button('Score touchpoint'));
    expect(calls).toMatchObject({ tag: 1, score: 1 });
  });

  it('wait while a form is open or the walk is paused', async () => {
    const { model, calls } = mount();
    model.mode.value = 'tagging';
    await waitFor(() => expect(button('Tag friction').disabled).toBe(true));
    expect(button('Score touchpoint').disabled).toBe(true);
    model.mode.value = 'idle';
    await waitFor(() => expect(button('Tag friction').disabled).toBe(false));
    model.status.value = 'paused';
    await waitFor(() => expect(button('Tag friction').disabled).toBe(true));
    fireEvent.click(button('Tag friction'));
    expect(calls.tag).toBe(0);
  });

  it('toggle the markers, showing the state as pressed', async () => {
    const { calls } = mount();
    expect(button('Show tags').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button('Show tags'));
    expect(calls.showTags).toEqual([false]);
    await waitFor(() => expect(button('Show tags').getAttribute('aria-pressed')).toBe('false'));
  });

  it('take focus back when the tools they opened close', async () => {
    const { model } = mount();
    model.mode.value = 'scoring';
    model.refocus.value = 'score';
    model.mode.value = 'idle';
    await waitFor(() => expect(document.activeElement).toBe(button('Score touchpoint')));
    expect(model.refocus.value).toBeNull();
    model.refocus.value = 'tag';
    await waitFor(() => expect(document.activeElement).toBe(button('Tag friction')));
  });

  it('hide for the instant of a screenshot', async () => {
    const { model } = mount();
    const section = screen.getByRole('region', { name: /./ });
    model.hidden.value = true;
    await waitFor(() => expect(section.className).toContain('tp-hidden'));
    model.hidden.value = false;
    await waitFor(() => expect(section.className).not.toContain('tp-hidden'));
  });
});
