/**
 * `churnkit score` output: per row `account_id, as_of, score, band, probability, layer_<name>...,
 * overrides, reasons, escalate, score_change` (docs/cli.md) and what answers add (status,
 * coverage, missing, warnings, reasons in words), row for row in input order, as CSV or Parquet,
 * atomically.
 */
import { extname } from 'node:path';
import { openDuckDB, quoteIdent, quoteLiteral } from '../data/light/index.js';
import { withAtomicFile } from '../util/index.js';
import { ChurnkitError, UsageError } from '../util/index.js';
import { BANDS, MAX_REASONS, statusOf, unknownSegmentWarning } from './score.js';
import { describeValue, probabilityForPeople, scoreForPeople, significant } from '../catalogue/index.js';
import { scoreColumns } from './compile.js';
export function scoreFileFormat(path) {
    const ext = extname(path).toLowerCase();
    if (ext === '.csv')
        return 'csv';
    if (ext === '.parquet')
        return 'parquet';
    throw new UsageError(`--out ${path}: expected a .csv or .parquet file`);
}
/**
 * Score minus the same account's score at its previous as_of in the table (NaN for its first
 * row, or without account_id/as_of). Rows are not assumed to be sorted.
 */
export function scoreChange(score, accounts, asOf) {
    const out = new Float64Array(score.length).fill(NaN);
    if (!accounts || !asOf)
        return out;
    const order = Array.from({ length: score.length }, (_, i) => i).filter((i) => accounts[i] !== null && asOf[i] !== null);
    order.sort((a, b) => accounts[a] < accounts[b]
        ? -1
        : accounts[a] > accounts[b]
            ? 1
            : asOf[a] < asOf[b]
                ? -1
                : asOf[a] > asOf[b]
                    ? 1
                    : a - b);
    for (let k = 1; k < order.length; k++) {
        const i = order[k];
        const prev = order[k - 1];
        // a duplicated (account, as_of) has no previous score of its own: NULL
        if (accounts[i] === accounts[prev] && asOf[i] !== asOf[prev])
            out[i] = score[i] - score[prev];
    }
    return out;
}
function textOf(frame, name) {
    const c = frame.columns[name];
    if (c === undefined)
        return null;
    return c instanceof Float64Array ? Array.from(c, (v) => (Number.isNaN(v) ? null : String(v))) : c;
}
export function scoreTable(card, frame) {
    const scores = scoreColumns(card, frame);
    const change = scoreChange(scores.score, textOf(frame, 'account_id'), textOf(frame, 'as_of'));
    return { scores, change };
}
let scoreTables = 0;
/** Rows a time sent to DuckDB as one JSON text (bounded: a JavaScript string holds at most ~512M characters). */
const JSON_ROWS = 20_000;
/**
 * Appends the rows to `table` a slice at a time, each slice as one JSON text of its columns that
 * DuckDB unpacks (`from_json`, then `unnest` of every column in step): one call per slice instead
 * of one per value through the appender, which cost `score` of 1,000 rows more than its scoring.
 * Numbers round-trip exactly (JSON writes the shortest digits that read back to the same double).
 */
async function appendRows(conn, table, columns, n) {
    const structure = JSON.stringify(Object.fromEntries(columns.map((c, k) => [`c${k}`, [c.type]])));
    const select = columns.map((c, k) => `unnest(j.c${k}) AS ${quoteIdent(c.name)}`).join(', ');
    for (let from = 0; from < n; from += JSON_ROWS) {
        const to = Math.min(n, from + JSON_ROWS);
        const slice = {};
        columns.forEach((c, k) => {
            const values = new Array(to - from);
            for (let i = from; i < to; i++)
                values[i - from] = c.at(i);
            slice[`c${k}`] = values;
        });
        await conn.run(`INSERT INTO temp.main.${table} SELECT unnest(range(${from}, ${to})) AS "_row", ${select} FROM (SELECT from_json($1, ${quoteLiteral(structure)}) AS j)`, [JSON.stringify(slice)]);
    }
}
/**
 * Writes the scores, row for row in input order. A row with insufficient data has no score,
 * band or probability (status says why). In CSV numbers are rounded for people (scores to one
 * decimal, probabilities to four significant digits); Parquet keeps every digit.
 */
