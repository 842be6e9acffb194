import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import type { Protocol } from '@/lib/messaging/protocol';

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageName> = z.infer<Protocol[K]['request']>;
export type ResponseOf<K extends MessageName> = z.infer<Protocol[K]['response']>;

export interface Envelope {
  type: string;
  payload: unknown;
}
/** What travels back: an error crosses as a message, never as a thrown exception. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export type Sender = Browser.runtime.MessageSender;
/** Answers one message: gets the parsed payload, resolves with the answer or rejects with an error. */
export type Handler<K extends MessageName> = (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;

/** The messages the worker answers: every one of the protocol but the worker's own broadcasts. */
export type WorkerMessage = {
  [K in MessageName]: 'worker' extends Protocol[K]['from'][number] ? never : K;
}[MessageName];
/** One handler for each message the worker answers: a message left out does not compile. */
export type WorkerHandlers = { [K in WorkerMessage]: Handler<K> };
