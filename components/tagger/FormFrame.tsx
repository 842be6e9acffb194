import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { Category } from '@/lib/model';
import { type FrameActions, linkFormFrame } from '@/components/tagger/model/form-link';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';

/**
 * The open tag or score form, in an extension page framed here (entrypoints/tag-form): what the
 * auditor types there never passes through the walked page, whose capture-phase listeners on
 * window and document would otherwise see every key before the shadow root stops it. The frame
 * takes its content's height; focus goes into it when the form opens and when its fields appear.
 */
export function FormFrame({
  model,
  ctl,
  categories,
}: {
  model: TaggerModel;
  ctl: FrameActions;
  categories: readonly Category[];
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  // A frame the page navigated away is replaced by a new one, with a new nonce.
  const [generation, setGeneration] = useState(0);
  const [height, setHeight] = useState(48);
  const [linked, setLinked] = useState<number | null>(null);
  const link = useMemo(
    () =>
      linkFormFrame({
        model,
        actions: ctl,
        categories,
        style: () => getComputedStyle(frame.current ?? document.documentElement),
        getURL: (path) => browser.runtime.getURL(path),
        // Chrome serves the per-session address (use_dynamic_url) as the extension's own origin.
        originOf: (src) =>
          src.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : new URL(src).origin,
        onHeight: setHeight,
      }),
    [generation],
  );
  useEffect(() => () => link.close(), [link]);

  const view = model.view.value;
  const waiting = model.editing.value === null;
  useEffect(() => {
    if (linked !== generation) return;
    frame.current?.focus();
    link.focus();
  }, [linked, generation, view, waiting]);

  return (
    <iframe
      key={generation}
      ref={frame}
      class="tg-frame"
      title={view === 'score' ? t('scoreTouchpoint') : t('tagFriction')}
      src={link.src}
      style={{ height: `${height}px` }}
      onLoad={() => {
        if (frame.current && link.loaded(frame.current)) setLinked(generation);
        else setGeneration((g) => g + 1);
      }}
    />
  );
}
