import { t } from '@/lib/i18n';

/**
 * rrweb-player draws its controls without names: icon-only play and full-screen buttons, a
 * "skip inactive" switch whose label is empty (and English), and an untitled iframe. Its
 * markup is fixed inside the package, so the names are added to the DOM it drew, and the play
 * button's name follows the player's state (`ui-update-player-state`).
 */
export function namePlayerControls(host: HTMLElement): (state: unknown) => void {
  const buttons = host.querySelectorAll<HTMLButtonElement>('.rr-controller__btns > button');
  const play = buttons[0];
  // The speed buttons (1x, 2x…) say what they are; the last button is the full-screen one.
  const fullscreen = buttons.length > 1 ? buttons[buttons.length - 1] : undefined;
  fullscreen?.setAttribute('aria-label', t('replayFullscreen'));
  const skip = host.querySelector<HTMLInputElement>('.rr-controller .switch input[type="checkbox"]');
  const skipText = host.querySelector<HTMLElement>('.rr-controller .switch .label');
  if (skip && skipText) {
    skipText.textContent = t('replaySkipInactive');
    skipText.id = `${skip.id || 'skip'}-label`;
    skip.setAttribute('aria-labelledby', skipText.id);
  }
  host.querySelector('iframe')?.setAttribute('title', t('replayFrameTitle'));
  const named = (state: unknown) =>
    play?.setAttribute('aria-label', state === 'playing' ? t('replayPause') : t('replayPlay'));
  named('paused');
  return named;
}
