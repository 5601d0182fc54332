/**
 * Writes per-row predictions next to the key columns (docs/cli.md: `account_id`, `as_of`
 * where present, then `probability`), row for row in input order, as CSV or Parquet by the
 * file's extension, atomically.
 */
import { extname } from 'node:path';
import { openDuckDB, quoteIdent, quoteLiteral } from '../data/index.js';
import { KEY_COLUMNS } from '../features/index.js';
import { withAtomicFile } from '../util/index.js';
import { UsageError } from '../util/index.js';
/** Key columns carried from the feature table, in order: the keys of docs/cli.md, then `account_name`. */
const CARRIED = [...KEY_COLUMNS, 'account_name'];
export function predictionFormat(path) {
    const ext = extname(path).toLowerCase();
    if (ext === '.csv')
        return 'csv';
    if (ext === '.parquet')
        return 'parquet';
    throw new UsageError(`--out ${path}: expected a .csv or .parquet file`);
}
export async function writePredictions(path, frame, columns) {
    const format = predictionFormat(path);
    const keys = CARRIED.filter((k) => k in frame.columns);
    const db = await openDuckDB();
    try {
        const conn = db.connection;
        const defs = [
            '"_row" BIGINT',
            ...keys.map((k) => `${quoteIdent(k)} ${frame.columns[k] instanceof Float64Array ? 'DOUBLE' : 'VARCHAR'}`),
            ...columns.map((c) => `${quoteIdent(c.name)} ${c.values instanceof Float64Array ? 'DOUBLE' : 'VARCHAR'}`),
        ];
        await conn.run(`CREATE TABLE predictions (${defs.join(', ')})`);
        const app = await conn.createAppender('predictions');
        for (let i = 0; i < frame.n; i++) {
            app.appendBigInt(BigInt(i));
            for (const k of keys) {
                const col = frame.columns[k];
                const v = col[i];
                if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)))
                    app.appendNull();
                else if (typeof v === 'number')
                    app.appendDouble(v);
                else
                    app.appendVarchar(v);
            }
            for (const c of columns) {
                const v = c.values[i];
                if (typeof v === 'number') {
                    if (Number.isNaN(v))
                        app.appendNull();
                    else
                        app.appendDouble(v);
                }
                else if (v === null || v === undefined)
                    app.appendNull();
                else
                    app.appendVarchar(v);
            }
            app.endRow();
        }
        app.closeSync();
        const select = [
            ...keys.map((k) => frame.kinds[k] === 'date' ? `CAST(${quoteIdent(k)} AS DATE) AS ${quoteIdent(k)}` : quoteIdent(k)),
            ...columns.map((c) => quoteIdent(c.name)),
        ];
        const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
        await withAtomicFile(path, (tmp) => conn.run(`COPY (SELECT ${select.join(', ')} FROM predictions ORDER BY "_row") TO ${quoteLiteral(tmp)} (${options})`));
        return { rows: frame.n, columns: [...keys, ...columns.map((c) => c.name)] };
    }
    finally {
        db.close();
    }
}
//# sourceMappingURL=predictions.js.map