import { exportJsonParts } from '@/lib/export/json-parts';
import { AuditExport } from '@/lib/model/export';
import { exportJsonBlob } from '@/components/panel/model/json-blob';
import { makeExport } from '../report/make-export';

// The export written in pieces must be the very file one JSON.stringify gives: same bytes.

describe('the export JSON in pieces', () => {
  it('joins to exactly JSON.stringify of the file, walks and chunks split', () => {
    const file = AuditExport.parse(makeExport());
    // Enough chunks to span several pieces, with text a JSON encoder must escape.
    const walk = file.walks[0];
    if (!walk) throw new Error('fixture has no walk');
    const chunk = walk.chunks[0] ?? {
      recorderId: 'rec-x',
      tabId: 1,
      seqFrom: 0,
      seqTo: 0,
      firstTs: 1,
      lastTs: 2,
      rawBytes: 3,
      encoding: 'gzip-base64-json' as const,
      data: 'AAAA',
    };
    walk.chunks = Array.from({ length: 40 }, (_, i) => ({ ...chunk, seqFrom: i, seqTo: i }));
    walk.assets = Array.from({ length: 20 }, (_, i) => ({
      hash: i.toString(16).padStart(64, '0'),
      rawBytes: 2048,
      encoding: 'gzip-base64' as const,
      data: 'AAAA',
    }));
    walk.steps = walk.steps.map((s) => ({
      ...s,
      title: 'Réservez « maintenant » \u2028 </script> "quoted" \\ \u0000',
    }));
    const parts = [...exportJsonParts(file)];
    expect(parts.join('')).toBe(JSON.stringify(file));
    // Split: more pieces than one per walk, none holding the whole file.
    expect(parts.length).toBeGreaterThan(file.walks.length * 3);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(JSON.stringify(file).length / 2);
  });

  it('an empty audit too', () => {
    const file = AuditExport.parse({ ...makeExport(), walks: [], touchpoints: [], decisions: [], divergences: [] });
    expect([...exportJsonParts(file)].join('')).toBe(JSON.stringify(file));
  });

  it('the Blob holds the same bytes, yielding as it goes, and stops when cancelled', async () => {
    const file = AuditExport.parse(makeExport());
    let clock = 0;
    let yields = 0;
    // Each part "takes" 5 ms: a yield every second part.
    const now = () => (clock += 5);
    const blob = await exportJsonBlob(file, { yieldNow: async () => void yields++, now });
    expect(await blob.text()).toBe(JSON.stringify(file));
    expect(blob.type).toBe('application/json');
    expect(yields).toBeGreaterThan(2);
    await expect(exportJsonBlob(file, { yieldNow: async () => {}, now, cancelled: () => true })).rejects.toThrow(
      'cancelled',
    );
  });
});
