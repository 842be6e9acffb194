import type { eventWithTime } from '@rrweb/types';
import { useEffect, useRef } from 'preact/hooks';
import rrwebPlayer from 'rrweb-player';
import { t } from '@/lib/i18n';
import { namePlayerControls } from '@/components/replay/player-a11y';
import { recordedViewport } from '@/lib/replay/decode';
import { playerSize } from '@/lib/replay/player-size';
import type { RecordedEvent } from '@/lib/model';
import type { SeekRequest } from '@/components/replay/model/replay-model';

/**
 * The part of rrweb-player used here. Its typings extend Svelte's component class, and Svelte is
 * bundled inside the package rather than installed, so `$set`/`$destroy` are typed by hand.
 */
interface PlayerHandle {
  goto(timeOffset: number, play?: boolean): void;
  addEventListener(event: string, handler: (params: unknown) => unknown): void;
  triggerResize(): void;
  $set(props: { width: number; height: number }): void;
  $destroy(): void;
}

/** Room kept below the player for the page chrome, so the controls stay on screen. */
const CHROME_HEIGHT = 300;

export interface ReplayPlayerProps {
  events: RecordedEvent[];
  seek: SeekRequest | null;
  /** The player's clock, in ms from the first event. */
  onTime: (offset: number) => void;
}

/**
 * rrweb-player on one page load. Only the default replayer options are used: they render into
 * an iframe sandboxed without `allow-scripts`, so nothing recorded can run here. (Options such as
 * `UNSAFE_replayCanvas` would add it; never pass them.)
 */
export function ReplayPlayer({ events, seek, onTime }: ReplayPlayerProps) {
  const host = useRef<HTMLElement>(null);
  const player = useRef<PlayerHandle | null>(null);
  // Read by the player's callbacks, which outlive a render.
  const latest = useRef({ seek, onTime });
  latest.current = { seek, onTime };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const viewport = recordedViewport(events);
    const size = () => playerSize({ width: el.clientWidth, height: window.innerHeight - CHROME_HEIGHT }, viewport);
    let last = size();
    // The events passed the envelope check (type, timestamp); their payload is rrweb's own.
    const p = new rrwebPlayer({
      target: el,
      props: { events: events as unknown as eventWithTime[], ...last, autoPlay: false, showController: true },
    }) as unknown as PlayerHandle;
    player.current = p;
    const nameState = namePlayerControls(el);
    p.addEventListener('ui-update-player-state', (detail) => nameState((detail as { payload?: unknown }).payload));
    p.addEventListener('ui-update-current-time', (detail) => {
      const offset = (detail as { payload?: unknown }).payload;
      if (typeof offset === 'number') latest.current.onTime(offset);
    });
    const pending = latest.current.seek;
    if (pending) p.goto(pending.offset, false);
    const resize = () => {
      const next = size();
      if (next.width === last.width && next.height === last.height) return;
      last = next;
      p.$set(next);
      p.triggerResize();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener('resize', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', resize);
      player.current = null;
      p.$destroy();
    };
  }, [events]);

  useEffect(() => {
    if (seek) player.current?.goto(seek.offset, false);
  }, [seek]);

  return <section class="rp-player" ref={host} aria-label={t('replayPlayerLabel')} />;
}
