/**
 * Regenerates models/model.schema.json from the artifact's zod schemas (artifact.ts and each
 * family's state.ts):
 *   node dist/src/learn/write-schema.js
 * test/learn/artifact.test.ts fails while the committed file is stale.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/index.js';
import { modelJsonSchema } from './artifact.js';
export const MODEL_SCHEMA_FILE = fileURLToPath(new URL('../../../models/model.schema.json', import.meta.url));
export function renderModelSchema() {
    return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await writeFileAtomic(MODEL_SCHEMA_FILE, renderModelSchema());
    process.stdout.write(`wrote ${MODEL_SCHEMA_FILE}\n`);
}
//# sourceMappingURL=write-schema.js.map