/** Calls `fn` until it resolves, up to `tries` times, waiting `delayMs` more after each failure. */
export async function withRetry<T>(fn: () => Promise<T>, tries = 4, delayMs = 150): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, delayMs * i));
    }
  }
}
