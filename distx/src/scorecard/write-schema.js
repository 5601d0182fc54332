/**
 * Regenerates models/scorecard.schema.json from the zod schema:
 *   node dist/src/scorecard/write-schema.js
 * test/scorecard/schema.test.ts fails while the committed file is stale.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/index.js';
import { scorecardJsonSchema } from './schema.js';
export const SCHEMA_FILE = fileURLToPath(new URL('../../../models/scorecard.schema.json', import.meta.url));
export function renderSchemaFile() {
    return `${JSON.stringify(scorecardJsonSchema(), null, 2)}\n`;
}
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await writeFileAtomic(SCHEMA_FILE, renderSchemaFile());
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
//# sourceMappingURL=write-schema.js.map