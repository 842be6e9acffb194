/**
 * Runs in the page's own world (scripting.executeScript, world MAIN) of a walk tab, once per
 * document: forwards the page's script errors to Touchpoint's isolated world, which Chrome does
 * not send them to, as a window message (see PAGE_ERROR_MESSAGE in lib/record/signals.ts; a
 * CustomEvent's detail does not cross worlds, a message's data does).
 * Self-contained: executeScript serialises the function, nothing it closes over travels with it.
 */
export function forwardPageErrors(): void {
  const w = window as Window & { __touchpointErrors?: true };
  if (w.__touchpointErrors) return;
  w.__touchpointErrors = true;
  const send = (text: string) =>
    window.postMessage({ touchpointPageError: String(text).slice(0, 500) }, window.location.origin);
  window.addEventListener('error', (e) => {
    // Resource errors carry no message; an error the page built and dispatched itself is not one.
    if (!(e instanceof ErrorEvent) || !e.message || !e.isTrusted) return;
    let where = '';
    try {
      const u = new URL(e.filename);
      where = ` (${u.origin}${u.pathname}:${e.lineno})`;
    } catch {
      // inline or eval'd script: no file to name
    }
    send(`${e.message}${where}`);
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (!e.isTrusted) return;
    const r: unknown = e.reason;
    send(`Unhandled rejection: ${r instanceof Error ? r.message : String(r)}`);
  });
}
