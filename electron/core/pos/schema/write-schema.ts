// Writes pos-order.v2.schema.json from the zod schema in shared/pos.ts:
// `npx tsx electron/core/pos/schema/write-schema.ts` after changing the POS order (and bump its
// version: POS integrators validate against the published file).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posOrderJsonSchema } from '../pos-order.js';

const file = fileURLToPath(new URL('./pos-order.v2.schema.json', import.meta.url));
writeFileSync(file, JSON.stringify(posOrderJsonSchema(), null, 2) + '\n');
console.log(`wrote ${file}`);
