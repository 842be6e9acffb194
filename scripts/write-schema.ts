// Writes docs/export.schema.json, the JSON Schema of Touchpoint's export file, and
// docs/facts.schema.json, that of `npm run facts`'s output, from the zod model.
// `npm run schema` after a change to lib/model; test/unit/model/export-schema.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AuditExport } from '@/lib/model';
import { FactsOutput } from '@/lib/model/facts-output';

const target = fileURLToPath(new URL('../docs/export.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(z.toJSONSchema(AuditExport), null, 2)}\n`);
console.log(`Wrote ${target}`);

const factsTarget = fileURLToPath(new URL('../docs/facts.schema.json', import.meta.url));
writeFileSync(factsTarget, `${JSON.stringify(z.toJSONSchema(FactsOutput), null, 2)}\n`);
console.log(`Wrote ${factsTarget}`);
