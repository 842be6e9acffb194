import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AuditExport, EXPORT_SCHEMA_VERSION } from '@/lib/model';

const FILE = 'docs/export.schema.json';
const committed = readFileSync(new URL(`../../../${FILE}`, import.meta.url), 'utf8');

describe('the export JSON Schema', () => {
  it(`matches the model: run \`npm run schema\` and commit ${FILE} after changing lib/model`, () => {
    expect(JSON.parse(committed)).toEqual(z.toJSONSchema(AuditExport));
  });

  it('is written as scripts/write-schema.ts writes it (2-space JSON, trailing newline)', () => {
    expect(committed).toBe(`${JSON.stringify(JSON.parse(committed), null, 2)}\n`);
  });

  it('describes the export file as teams exchange it', () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual([
      'schemaVersion',
      'generator',
      'exportedAt',
      'audit',
      'personas',
      'touchpoints',
      'walks',
      'decisions',
      'divergences',
    ]);
    const versions = schema.properties.schemaVersion.anyOf.map((v: { const: number }) => v.const);
    expect(versions).toEqual([1, 2, 3, EXPORT_SCHEMA_VERSION]);
    expect(EXPORT_SCHEMA_VERSION).toBe(4);
    const walk = schema.properties.walks.items.properties;
    for (const k of ['tags', 'scores', 'offsite', 'signals', 'kpis', 'facts', 'assets'])
      expect(walk[k].type).toBe('array');
    expect(walk.facts.items.required).toContain('facts');
    expect(schema.properties.decisions.items.properties.status.enum).toEqual(['confirmed', 'dismissed']);
    const divergence = schema.properties.divergences.items;
    expect(divergence.required).toEqual([
      'key',
      'kind',
      'group',
      'subject',
      'values',
      'baseline',
      'severity',
      'reason',
      'lang',
    ]);
    const place = divergence.properties.values.items.properties.places.items;
    expect(place.oneOf ?? place.anyOf).toHaveLength(2);
    const shot = walk.tags.items.properties.screenshot.anyOf.find((s: { type: string }) => s.type === 'object');
    expect(shot.properties.data.contentEncoding).toBe('base64');
    const chunk = schema.properties.walks.items.properties.chunks.items;
    expect(chunk.properties.encoding.const).toBe('gzip-base64-json');
    expect(chunk.properties.data.contentEncoding).toBe('base64');
    const asset = walk.assets.items;
    expect(asset.required).toEqual(['hash', 'rawBytes', 'encoding', 'data']);
    expect(asset.properties.encoding.const).toBe('gzip-base64');
    expect(asset.properties.data.contentEncoding).toBe('base64');
  });
});
