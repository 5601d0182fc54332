/**
 * A scorecard on the folds of a backtest, again and again: the web app's what-if editor scores
 * every snapshot with an edited card and needs what `churnkit backtest` would say of it, fast.
 * The folds are prepared once (from a backtest's own test rows, or planned as `backtest` plans
 * them); each evaluation is the scorecard branch of runBacktest: the same probability, the same
 * capacity tally, the same per-slice metrics and the same pooling, through the same functions.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { openDuckDB, quoteLiteral, queryRows } from '../../data/index.js';
import { ChurnkitError, UsageError } from '../../util/index.js';
import { isOpportunityLabel } from '../../features/index.js';
import { checkPlanLeakage, planFolds } from './folds.js';
import { addTally, capacityTally, emptyTally, leadTime, modelMetrics } from './assess.js';
import { CAPACITY_SHARE, METRICS_FILE, OOF_FILE, gather, labelsOf, scorecardProbability, textOf } from './run.js';
function commonColumns(frame, table, label) {
    const y = labelsOf(frame, label, table);
    const asOf = textOf(frame, 'as_of', table);
    const account = textOf(frame, 'account_id', table);
    const arrCol = frame.columns['annual_value'];
    const arr = arrCol instanceof Float64Array ? arrCol.map((v) => (Number.isNaN(v) ? 0 : v)) : null;
    const lastAsOf = new Map();
    for (let i = 0; i < frame.n; i++) {
        const prev = lastAsOf.get(account[i]);
        if (prev === undefined || asOf[i] > prev)
            lastAsOf.set(account[i], asOf[i]);
    }
    return { y, asOf, account, arr, lastAsOf };
}
/** Folds planned as `churnkit backtest` plans them with the same options (its defaults when none). */
export function planScorecardFolds(frame, table, options = {}) {
    const horizon = options.horizon ?? 90;
    const step = options.step ?? 'quarter';
    const label = options.label ?? `churned_within_${horizon}d`;
    const cols = commonColumns(frame, table, label);
    const plans = planFolds({
        asOf: cols.asOf,
        label: cols.y,
        horizon,
        step,
        ...(options.start === undefined ? {} : { start: options.start }),
    });
    for (const plan of plans)
        checkPlanLeakage(plan, cols.asOf, horizon);
    return {
        ...cols,
        folds: plans.map((p) => ({ cutoff: p.cutoff, test_end: p.test_end, test: p.test })),
        capacity: options.capacity ?? null,
        horizon,
        step,
        source: 'planned',
        opportunity: isOpportunityLabel(label),
    };
}
/**
 * The folds of a backtest that ran on this feature table: its metrics.json for the settings
 * (horizon, label, capacity) and its oof.parquet for the test rows of each fold, found in the
 * table by account and as-of. A row of the backtest missing from the table means it ran on
 * another table: an error, not a silent subset.
 */
export async function backtestFolds(frame, table, dir) {
    let metrics;
    try {
        metrics = JSON.parse(await readFile(join(dir, METRICS_FILE), 'utf8'));
    }
    catch (err) {
        throw new ChurnkitError(`${join(dir, METRICS_FILE)}: cannot read the backtest (${err.message})`, 2);
    }
    const params = metrics.params;
    if (!params || !Array.isArray(metrics.folds) || !Array.isArray(params.models) || params.models.length === 0)
        throw new ChurnkitError(`${join(dir, METRICS_FILE)}: not a churnkit backtest (no params, models or folds)`, 2);
    const cols = commonColumns(frame, table, params.label);
    const opportunity = isOpportunityLabel(params.label);
    const rowOf = new Map();
    for (let i = 0; i < frame.n; i++)
        rowOf.set(`${cols.account[i]}\u0000${cols.asOf[i]}`, i);
    const db = await openDuckDB();
    let rows;
    try {
        rows = await queryRows(db.connection, `SELECT CAST(account_id AS VARCHAR) AS account_id, strftime(CAST(as_of AS DATE), '%Y-%m-%d') AS as_of,
              strftime(CAST(cutoff AS DATE), '%Y-%m-%d') AS cutoff
       FROM read_parquet(${quoteLiteral(join(dir, OOF_FILE))}) WHERE model = ${quoteLiteral(params.models[0])}`);
    }
    catch (err) {
        throw new ChurnkitError(`${join(dir, OOF_FILE)}: cannot read the backtest's test rows (${err.message})`, 2);
    }
    finally {
        db.close();
    }
    const byCutoff = new Map();
    for (const r of rows) {
        const key = `${String(r['account_id'])}\u0000${String(r['as_of'])}`;
        const i = rowOf.get(key);
        if (i === undefined)
            throw new UsageError(`${dir} was run on another feature table: its test row ${String(r['account_id'])} at ${String(r['as_of'])} is not in ${table}`);
        const cutoff = String(r['cutoff']);
        const list = byCutoff.get(cutoff);
        if (list)
            list.push(i);
        else
            byCutoff.set(cutoff, [i]);
    }
    const folds = metrics.folds.map((f) => {
        // backtest tests a fold's rows in table order
        const test = (byCutoff.get(f.cutoff) ?? []).sort((a, b) => a - b);
        if (test.length !== f.test.rows)
            throw new UsageError(`${dir} was run on another feature table: its fold at ${f.cutoff} tested ${f.test.rows} rows, ${test.length} of them are in ${table}`);
        return { cutoff: f.cutoff, test_end: f.test_end, test };
    });
    return {
        ...cols,
        folds,
        capacity: params.capacity,
        horizon: params.horizon,
        step: params.step,
        source: 'backtest',
        opportunity,
    };
}
/**
 * The scorecard's metrics on the prepared folds, from its scores over the whole table
 * (scoreColumns): what runBacktest reports for `scorecard:<card>` on the same folds.
 */
export function backtestScorecard(card, scores, prepared) {
    const { y, asOf, account, arr } = prepared;
    let tally = emptyTally();
    const rows = [];
    const p = [];
    let source = 'score_rank';
    const folds = prepared.folds.map((fold) => {
        const score = gather(scores.score, fold.test);
        const prob = scorecardProbability(card, score, gather(scores.probability, fold.test), prepared.opportunity);
        source = prob.source;
        const scored = {
            y: gather(y, fold.test),
            p: prob.p,
            band: Uint8Array.from(fold.test, (i) => scores.band[i]),
            arr: arr ? gather(arr, fold.test) : null,
            asOf: fold.test.map((i) => asOf[i]),
            account: fold.test.map((i) => account[i]),
        };
        const t = capacityTally(scored, prepared.capacity, CAPACITY_SHARE);
        tally = addTally(tally, t);
        for (let k = 0; k < fold.test.length; k++) {
            rows.push(fold.test[k]);
            p.push(prob.p[k]);
        }
        return { cutoff: fold.cutoff, ...modelMetrics(scored, t, arr !== null) };
    });
    const pooled = {
        y: gather(y, rows),
        p: Float64Array.from(p),
        band: Uint8Array.from(rows, (i) => scores.band[i]),
        arr: arr ? gather(arr, rows) : null,
        asOf: rows.map((i) => asOf[i]),
        account: rows.map((i) => account[i]),
    };
    return {
        probability_source: source,
        folds,
        pooled: { ...modelMetrics(pooled, tally, arr !== null), lead_time: leadTime(pooled, prepared.lastAsOf) },
    };
}
//# sourceMappingURL=scorecard.js.map