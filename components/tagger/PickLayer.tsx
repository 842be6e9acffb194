import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';
import type { TaggerController } from '@/components/tagger/model/tagger';

/**
 * Pick mode: a transparent layer over the whole page catches the pointer, so the page's own
 * handlers never see the picking click; the element under the pointer is outlined. Its keys
 * (arrows, Tab, Enter, Esc) are the controller's, caught on the window (lib/tagging/tagger.ts).
 */
export function PickLayer({ model, ctl }: { model: TaggerModel; ctl: TaggerController }) {
  const layer = useRef<HTMLDivElement>(null);
  const pending = useRef<number | null>(null);
  const box = model.hover.value;
  // Focus comes here, so that whatever had it on the page lets go of it.
  useLayoutEffect(() => layer.current?.focus(), []);

  return (
    <>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keys are caught on the window by the controller, to work wherever focus is */}
      <div
        ref={layer}
        class="tg-pick"
        role="application"
        tabIndex={-1}
        aria-label={t('pickHint')}
        onPointerMove={(e) => {
          const { clientX: x, clientY: y } = e;
          if (pending.current !== null) return;
          pending.current = requestAnimationFrame(() => {
            pending.current = null;
            ctl.hoverAt(x, y);
          });
        }}
        onPointerDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          void ctl.pickAt(e.clientX, e.clientY);
        }}
      />
      {box && (
        <div
          class="tg-outline"
          style={{ left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` }}
        >
          <span class="tg-outline-label">{model.hoverLabel.value}</span>
        </div>
      )}
      <div class="tg-hint-bar" role="status">
        <span>{t('pickHint')}</span>
        <button type="button" onClick={() => ctl.close()}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}
