import { browser } from 'wxt/browser';
import { Refused } from '@/lib/messaging/refused';
import type { MessageName, Reply, RequestOf, ResponseOf } from '@/lib/messaging/types';

// No zod here: this file runs in the content script, where every kilobyte is paid on every page.
// Answers come from Touchpoint's own worker; requests are parsed where they arrive (register.ts).

function unwrap<K extends MessageName>(raw: unknown): ResponseOf<K> {
  const reply = raw as Reply | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error('No answer from Touchpoint.');
  if (!reply.ok) throw new Refused(reply.error);
  return reply.value as ResponseOf<K>;
}

/** Sends to the background (from a page, the panel or a content script). */
export async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return unwrap<K>(await browser.runtime.sendMessage({ type: name, payload }));
}

/** Sends to the content scripts of one tab. */
export async function sendToTab<K extends MessageName>(
  tabId: number,
  name: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  return unwrap<K>(await browser.tabs.sendMessage(tabId, { type: name, payload }));
}
