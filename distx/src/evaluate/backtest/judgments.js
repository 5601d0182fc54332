/**
 * CSM judgments against the model: for each judgment, the account's snapshot it speaks for (the
 * first as-of date on or after it, within a window), the band the model or scorecard gave that
 * row out of fold, and whether the account churned. A CSM who rated an account healthier than
 * the model "raised" it; less healthy, "lowered" it. If judgments beat the data, raised accounts
 * churn less than the model's band for them says, and lowered accounts more.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { isPostgresUrl, openDuckDB, queryRows, quoteLiteral } from '../../data/index.js';
import { judgmentProblems, openScoreHistory } from '../../history/index.js';
import { BANDS, bandOf, thresholdsFor } from '../../scorecard/index.js';
import { wilsonInterval } from '../../stats/index.js';
import { InputError, UsageError, isoDay } from '../../util/index.js';
export const JUDGMENT_WINDOW_DAYS = 31;
const TABLE_FILES = ['.csv', '.parquet', '.json', '.jsonl', '.ndjson'];
/**
 * Judgments from a file (.csv, .parquet, .json, .jsonl: columns account_id, as_of, author, and
 * band and/or score; `churnkit judge --list --out` writes one) or from a score history (a DuckDB
 * file or postgres:// URL). Every row is checked as `churnkit judge` checks it.
 */
