/**
 * Regenerates models/mapping.schema.json from the zod schema of the mapping file:
 *   node dist/src/data/write-schema.js
 * test/data/transforms.test.ts fails while the committed file is stale.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/index.js';
import { mappingConfigJsonSchema } from './config.js';
export const MAPPING_SCHEMA_FILE = fileURLToPath(new URL('../../../models/mapping.schema.json', import.meta.url));
export function renderMappingSchemaFile() {
    return `${JSON.stringify(mappingConfigJsonSchema(), null, 2)}\n`;
}
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await writeFileAtomic(MAPPING_SCHEMA_FILE, renderMappingSchemaFile());
    process.stdout.write(`wrote ${MAPPING_SCHEMA_FILE}\n`);
}
//# sourceMappingURL=write-schema.js.map