/**
 * What the persona typed on this page, held in memory by the recorder so that no URL it stores
 * keeps it (lib/privacy/url-policy.ts `typedValues`), and the names of a GET form's typed fields
 * (they become URL parameters on the next page). Values never leave this object: they are not
 * stored, not sent, and go with the page.
 */

/** A page can have many fields; a few dozen typed into is already a long form. */
const MAX_FIELDS = 100;
/** Longer than this is a pasted document, not something a URL carries whole. */
const MAX_VALUE = 2000;

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

function fieldValue(el: Field): string {
  const v =
    'value' in el && typeof el.value === 'string' ? el.value : el.isContentEditable ? (el.textContent ?? '') : '';
  return v.trim().slice(0, MAX_VALUE);
}

function isTypingField(el: EventTarget | null | undefined): el is Field {
  if (!el || typeof (el as Element).tagName !== 'string') return false;
  const tag = (el as Element).tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || (el as HTMLElement).isContentEditable === true;
}

export function watchTyped(doc: Document, signal: AbortSignal) {
  /** Every field typed into, with the longest-lived value it had: a script may clear it on submit. */
  const typed = new Map<Field, Set<string>>();
  let version = 0;
  doc.addEventListener(
    'input',
    (e) => {
      // A page's synthetic event is not the persona typing; it could only make redaction broader.
      if (!e.isTrusted) return;
      const el = e.composedPath()[0];
      if (!isTypingField(el)) return;
      let seen = typed.get(el);
      if (!seen) {
        if (typed.size >= MAX_FIELDS) return;
        seen = new Set();
        typed.set(el, seen);
      }
      // Keystrokes build the value one character at a time: the value now replaces its prefixes.
      const value = fieldValue(el);
      for (const old of seen) if (value.startsWith(old) || old === '') seen.delete(old);
      if (value !== '') seen.add(value);
      version++;
    },
    { capture: true, signal },
  );
  return {
    /** Grows each time something is typed: what policies built on `values()` compare to go stale. */
    get version() {
      return version;
    },
    /** The values typed on this page (the current one of each field, and earlier ones it had). */
    values(): string[] {
      const out = new Set<string>();
      for (const [el, seen] of typed) {
        for (const v of seen) out.add(v);
        const now = fieldValue(el);
        if (now !== '') out.add(now);
      }
      return [...out];
    },
    /**
     * The names a GET submission of `form` gives the fields the persona typed into: the URL
     * parameters that will carry typed text. Fields the persona left alone are not named.
     */
    namesIn(form: HTMLFormElement): string[] {
      const names: string[] = [];
      for (const el of Array.from(form.elements)) {
        const name = (el as HTMLInputElement).name;
        if (typeof name === 'string' && name !== '' && typed.has(el as Field)) names.push(name);
      }
      return names;
    },
  };
}

/** Whether submitting `form` (with `submitter`) puts its fields in the URL: a GET form. */
export function submitsInUrl(form: HTMLFormElement, submitter: Element | null): boolean {
  const override = submitter?.getAttribute('formmethod');
  const method = (override ?? form.getAttribute('method') ?? 'get').toLowerCase();
  return method !== 'post' && method !== 'dialog';
}

export type TypedValues = ReturnType<typeof watchTyped>;
