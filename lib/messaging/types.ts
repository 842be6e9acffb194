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
