import type { ExtractContext, Extractor } from '@/lib/consistency/extractor';
import type { OffsitePlace } from '@/lib/consistency/divergence';
import { EXTRACTORS } from '@/lib/consistency/registry';
import type { FactKind } from '@/lib/model/fact';
import type { FactKind as OffsiteKind, OffsiteEvent } from '@/lib/model/offsite';

/**
 * What the auditor noted from a call, an email, a chat or a visit (lib/model/offsite.ts) as places
 * of the comparison's kinds, each traced to its event. The auditor writes values as people say
 * them ("91 234 56 78", "de lunes a viernes de 9 a 14"), so each is read by the same extractor that
 * reads pages (its `readValue`), which gives the kind's normalised format: the call's number and
 * the page's then compare equal when they are the same line.
 */

/** The off-site kinds with a counterpart among the page kinds. */
const KIND_OF: Partial<Record<OffsiteKind, FactKind>> = {
  phone: 'phone',
  email: 'email',
  price: 'price',
  hours: 'opening-hours',
  'delivery-time': 'promise',
  address: 'postal-address',
  // `policy` and `other` are kept out: free text with no normalised format, so two of them could
  // only be compared as strings, which would call every rewording a divergence.
};

/** One value an off-site event stated, normalised, and where it was stated. */
export interface OffsiteFact {
  kind: FactKind;
  value: string;
  place: OffsitePlace;
}

export interface OffsiteFacts {
  facts: OffsiteFact[];
  /** Facts whose value the kind's reader could not read: kept out, never guessed. */
  unreadable: number;
  /** Facts of kinds the comparison has no counterpart for (policy, other). */
  otherKinds: number;
}

function placeOf(e: OffsiteEvent, raw: string, label: string): OffsitePlace {
  return {
    type: 'offsite',
    walkId: e.walkId,
    eventId: e.id,
    touchpointId: e.touchpointId,
    channel: e.channel,
    raw: raw.slice(0, 500),
    label: label.slice(0, 200),
  };
}

function read(extractors: readonly Extractor[], kind: FactKind, text: string, ctx: ExtractContext): string | null {
  const reader = extractors.find((x) => x.kind === kind)?.readValue;
  if (!reader) return null;
  try {
    const v = reader(text, ctx);
    return typeof v === 'string' && v.length > 0 && v.length <= 500 ? v : null;
  } catch {
    // A reader failing on one odd note loses that note only.
    return null;
  }
}

/** Every off-site event's facts and tone as places; `extractors` is for tests. */
export function offsiteFacts(
  events: readonly OffsiteEvent[],
  country: string,
  extractors: readonly Extractor[] = EXTRACTORS,
): OffsiteFacts {
  const out: OffsiteFacts = { facts: [], unreadable: 0, otherKinds: 0 };
  const ctx: ExtractContext = { country, view: null };
  for (const e of events) {
    for (const f of e.facts) {
      const kind = KIND_OF[f.kind];
      if (!kind) {
        out.otherKinds++;
        continue;
      }
      const value = read(extractors, kind, f.value, ctx);
      if (value === null) out.unreadable++;
      else out.facts.push({ kind, value, place: placeOf(e, f.value, f.subject) });
    }
    // The register the person on the other end used: formal ≈ usted, informal ≈ tú (compare.ts).
    const formality = e.tone.formality;
    if (formality) out.facts.push({ kind: 'formality', value: formality, place: placeOf(e, formality, '') });
  }
  return out;
}
