import { batch } from '@preact/signals';
import { type FromFrame, Handshake, type ModelValue, ToFrame } from '@/components/tagger/frame/messages';
import type { TaggerModel } from '@/components/tagger/model/tagger-model';

export type FrameInit = Extract<ToFrame, { type: 'init' }>;

/**
 * The form frame's end of its link to the tagger. The walked page can reach this frame's window
 * (`window.frames`) and post to it, but cannot read its URL: the one message accepted on the
 * window is the handshake carrying the nonce of this frame's URL, with the port. After that the
 * window is not listened to, and only the port speaks; each of its messages is parsed, and one
 * that does not parse is dropped.
 */
export function acceptLink(opts: {
  win: Window;
  model: TaggerModel;
  onInit: (init: FrameInit) => void;
  onFocus: () => void;
}): { post(m: FromFrame): void } {
  const { win, model } = opts;
  const nonce = win.location.hash.slice(1);
  let port: MessagePort | null = null;

  const set = ({ key, value }: ModelValue) => {
    // Each key with its own value's type: the union is split by the schema that parsed it.
    (model[key] as { value: unknown }).value = value;
  };

  function receive(e: MessageEvent): void {
    const m = ToFrame.safeParse(e.data);
    if (!m.success) {
      console.warn('Touchpoint form: message refused', m.error.issues[0]?.message);
      return;
    }
    if (m.data.type === 'init') opts.onInit(m.data);
    else if (m.data.type === 'set') {
      const value = m.data.set;
      batch(() => set(value));
    } else opts.onFocus();
  }

  function handshake(e: MessageEvent): void {
    const h = Handshake.safeParse(e.data);
    const [p] = e.ports;
    if (!h.success || h.data.touchpointForm !== nonce || e.ports.length !== 1 || !p) return;
    win.removeEventListener('message', handshake);
    port = p;
    port.onmessage = receive;
  }
  if (Handshake.shape.touchpointForm.safeParse(nonce).success) win.addEventListener('message', handshake);

  return {
    post(m) {
      port?.postMessage(m);
    },
  };
}
