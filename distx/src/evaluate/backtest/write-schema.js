/**
 * Regenerates models/backtest-metrics.schema.json from schema.ts:
 *   node dist/src/evaluate/backtest/write-schema.js
 * test/evaluate/backtest-schema.test.ts fails while the committed file is stale.
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../util/index.js';
import { BACKTEST_METRICS_JSON_SCHEMA } from './schema.js';
export const BACKTEST_SCHEMA_FILE = fileURLToPath(new URL('../../../../models/backtest-metrics.schema.json', import.meta.url));
export function renderBacktestSchema() {
    return `${JSON.stringify(BACKTEST_METRICS_JSON_SCHEMA, null, 2)}\n`;
}
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await writeFileAtomic(BACKTEST_SCHEMA_FILE, renderBacktestSchema());
    process.stdout.write(`wrote ${BACKTEST_SCHEMA_FILE}\n`);
}
//# sourceMappingURL=write-schema.js.map