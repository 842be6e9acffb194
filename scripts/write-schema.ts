// Writes docs/export.schema.json, the JSON Schema of Touchpoint's export file, from the zod model.
// `npm run schema` after a change to lib/model; test/unit/model/export-schema.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AuditExport } from '@/lib/model';

const target = fileURLToPath(new URL('../docs/export.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(z.toJSONSchema(AuditExport), null, 2)}\n`);
console.log(`Wrote ${target}`);
