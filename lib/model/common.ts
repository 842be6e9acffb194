import { z } from 'zod';

// zod compiles validators with `new Function` unless told otherwise; extension pages forbid
// eval under MV3's CSP, and addons-linter flags it.
z.config({ jitless: true });

export const Id = z.string().min(1).max(80);
export const Timestamp = z.number().int().nonnegative();
/** http(s) URLs only: a walk never starts on file:, data: or extension pages. */
export const WebUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(4096);

/** `https://shop.example:8443`, the unit Touchpoint asks host permission for. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** The match pattern that grants an origin: ports are not part of Chrome's match patterns. */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
