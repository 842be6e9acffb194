// The form frame for happy-dom: TaggerApp's FormFrame replaced by the frame's own page
// (FormApp), linked to the tagger's model through the real link (form-link.ts and
// frame-link.ts) over a MessageChannel, in the same document instead of an extension page.
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Category } from '@/lib/model';
import { cancelOnEscape } from '@/components/tagger/frame/escape';
import { FormApp } from '@/components/tagger/frame/FormApp';
import { acceptLink } from '@/components/tagger/frame/frame-link';
import { type FrameActions, linkFormFrame } from '@/components/tagger/model/form-link';
import { createTaggerModel, type TaggerModel } from '@/components/tagger/model/tagger-model';
import type { FormActions } from '@/components/tagger/TagForm';

const ORIGIN = 'chrome-extension://test';

export function StubFormFrame({
  model,
  ctl,
  categories,
}: {
  model: TaggerModel;
  ctl: FrameActions;
  categories: readonly Category[];
}) {
  const [linked, setLinked] = useState(false);
  const frame = useMemo(() => {
    const link = linkFormFrame({
      model,
      actions: ctl,
      categories,
      style: () => getComputedStyle(document.documentElement),
      getURL: (path) => `${ORIGIN}${path}`,
      originOf: () => ORIGIN,
      onHeight: () => undefined,
    });
    const win = new EventTarget() as EventTarget & { location: { hash: string } };
    win.location = { hash: new URL(link.src).hash };
    const mirror = createTaggerModel();
    const cats = signal<Category[]>([]);
    const focusAsk = signal(0);
    const end = acceptLink({
      win: win as unknown as Window,
      model: mirror,
      onInit: (i) => {
        cats.value = i.categories;
      },
      onFocus: () => {
        focusAsk.value += 1;
      },
    });
    const actions: FormActions = {
      saveTag: () => end.post({ type: 'save' }),
      saveScore: () => end.post({ type: 'save' }),
      deleteTag: () => end.post({ type: 'delete' }),
      close: () => end.post({ type: 'cancel' }),
      edited(form) {
        const editing = mirror.editing.peek();
        if (form === 'tag' && editing) end.post({ type: 'tag-draft', draft: editing.draft });
        else end.post({ type: 'score-draft', draft: mirror.scoreDraft.peek() });
      },
    };
    const element = {
      contentWindow: {
        postMessage: (data: unknown, origin: string, ports: MessagePort[]) => {
          if (origin === ORIGIN) win.dispatchEvent(new MessageEvent('message', { data, ports }));
        },
      },
    } as unknown as HTMLIFrameElement;
    return { link, mirror, cats, focusAsk, actions, element };
  }, []);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The frame's window: Esc is listened to there, as in the frame's page.
    if (root.current) cancelOnEscape(root.current as unknown as Window, frame.actions.close);
    if (frame.link.loaded(frame.element)) setLinked(true);
    return () => frame.link.close();
  }, []);
  const view = model.view.value;
  const waiting = model.editing.value === null;
  useEffect(() => {
    if (linked) frame.link.focus();
  }, [linked, view, waiting]);
  return (
    <div ref={root}>
      <FormApp model={frame.mirror} actions={frame.actions} categories={frame.cats} focusAsk={frame.focusAsk} />
    </div>
  );
}
