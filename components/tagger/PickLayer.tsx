import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { TaggerModel } from '@/lib/state/tagger-model';
import type { TaggerController } from '@/lib/tagging/tagger';

/**
 * Pick mode: a transparent layer over the whole page catches the pointer, so the page's own
 * handlers never see the picking click; the element under the pointer is outlined.
 */
export function PickLayer({
  model,
  ctl,
  notice,
}: {
  model: TaggerModel;
  ctl: TaggerController;
  notice: (s: string) => void;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const pending = useRef<number | null>(null);
  useEffect(() => layer.current?.focus(), []);
  const box = model.hover.value;

  const onKey = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      Escape: () => {
        ctl.close();
        notice(t('pickCancelled'));
      },
      Enter: () => void ctl.pickAt(),
      ' ': () => void ctl.pickAt(),
      ArrowDown: () => ctl.step(1),
      ArrowRight: () => ctl.step(1),
      ArrowUp: () => ctl.step(-1),
      ArrowLeft: () => ctl.step(-1),
      Tab: () => ctl.step(e.shiftKey ? -1 : 1),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };

  return (
    <>
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
        onKeyDown={onKey}
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
