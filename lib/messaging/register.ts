import { browser } from 'wxt/browser';
import { browserSelf, type Self, type SenderContext, senderContext } from '@/lib/messaging/sender';
import type { Envelope, Handler, MessageName, Reply, Sender } from '@/lib/messaging/types';

// No zod here: content scripts register their handlers through this file too (see client.ts).

export type { Sender } from '@/lib/messaging/types';
export type Handlers = { [K in MessageName]?: Handler<K> };
/** Parses a request's payload, or returns an error message. */
export type Validate = (
  name: MessageName,
  payload: unknown,
) => { ok: true; value: unknown } | { ok: false; error: string };

export interface DispatchOptions {
  /** The contexts that may send a message (the protocol's `from`); any other sender is refused. */
  senders: (name: MessageName) => readonly SenderContext[];
  /** Parses every payload where messages cross a trust boundary (the worker hears content scripts). */
  validate?: Validate;
  /**
   * The worker answers every message, an unknown one with an error. Pages and content scripts
   * must not: in Chrome the first context to answer wins, and the message may be another's.
   */
  answerUnknown?: boolean;
}

const refuse = (error: string): Promise<Reply> => Promise.resolve({ ok: false, error });

/**
 * One message through one context's handlers: undefined when the message is left for another
 * listener, otherwise the reply. Pure (no `browser`), so the trust boundary unit-tests in Node.
 */
export function dispatch(
  handlers: Handlers,
  options: DispatchOptions & { self: Self },
  raw: unknown,
  sender: Sender,
): Promise<Reply> | undefined {
  const envelope = (typeof raw === 'object' ? raw : null) as Partial<Envelope> | null;
  const name = envelope?.type as MessageName;
  const handler = typeof name === 'string' && Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!handler) return options.answerUnknown ? refuse(`Unknown message: ${String(name).slice(0, 80)}.`) : undefined;
  const from = senderContext(sender, options.self);
  if (!from || !options.senders(name).includes(from)) {
    return refuse(`${name} may not come from ${from ?? 'outside Touchpoint'}.`);
  }
  const parsed = options.validate?.(name, envelope?.payload) ?? { ok: true, value: envelope?.payload };
  if (!parsed.ok) return refuse(parsed.error);
  // Run inside a promise: a handler that throws before its first await still answers an error.
  return Promise.resolve()
    .then(() => (handler as (p: unknown, s: Sender) => Promise<unknown>)(parsed.value, sender))
    .then(
      (value): Reply => ({ ok: true, value: value ?? null }),
      (e: unknown): Reply => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
}

/** Registers one context's handlers in one place (see `dispatch` for what is answered). */
export function registerHandlers(handlers: Handlers, options: DispatchOptions & { signal?: AbortSignal }): void {
  const checked = { ...options, self: browserSelf() };
  const listener = (raw: unknown, sender: Sender) => dispatch(handlers, checked, raw, sender);
  browser.runtime.onMessage.addListener(listener);
  options.signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