export async function writeScores(path, card, frame, scored, options = {}) {
    const format = scoreFileFormat(path);
    const csv = format === 'csv';
    const { scores, change } = scored;
    const accounts = textOf(frame, 'account_id');
    if (!accounts)
        throw new ChurnkitError('the table has no account_id column', 2);
    const asOf = textOf(frame, 'as_of');
    const names = options.names ?? textOf(frame, 'account_name');
    const segments = textOf(frame, 'segment');
    const K = scores.overrides.length;
    const M = scores.checked.length;
    const scoreN = (x) => (Number.isNaN(x) ? null : csv ? scoreForPeople(x) : x);
    const probN = (x) => (Number.isNaN(x) ? null : csv ? probabilityForPeople(x) : x);
    const isScored = Uint8Array.from(scores.coverage, (c) => (statusOf(card, c) === 'scored' ? 1 : 0));
    const reasonAt = (i, k) => {
        const s = scores.reasons[i * MAX_REASONS + k];
        return s >= 0 ? scores.signals[s] : null;
    };
    const valueAt = (i, k) => {
        const feature = reasonAt(i, k);
        const c = feature === null ? undefined : frame.columns[feature];
        if (!(c instanceof Float64Array))
            return null;
        const v = c[i];
        return Number.isNaN(v) ? null : v;
    };
    const columns = [
        { name: 'account_id', type: 'VARCHAR', at: (i) => accounts[i] },
        ...(names ? [{ name: 'account_name', type: 'VARCHAR', at: (i) => names[i] ?? null }] : []),
        { name: 'as_of', type: 'VARCHAR', at: (i) => (asOf ? asOf[i] : null) },
        { name: 'score', type: 'DOUBLE', at: (i) => (isScored[i] ? scoreN(scores.score[i]) : null) },
        { name: 'band', type: 'VARCHAR', at: (i) => (isScored[i] ? BANDS[scores.band[i]] : null) },
        { name: 'probability', type: 'DOUBLE', at: (i) => (isScored[i] ? probN(scores.probability[i]) : null) },
        ...card.layers.map((l) => {
            const values = scores.layers[l.name];
            return { name: `layer_${l.name}`, type: 'DOUBLE', at: (i) => scoreN(values[i]) };
        }),
        {
            name: 'overrides',
            type: 'VARCHAR',
            at: (i) => scores.overrides.filter((_, k) => scores.fired[i * K + k]).join(','),
        },
        {
            name: 'reasons',
            type: 'VARCHAR',
            at: (i) => Array.from({ length: MAX_REASONS }, (_, k) => reasonAt(i, k))
                .filter((r) => r !== null)
                .join(','),
        },
        { name: 'escalate', type: 'BOOLEAN', at: (i) => scores.escalate[i] === 1 },
        { name: 'score_change', type: 'DOUBLE', at: (i) => scoreN(change[i]) },
        { name: 'status', type: 'VARCHAR', at: (i) => (isScored[i] ? 'scored' : 'insufficient_data') },
        {
            name: 'coverage',
            type: 'DOUBLE',
            at: (i) => (csv ? significant(scores.coverage[i], 4) : scores.coverage[i]),
        },
        {
            name: 'missing',
            type: 'VARCHAR',
            at: (i) => scores.checked.filter((_, m) => scores.missing[i * M + m]).join(','),
        },
        {
            name: 'warnings',
            type: 'VARCHAR',
            at: (i) => (scores.unknown_segment[i] ? unknownSegmentWarning(card, segments[i]) : ''),
        },
        ...Array.from({ length: MAX_REASONS }, (_, k) => [
            { name: `reason_${k + 1}`, type: 'VARCHAR', at: (i) => reasonAt(i, k) },
            {
                name: `reason_${k + 1}_value`,
                type: 'DOUBLE',
                at: (i) => {
                    const v = valueAt(i, k);
                    return v !== null && csv ? significant(v, 4) : v;
                },
            },
            {
                name: `reason_${k + 1}_text`,
                type: 'VARCHAR',
                at: (i) => {
                    const feature = reasonAt(i, k);
                    return feature === null ? null : describeValue(feature, valueAt(i, k));
                },
            },
        ]).flat(),
        ...(options.extra ?? []).map((e) => {
            const values = e.values;
            if (values instanceof Float64Array) {
                const round = csv && e.round ? e.round : (x) => x;
                return { name: e.name, type: 'DOUBLE', at: (i) => (Number.isNaN(values[i]) ? null : round(values[i])) };
            }
            return { name: e.name, type: 'VARCHAR', at: (i) => values[i] ?? null };
        }),
    ];
    const db = options.db ?? (await openDuckDB());
    const table = `churnkit_scores_${++scoreTables}`;
    try {
        const conn = db.connection;
        const defs = ['"_row" BIGINT', ...columns.map((c) => `${quoteIdent(c.name)} ${c.type}`)];
        await conn.run(`CREATE TEMP TABLE ${table} (${defs.join(', ')})`);
        await appendRows(conn, table, columns, frame.n);
        const select = columns.map(({ name: n }) => n === 'as_of' && frame.kinds['as_of'] === 'date' ? `CAST("as_of" AS DATE) AS "as_of"` : quoteIdent(n));
        const format = csv ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
        await withAtomicFile(path, (tmp) => conn.run(`COPY (SELECT ${select.join(', ')} FROM temp.main.${table} ORDER BY "_row") TO ${quoteLiteral(tmp)} (${format})`));
        return { rows: frame.n, columns: columns.map((c) => c.name) };
    }
    finally {
        if (options.db)
            await db.connection.run(`DROP TABLE IF EXISTS temp.main.${table}`);
        else
            db.close();
    }
}
//# sourceMappingURL=table.js.map