export async function readJudgments(source) {
    const ext = extname(source).toLowerCase();
    if (isPostgresUrl(source) || !TABLE_FILES.includes(ext)) {
        if (!isPostgresUrl(source) && !existsSync(source))
            throw new UsageError(`--judgments ${source}: no such file (a judgments .csv/.parquet/.json or a score history)`);
        const history = await openScoreHistory(source);
        try {
            return (await history.judgments()).map((j) => ({
                account_id: j.account_id,
                as_of: j.as_of,
                band: j.band,
                score: j.score,
                author: j.author,
            }));
        }
        finally {
            await history.close();
        }
    }
    if (!existsSync(source))
        throw new UsageError(`--judgments ${source}: no such file`);
    const reader = ext === '.csv'
        ? `read_csv(${quoteLiteral(source)}, header = true, all_varchar = true)`
        : ext === '.parquet'
            ? `read_parquet(${quoteLiteral(source)})`
            : `read_json_auto(${quoteLiteral(source)})`;
    const db = await openDuckDB();
    try {
        const columns = (await queryRows(db.connection, `DESCRIBE SELECT * FROM ${reader}`)).map((c) => c.column_name);
        for (const c of ['account_id', 'as_of', 'author'])
            if (!columns.includes(c))
                throw new InputError({ table: source, column: c }, `column is missing (columns: ${columns.join(', ')})`);
        if (!columns.includes('band') && !columns.includes('score'))
            throw new InputError({ table: source, column: 'band' }, 'needs a band or a score column');
        const pick = (c) => (columns.includes(c) ? `CAST(${c} AS VARCHAR)` : 'NULL');
        const rows = await queryRows(db.connection, `SELECT CAST(account_id AS VARCHAR) AS account_id, CAST(as_of AS VARCHAR) AS as_of, CAST(author AS VARCHAR) AS author,
              ${pick('band')} AS band, ${pick('score')} AS score FROM ${reader}`);
        return rows.map((r, i) => {
            const band = r['band'] === null || r['band'] === '' ? null : (r['band'] ?? null);
            const scoreText = r['score'] === null || r['score'] === '' ? null : (r['score'] ?? null);
            const score = scoreText === null ? null : Number(scoreText);
            const record = {
                account_id: r['account_id'] ?? '',
                as_of: (r['as_of'] ?? '').slice(0, 10),
                band: band === null ? null : band.toUpperCase(),
                score: score !== null && Number.isNaN(score) ? scoreText : score,
                author: r['author'] ?? '',
                reason: 'read from a file',
            };
            const problem = judgmentProblems(record)[0];
            if (problem)
                throw new InputError({ table: source, row: i + 1, column: problem.field }, problem.message);
            return {
                account_id: record.account_id.trim(),
                as_of: record.as_of,
                band: record.band,
                score: score,
                author: record.author.trim(),
            };
        });
    }
    finally {
        db.close();
    }
}
const emptyTally = () => ({ rows: 0, churned: 0, expected: 0, expectedRows: 0 });
function cell(t) {
    const w = wilsonInterval(t.churned, t.rows);
    return {
        rows: t.rows,
        churned: t.churned,
        rate: t.rows > 0 ? t.churned / t.rows : null,
        lo: w.low,
        hi: w.high,
        expected_rate: t.expectedRows > 0 ? t.expected / t.expectedRows : null,
    };
}
const DIRECTIONS = ['raised', 'lowered', 'agreed'];
export function assessJudgments(input) {
    const windowDays = input.windowDays ?? JUDGMENT_WINDOW_DAYS;
    const byAccount = new Map();
    input.account.forEach((a, i) => {
        const list = byAccount.get(a);
        if (list)
            list.push(i);
        else
            byAccount.set(a, [i]);
    });
    for (const list of byAccount.values())
        list.sort((a, b) => (input.asOf[a] < input.asOf[b] ? -1 : 1));
    // Each (author, snapshot row) counts once: the author's latest judgment of it.
    const chosen = new Map();
    let noSnapshot = 0;
    let censored = 0;
    for (const j of input.judgments) {
        const day = isoDay(j.as_of);
        const row = (byAccount.get(j.account_id) ?? []).find((i) => input.asOf[i] >= j.as_of);
        if (row === undefined || isoDay(input.asOf[row]) - day > windowDays) {
            noSnapshot++;
            continue;
        }
        if (Number.isNaN(input.y[row])) {
            censored++;
            continue;
        }
        chosen.set(`${j.author}\u0000${row}`, { row, judgment: j });
    }
    const models = {};
    for (const m of input.models) {
        const modelBands = new Map();
        m.rows.forEach((r, k) => modelBands.set(r, m.band[k]));
        const rates = input.bandRates[m.name] ?? [];
        const overall = Object.fromEntries(DIRECTIONS.map((d) => [d, emptyTally()]));
        const byAuthor = new Map();
        let outside = 0;
        for (const { row, judgment } of chosen.values()) {
            const modelBand = modelBands.get(row);
            if (modelBand === undefined) {
                outside++;
                continue;
            }
            const csmBand = judgment.band !== null
                ? BANDS.indexOf(judgment.band)
                : BANDS.indexOf(bandOf(judgment.score, thresholdsFor(input.card, input.segment[row] ?? null)));
            const direction = csmBand > modelBand ? 'raised' : csmBand < modelBand ? 'lowered' : 'agreed';
            let mine = byAuthor.get(judgment.author);
            if (!mine) {
                mine = Object.fromEntries(DIRECTIONS.map((d) => [d, emptyTally()]));
                byAuthor.set(judgment.author, mine);
            }
            for (const t of [overall[direction], mine[direction]]) {
                t.rows++;
                t.churned += input.y[row];
                const expected = rates[modelBand];
                if (expected !== null && expected !== undefined && !Number.isNaN(expected)) {
                    t.expected += expected;
                    t.expectedRows++;
                }
            }
        }
        const cells = (t) => Object.fromEntries(DIRECTIONS.map((d) => [d, cell(t[d])]));
        models[m.name] = {
            outside_test_folds: outside,
            overall: cells(overall),
            by_author: Object.fromEntries([...byAuthor].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([a, t]) => [a, cells(t)])),
        };
    }
    return {
        source: input.source,
        window_days: windowDays,
        score_bands_from: input.cardName,
        total: input.judgments.length,
        matched: chosen.size,
        unmatched: { no_snapshot: noSnapshot, censored },
        models,
    };
}
//# sourceMappingURL=judgments.js.map