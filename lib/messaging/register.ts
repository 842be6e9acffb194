import { type Browser, browser } from 'wxt/browser';
import type { Envelope, MessageName, ParsedRequestOf, ResponseOf } from '@/lib/messaging/types';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [K in MessageName]?: (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};
/** Parses a request's payload, or returns an error message. */
export type Validate = (
  name: MessageName,
  payload: unknown,
) => { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Registers one context's handlers in one place. Messages it does not handle are left for other
 * listeners. `validate` parses every payload where messages cross a trust boundary (the
 * background hears content scripts, which run next to a hostile page).
 */
export function registerHandlers(
  handlers: Handlers,
  options: { validate?: Validate; signal?: AbortSignal } = {},
): void {
  const listener = (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const envelope = raw as Partial<Envelope> | undefined;
    const name = envelope?.type as MessageName | undefined;
    if (typeof name !== 'string' || !Object.hasOwn(handlers, name)) return undefined;
    const handler = handlers[name] as (p: unknown, s: Sender) => Promise<unknown>;
    const parsed = options.validate
      ? options.validate(name, envelope?.payload)
      : { ok: true as const, value: envelope?.payload };
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return handler(parsed.value, sender).then(
      (value) => ({ ok: true, value: value ?? null }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  options.signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
