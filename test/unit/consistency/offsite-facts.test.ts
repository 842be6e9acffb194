import type { Extractor } from '@/lib/consistency/extractor';
import { offsiteFacts } from '@/lib/consistency/offsite-facts';
import { HOURS, offsite, P1, READERS, readers } from './compare-samples';

describe('offsiteFacts', () => {
  it('reads each noted value through its kind’s reader, traced to its event', () => {
    const events = [
      offsite('call-1', 'phone', [
        { kind: 'phone', subject: 'support line', value: '91 000 00 01' },
        { kind: 'delivery-time', subject: '', value: 'en 2 o 3 días laborables' },
        { kind: 'price', subject: 'Lisboa', value: '519 €' },
      ]),
      offsite('mail-1', 'email', [
        { kind: 'hours', subject: '', value: 'L-V de 9 a 14' },
        { kind: 'email', subject: '', value: 'INFO@ventura.example' },
      ]),
    ];
    const { facts, unreadable, otherKinds } = offsiteFacts(events, 'ES', READERS);
    expect(facts.map((f) => [f.kind, f.value, f.place.eventId, f.place.channel])).toEqual([
      ['phone', P1, 'call-1', 'phone'],
      ['promise', 'delivery 2-3 wd', 'call-1', 'phone'],
      ['price', 'EUR 519.00', 'call-1', 'phone'],
      ['opening-hours', HOURS, 'mail-1', 'email'],
      ['email', 'info@ventura.example', 'mail-1', 'email'],
    ]);
    expect(facts[0]?.place).toEqual({
      type: 'offsite',
      walkId: 'walk-1',
      eventId: 'call-1',
      touchpointId: 'tp-phone',
      channel: 'phone',
      raw: '91 000 00 01',
      label: 'support line',
    });
    expect([unreadable, otherKinds]).toEqual([0, 0]);
  });

  it('reads what an auditor writes with the extractors’ own readers by default', () => {
    const events = [
      offsite('call', 'phone', [
        { kind: 'phone', subject: '', value: '91 234 56 78' },
        { kind: 'hours', subject: '', value: 'lunes a viernes de 9:00 a 14:00' },
        { kind: 'delivery-time', subject: '', value: 'de 5 a 7 días laborables' },
        { kind: 'address', subject: '', value: 'C/ Mayor 12, 28013 Madrid' },
        { kind: 'email', subject: '', value: 'Hola@Ventura.Example' },
        { kind: 'price', subject: 'Lisboa', value: '519 €' },
        { kind: 'phone', subject: '', value: 'ask for Marta' },
      ]),
    ];
    const r = offsiteFacts(events, 'ES');
    expect(r.facts.map((f) => [f.kind, f.value])).toEqual([
      ['phone', '+34912345678'],
      ['opening-hours', HOURS],
      ['promise', 'delivery 5-7 wd'],
      ['postal-address', '28013 calle mayor 12'],
      ['email', 'hola@ventura.example'],
      ['price', 'EUR 519.00'],
    ]);
    expect(r.unreadable).toBe(1);
  });

  it('keeps out and counts a value its reader cannot read, and policy and other notes', () => {
    const events = [
      offsite('e', 'chat', [
        { kind: 'phone', subject: '', value: 'ask for Marta' },
        { kind: 'address', subject: '', value: 'Calle Mayor 12' },
        { kind: 'policy', subject: 'returns', value: '30 days' },
        { kind: 'other', subject: '', value: 'nice' },
      ]),
    ];
    // No reader at all for postal-address here: counted as unreadable too, never guessed.
    expect(offsiteFacts(events, 'ES', READERS)).toEqual({ facts: [], unreadable: 2, otherKinds: 2 });
  });

  it('passes the audit’s country to the reader, and survives a reader that throws', () => {
    const seen: string[] = [];
    const spy: Extractor[] = [
      {
        kind: 'phone',
        extract: () => [],
        readValue: (text, ctx) => {
          seen.push(ctx.country);
          if (text === 'boom') throw new Error('bad');
          return text === 'x' ? 'x'.repeat(600) : '+34910000001';
        },
      },
    ];
    const events = [
      offsite('e', 'phone', [
        { kind: 'phone', subject: '', value: 'boom' },
        { kind: 'phone', subject: '', value: 'x' },
        { kind: 'phone', subject: '', value: '910000001' },
      ]),
    ];
    const r = offsiteFacts(events, 'PT', spy);
    expect(seen).toEqual(['PT', 'PT', 'PT']);
    expect(r.facts.map((f) => f.value)).toEqual(['+34910000001']);
    expect(r.unreadable).toBe(2);
  });

  it('makes the event’s tone a formality place', () => {
    const r = offsiteFacts([offsite('c', 'store', [], 'informal'), offsite('d', 'email', [], null)], 'ES', readers({}));
    expect(r.facts).toEqual([
      {
        kind: 'formality',
        value: 'informal',
        place: expect.objectContaining({ type: 'offsite', eventId: 'c', channel: 'store', raw: 'informal' }),
      },
    ]);
  });
});
