/**
 * Generates the validate benchmark's input under bench/data/validate/ (gitignored): a usage.csv
 * of about --gib GiB (default 2) with accounts.csv, plus the same usage as typed Parquet under
 * bench/data/validate-parquet/ for the typed-view overhead benchmark. Deterministic: values are
 * arithmetic on the row number. Four bad rows are planted near the end of usage.csv (two texts
 * in the number column, a bad timestamp, a negative quantity), so a full validate must stream
 * through the whole file to find them and exit 2.
 *
 *   node dist/bench/validate/generate.js [--gib 2] [--out bench/data]
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openDuckDB, quoteLiteral } from '../../src/data/duckdb.js';
const BYTES_PER_ROW = 44.5; // measured on this generator's rows
const ACCOUNTS = 50_000;
function arg(name, dflt) {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : dflt;
}
function plantedRows(rows) {
    return { quantityText: [rows - 1000, rows - 10], badTimestamp: rows - 500, negative: rows - 5 };
}
const gib = Number(arg('gib', '2'));
const out = arg('out', 'bench/data');
const rows = Math.round((gib * 2 ** 30) / BYTES_PER_ROW);
const csvDir = join(out, 'validate');
const pqDir = join(out, 'validate-parquet');
await mkdir(csvDir, { recursive: true });
await mkdir(pqDir, { recursive: true });
const p = plantedRows(rows);
const db = await openDuckDB();
const c = db.connection;
// i is 1-based, so it is also the data row number in usage.csv.
const usage = (text) => `
  SELECT 'A' || lpad(CAST(i % ${ACCOUNTS} AS VARCHAR), 6, '0') AS account_id,
    ${text
    ? `CASE WHEN i = ${p.badTimestamp} THEN '2024-02-30T10:00:00Z'
            WHEN i % 10 = 0 THEN strftime(TIMESTAMP '2023-01-01' + to_seconds(i % 31536000) + INTERVAL 2 HOUR, '%Y-%m-%dT%H:%M:%S+02:00')
            ELSE strftime(TIMESTAMP '2023-01-01' + to_seconds(i % 31536000), '%Y-%m-%dT%H:%M:%SZ') END`
    : `TIMESTAMP '2023-01-01' + to_seconds(i % 31536000)`} AS occurred_at,
    'u' || (i % 40) AS user_id,
    CASE i % 5 WHEN 0 THEN 'login' WHEN 1 THEN 'api_call' ELSE 'feature_' || (i % 17) END AS event,
    ${text
    ? `CASE WHEN i IN (${p.quantityText.join(', ')}) THEN 'n/a' WHEN i = ${p.negative} THEN '-3' ELSE CAST(1 + i % 4 AS VARCHAR) END`
    : `CAST(1 + i % 4 AS DOUBLE)`} AS quantity
  FROM range(1, ${rows + 1}) t(i)`;
const accounts = `SELECT 'A' || lpad(CAST(i AS VARCHAR), 6, '0') AS account_id, 'Account ' || i AS name,
  CASE i % 3 WHEN 0 THEN 'enterprise' WHEN 1 THEN 'mid_market' ELSE 'smb' END AS segment,
  DATE '2022-01-01' + CAST(i % 365 AS INTEGER) AS started_at, CAST(NULL AS DATE) AS churned_at, 10 + i % 90 AS seats
  FROM range(0, ${ACCOUNTS}) t(i)`;
console.error(`writing ${rows.toLocaleString('en-US')} usage rows (~${gib} GiB CSV) to ${csvDir} and ${pqDir}`);
await c.run(`COPY (${accounts}) TO ${quoteLiteral(join(csvDir, 'accounts.csv'))} (FORMAT csv, HEADER true)`);
await c.run(`COPY (${usage(true)}) TO ${quoteLiteral(join(csvDir, 'usage.csv'))} (FORMAT csv, HEADER true)`);
await c.run(`COPY (${accounts}) TO ${quoteLiteral(join(pqDir, 'accounts.parquet'))} (FORMAT parquet)`);
await c.run(`COPY (${usage(false)}) TO ${quoteLiteral(join(pqDir, 'usage.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
db.close();
const size = (await stat(join(csvDir, 'usage.csv'))).size;
console.log(JSON.stringify({ rows, usage_csv_bytes: size, planted: p }));
//# sourceMappingURL=generate.js.map