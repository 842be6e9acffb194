import { createOverlayModel } from '@/components/overlay/overlay-model';
import { createOverlayPort, type OverlayState, readOverlayPort, publishOverlayPort } from '@/components/overlay/port';

const init: OverlayState = {
  personaName: 'Ana',
  startedAt: 0,
  status: 'recording',
  notice: null,
  noticeKind: 'info',
  mode: 'idle',
  showTags: true,
  hidden: false,
  removed: false,
};
const noActions = { pause() {}, end() {}, tag() {}, score() {}, showTags() {} };

/** The overlay script's side, as entrypoints/overlay.content attaches it. */
function attachOverlay(port: ReturnType<typeof createOverlayPort>['port']) {
  const model = createOverlayModel({ personaName: '', startedAt: 0, paused: false, now: () => 5000 });
  const seen = { updates: 0, ticks: 0 };
  port.attach({
    update(s) {
      seen.updates++;
      model.sync(s);
    },
    refocus(button) {
      model.refocus.value = button;
    },
    tick() {
      seen.ticks++;
      model.tick();
    },
  });
  return { model, seen };
}

describe('the overlay port', () => {
  it('keeps what the recorder said before the overlay loaded, and shows it once it has', () => {
    const overlay = createOverlayPort(init, noActions, new AbortController().signal);
    overlay.set({ status: 'stopped' });
    overlay.say('Storage is full', 'alert');
    overlay.refocus('tag'); // a moment with no overlay to focus: nothing to keep
    overlay.tick();
    const { model, seen } = attachOverlay(overlay.port);
    expect(model.status.value).toBe('stopped');
    expect(model.notice.value).toBe('Storage is full');
    expect(model.noticeKind.value).toBe('alert');
    expect(model.personaName.value).toBe('Ana');
    expect(model.refocus.value).toBeNull();
    expect(seen).toEqual({ updates: 1, ticks: 0 });
  });

  it('passes every later change, focus request and tick to the loaded overlay', () => {
    const overlay = createOverlayPort(init, noActions, new AbortController().signal);
    const { model, seen } = attachOverlay(overlay.port);
    overlay.set({ mode: 'picking', hidden: true });
    expect([model.mode.value, model.hidden.value]).toEqual(['picking', true]);
    overlay.set({ mode: 'idle', hidden: false, showTags: false });
    expect([model.mode.value, model.hidden.value, model.showTags.value]).toEqual(['idle', false, false]);
    overlay.refocus('score');
    expect(model.refocus.value).toBe('score');
    overlay.tick();
    expect(model.elapsedMs.value).toBe(5000);
    expect(seen.ticks).toBe(1);
    // The recorder reads its own state back (overlay/command, walk/changed).
    expect(overlay.state.mode).toBe('idle');
    expect(overlay.port.state.showTags).toBe(false);
  });

  it('is found by the overlay script in the isolated world it shares with the recorder', () => {
    const life = new AbortController();
    const overlay = createOverlayPort(init, noActions, life.signal);
    publishOverlayPort(overlay.port);
    expect(readOverlayPort()).toBe(overlay.port);
    life.abort();
    expect(readOverlayPort()?.signal.aborted).toBe(true);
  });
});
