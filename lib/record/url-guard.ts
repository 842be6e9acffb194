import type { RecorderContext } from '@/lib/model';
import { redactEventUrls } from '@/lib/privacy/event-urls';
import { redactUrl, typedParamsIn, type UrlPolicy } from '@/lib/privacy/url-policy';
import { submitsInUrl, watchTyped } from '@/lib/record/typed-values';
import type { DerivedSignal } from '@/lib/record/page-signals';

/**
 * The URL policy as one page's recorder applies it, before anything is serialised: the audit's
 * kept parameters, the walk's typed ones (from the context) plus those learned here, and the
 * values typed on this page (in memory only). Learned names are handed to `learn`, which records
 * them (names only) so the worker keeps them for the rest of the walk.
 */
export function createUrlGuard(
  doc: Document,
  ctx: Pick<RecorderContext, 'keepParams' | 'typedParams'>,
  signal: AbortSignal,
  learn: (names: string[]) => void,
) {
  const typed = watchTyped(doc, signal);
  const names = new Set<string>(Array.isArray(ctx.typedParams) ? ctx.typedParams : []);
  const keep = Array.isArray(ctx.keepParams) ? ctx.keepParams : [];
  let policy: UrlPolicy | null = null;
  let builtAt = -1;
  // The last URL redacted, under which policy: steps ask for the page's URL on every event.
  let last: { url: string; policy: UrlPolicy; out: string } | null = null;

  /** One policy object while nothing new is typed or learned: url-policy compiles it once. */
  function current(): UrlPolicy {
    if (!policy || builtAt !== typed.version) {
      policy = { keep, typed: [...names], typedValues: typed.values() };
      builtAt = typed.version;
    }
    return policy;
  }

  function add(found: string[]): void {
    const fresh = found.filter((n) => !names.has(n));
    if (fresh.length === 0) return;
    for (const n of fresh) names.add(n);
    policy = null;
    learn(fresh);
  }

  return {
    policy: current,
    redact(url: string): string {
      const p = current();
      if (last?.url !== url || last.policy !== p) last = { url, policy: p, out: redactUrl(url, p) };
      return last.out;
    },
    /** Redacts an rrweb event's URLs in place (its Meta href, its link attributes). */
    redactEvent(event: unknown, tagOf: (id: number) => string | undefined): void {
      redactEventUrls(event, current(), tagOf);
    },
    /**
     * A signal with its URLs redacted too. They are paths already (lib/record/page-signals.ts
     * `pathOnly`: stricter than the policy for query and fragment), but a script-made route or a
     * slow request's path can hold typed text (`/api/search/<typed>`): only this page knows it.
     */
    signal(s: DerivedSignal): DerivedSignal {
      const p = current();
      if (!p.typedValues?.length) return s;
      const detail = s.kind === 'slow-response' ? redactUrl(s.detail, p) : s.detail;
      return { ...s, url: redactUrl(s.url, p), detail };
    },
    /** The page's URL changed (a visit, a route change): parameters now holding typed text are typed. */
    visited(rawUrl: string): void {
      if (typed.version > 0) add(typedParamsIn(rawUrl, typed.values()));
    },
    /** A form is submitted: on a GET form, its typed fields' names will be the next URL's parameters. */
    submitted(form: EventTarget | null, submitter: Element | null): void {
      if (!form || (form as Element).tagName?.toLowerCase() !== 'form') return;
      const f = form as HTMLFormElement;
      if (submitsInUrl(f, submitter)) add(typed.namesIn(f));
    },
  };
}

export type UrlGuard = ReturnType<typeof createUrlGuard>;
