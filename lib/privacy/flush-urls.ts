import { redactEventUrls, typedParamsOfEvents } from '@/lib/privacy/event-urls';
import { redactUrl, type UrlPolicy } from '@/lib/privacy/url-policy';

interface WithUrl {
  url: string;
}

interface FlushLike {
  url: string;
  events: string;
  steps: WithUrl[];
  signals: WithUrl[];
}

/**
 * A recorder's flush with every URL it holds put through the URL policy where the worker receives
 * it: the mark's URL, the steps', the signals', and those inside the events (their Meta `href`,
 * link attributes). The recorder did it already; this is defence in depth, and costs a
 * re-serialisation only when something changed. `events` is the batch's events as parsed, redacted
 * in place. The parameter names the events declare as typed join the policy at once, and are
 * returned as `learned` (those the policy did not hold) for the walk to keep.
 */
export function redactFlush<B extends FlushLike>(
  batch: B,
  events: unknown[],
  policy: UrlPolicy,
): { batch: B; learned: string[] } {
  const known = new Set(policy.typed ?? []);
  const learned = typedParamsOfEvents(events).filter((n) => !known.has(n));
  const p: UrlPolicy = { keep: policy.keep ?? [], typed: [...known, ...learned] };
  let changed = false;
  for (const e of events) if (redactEventUrls(e, p)) changed = true;
  return {
    batch: {
      ...batch,
      url: redactUrl(batch.url, p),
      events: changed ? JSON.stringify(events) : batch.events,
      steps: batch.steps.map((s) => ({ ...s, url: redactUrl(s.url, p) })),
      signals: batch.signals.map((s) => ({ ...s, url: redactUrl(s.url, p) })),
    },
    learned,
  };
}
