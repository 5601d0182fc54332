import { basename, extname, join } from 'node:path';
import { choice, defineCommand, intOption, listOption } from '../command.js';
import { UsageError, groupDigits } from '../../util/index.js';
import { parseParamAssignments } from '../../learn/index.js';
import { runBacktest, writeBacktest, JUDGMENT_WINDOW_DAYS, STEPS, } from '../../evaluate/index.js';
import { resolveScorecardRef } from '../../scorecard/index.js';
import { EXPANSION_LABEL_COLUMN, isOpportunityLabel } from '../../features/index.js';
import { run as train } from './train.js';
/** Pooled AUCs closer than this are called a tie: the same threshold calibrate uses. */
const AUC_TIE = 0.002;
/**
 * The scorecards of a backtest ranked by pooled ROC AUC, with the folds each one won: how the
 * backtest says whether one card or per-segment cards win. Null with fewer than two scorecards.
 */
export function scorecardRanking(metrics) {
    const names = Object.keys(metrics.pooled).filter((n) => n.startsWith('scorecard:'));
    if (names.length < 2)
        return null;
    const won = new Map(names.map((n) => [n, 0]));
    for (const fold of metrics.folds) {
        let best = null;
        for (const n of names) {
            const auc = fold.models[n]?.auc;
            if (auc === undefined || auc === null)
                continue;
            if (best === null || auc > fold.models[best].auc)
                best = n;
        }
        if (best !== null)
            won.set(best, won.get(best) + 1);
    }
    return names
        .map((name) => ({
        name,
        auc: metrics.pooled[name].auc ?? Number.NaN,
        folds_won: won.get(name),
        folds: metrics.folds.length,
    }))
        .sort((a, b) => b.auc - a.auc || a.name.localeCompare(b.name));
}
function rankingLine(ranking) {
    const [first, second] = ranking;
    const verdict = Math.abs(first.auc - second.auc) < AUC_TIE
        ? `${first.name} and ${second.name} tie (pooled AUC within ${AUC_TIE})`
        : `${first.name} wins`;
    return `scorecards by pooled AUC: ${ranking.map((r) => `${r.name} ${r.auc.toFixed(3)} (best in ${r.folds_won} of ${r.folds} folds)`).join(', ')}: ${verdict}`;
}
/** `--param logistic.l2=0.1` -> { logistic: { l2: '0.1' } }. */
export function familyParams(assignments) {
    const out = {};
    for (const [key, value] of Object.entries(parseParamAssignments(assignments))) {
        const dot = key.indexOf('.');
        if (dot <= 0 || dot === key.length - 1)
            throw new UsageError(`--param expects family.key=value (e.g. logistic.l2=0.1), got "${key}=${value}"`);
        const family = key.slice(0, dot);
        out[family] ??= {};
        out[family][key.slice(dot + 1)] = value;
    }
    return out;
}
function num(v, digits = 3) {
    return v === null ? '-' : v.toFixed(digits);
}
function pct(v) {
    return v === null ? '-' : `${(100 * v).toFixed(1)}%`;
}
/**
 * Pooled AUC beside the mean of the folds' AUCs (a pooled AUC below the mean says the folds'
 * probabilities do not line up with each other), PR AUC, Brier, lift and RED vs GREEN churn per
 * model, as aligned text.
 */
export function formatBacktestTable(metrics) {
    const header = [
        'model',
        'AUC',
        'fold AUC',
        'PR AUC',
        'Brier',
        'lift@10%',
        'prec@cap',
        'ARR capt',
        // an expansion backtest's band columns are the expansion rate of the band
        ...(isOpportunityLabel(metrics.params.label) ? ['RED rate', 'GREEN rate'] : ['RED churn', 'GREEN churn']),
        'lead days',
    ];
    const body = Object.entries(metrics.pooled).map(([name, m]) => [
        m.probability_source === 'score_rank' ? `${name} (score rank)` : name,
        num(m.auc),
        num(m.mean_fold_auc ?? null),
        num(m.pr_auc),
        num(m.brier, 4),
        num(m.lift_top_decile, 2),
        pct(m.precision_at_capacity),
        pct(m.arr_capture),
        pct(m.bands.RED.rate),
        pct(m.bands.GREEN.rate),
        m.lead_time.median === null ? '-' : String(Math.round(m.lead_time.median)),
    ]);
    const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
    const line = (cells) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
    return [line(header), ...body.map(line)].join('\n');
}
/** Judged accounts' churn, raised vs lowered vs agreed, against each model's band, per CSM and overall. */
export function formatJudgmentsTable(j) {
    const header = ['model', 'CSM', 'raised', 'churn', "model's", 'lowered', 'churn', "model's", 'agreed', 'churn'];
    const body = [];
    for (const [model, m] of Object.entries(j.models)) {
        for (const [who, cells] of [['all', m.overall], ...Object.entries(m.by_author)]) {
            body.push([
                model,
                who,
                ...['raised', 'lowered', 'agreed'].flatMap((d) => [
                    String(cells[d].rows),
                    pct(cells[d].rate),
                    ...(d === 'agreed' ? [] : [pct(cells[d].expected_rate)]),
                ]),
            ]);
        }
    }
    const widths = header.map((h, k) => Math.max(h.length, ...body.map((b) => b[k].length)));
    const line = (cells) => cells.map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
    return [
        `CSM judgments from ${j.source}: ${j.matched} of ${j.total} matched a snapshot (${j.unmatched.no_snapshot} without one within ${j.window_days} days, ${j.unmatched.censored} not yet labeled); "model's" is the churn rate of the model's band for the same accounts`,
        line(header),
        ...body.map(line),
    ].join('\n');
}
/** The command's work, for commands that chain it (recalibrate, demo). */
export async function run(flags, io) {
    if (!STEPS.includes(flags.step))
        throw new UsageError(`--step must be one of ${STEPS.join(', ')}, got "${flags.step}"`);
    const params = familyParams(flags.param);
    const result = await runBacktest({
        features: flags.features,
        models: flags.models,
        step: flags.step,
        horizon: flags.horizon,
        seed: flags.seed,
        params,
        progress: io.progress,
        ...(flags.start === undefined ? {} : { start: flags.start }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.capacity === undefined ? {} : { capacity: flags.capacity }),
        ...(flags.label === undefined ? {} : { label: flags.label }),
        ...(flags.columns === undefined ? {} : { columns: flags.columns }),
        ...(flags.categorical === undefined ? {} : { categorical: flags.categorical }),
        ...(flags.timeColumn === undefined ? {} : { timeColumn: flags.timeColumn }),
        ...(flags.idColumn === undefined ? {} : { idColumn: flags.idColumn }),
        ...(flags.judgments === undefined ? {} : { judgments: flags.judgments }),
        ...(flags.judgmentWindow === undefined ? {} : { judgmentWindow: flags.judgmentWindow }),
        ...(flags.calibration === undefined
            ? {}
            : { calibration: choice('--calibration', flags.calibration, ['none', 'platt', 'isotonic']) }),
    });
    const cards = flags.models
        .filter((m) => m.startsWith('scorecard:'))
        .map((m) => resolveScorecardRef(m.slice('scorecard:'.length)));
    const written = await writeBacktest(flags.out, result, {
        force: Boolean(flags.force),
        inputs: [flags.features, ...cards, flags.judgments],
    });
    const { metrics } = result;
    const folds = metrics.folds;
    io.say(`backtest  ${folds.length} ${metrics.params.step}ly folds from ${folds[0].cutoff} to ${folds.at(-1).test_end} ` +
        `(${groupDigits(folds.reduce((s, f) => s + f.test.rows, 0))} test rows), capacity ${metrics.params.capacity ?? `${100 * metrics.params.capacity_share}% of accounts`} per as-of date`);
    io.say(`first cutoff ${metrics.params.start}: ${metrics.params.start_reason}`);
    if (metrics.params.from)
        io.say(`rows from ${metrics.params.from} on (--from)`);
    for (const f of metrics.skipped_folds)
        io.say(`skipped the fold at ${f.cutoff}: ${f.reason}`);
    for (const note of metrics.notes)
        io.warn(note);
    io.say(formatBacktestTable(metrics));
    const ranking = scorecardRanking(metrics);
    if (ranking)
        io.say(rankingLine(ranking));
    if (metrics.judgments)
        io.say(formatJudgmentsTable(metrics.judgments));
    io.say(`wrote ${written.metrics} and ${written.oof}`);
    return {
        ok: true,
        out: flags.out,
        metrics: written.metrics,
        oof: written.oof,
        folds: folds.map((f) => ({
            cutoff: f.cutoff,
            test_end: f.test_end,
            train_rows: f.train.rows,
            test_rows: f.test.rows,
        })),
        start_reason: metrics.params.start_reason,
        from: metrics.params.from,
        skipped_folds: metrics.skipped_folds,
        notes: metrics.notes,
        ...(ranking ? { scorecard_ranking: ranking } : {}),
        judgments: metrics.judgments ?? null,
        pooled: Object.fromEntries(Object.entries(metrics.pooled).map(([name, m]) => [
            name,
            {
                auc: m.auc,
                mean_fold_auc: m.mean_fold_auc ?? null,
                pr_auc: m.pr_auc,
                brier: m.brier,
                lift_top_decile: m.lift_top_decile,
                precision_at_capacity: m.precision_at_capacity,
                red_rate: m.bands.RED.rate,
                green_rate: m.bands.GREEN.rate,
            },
        ])),
    };
}
/** The demo feature table (from the features step), and a quiet backtest of it with the demo's settings. */
async function demoBacktest(ctx, models, out, extra = {}) {
    const features = ctx.results['features']?.out ??
        join(ctx.root, 'demo-features', 'features.parquet');
    const quiet = { ...ctx.io, say: () => { } };
    const summary = (await run({ features, models, out, step: 'quarter', horizon: 90, seed: 1, param: [], ...extra }, quiet));
    const auc = (name = (m) => m) => Object.entries(summary.pooled)
        .map(([model, m]) => `${name(model)} ${m.auc === null ? '-' : m.auc.toFixed(3)}`)
        .join(', ');
    return { summary, features, auc };
}
/**
 * The demo's backtest: logistic, gbdt and the default scorecard on the demo feature table
 * (mlp is left out for time) to `reports/demo/backtest/`, where the report step reads it.
 */
export const backtestDemoStep = {
    name: 'backtest',
    title: 'walk-forward backtest of logistic, gbdt and the default scorecard',
    async run(ctx) {
        const out = join(ctx.root, '..', 'reports', 'demo', 'backtest');
        const { summary, auc } = await demoBacktest(ctx, ['logistic', 'gbdt', 'scorecard:default'], out);
        ctx.io.say(`backtest  ${summary.folds.length} quarterly folds; pooled AUC ${auc()} -> ${summary.metrics}`);
        return summary;
    },
};
/**
 * The demo's expansion model: logistic on `expanded_within_90d` of the demo feature table
 * (`models/demo/expansion.json`), and its walk-forward backtest beside the default card
 * (`reports/demo/expansion/`), which the report reads for "where to grow".
 */
export const expansionDemoStep = {
    name: 'expansion',
    title: 'training and backtesting an expansion model',
    async run(ctx) {
        const out = join(ctx.root, '..', 'reports', 'demo', 'expansion');
        const { summary, features, auc } = await demoBacktest(ctx, ['logistic', 'scorecard:default'], out, {
            label: EXPANSION_LABEL_COLUMN,
        });
        const model = join(ctx.root, '..', 'models', 'demo', 'expansion.json');
        const quiet = { ...ctx.io, say: () => { } };
        await train({
            features,
            model: 'logistic',
            out: model,
            label: EXPANSION_LABEL_COLUMN,
            classWeight: 'none',
            seed: 0,
            param: [],
            missing: 'mean',
        }, quiet);
        ctx.io.say(`expansion ${EXPANSION_LABEL_COLUMN}: logistic -> ${model}; ${summary.folds.length} quarterly folds, pooled AUC ${auc()} -> ${summary.metrics}`);
        return { model, backtest: out, pooled: summary.pooled };
    },
};
/** The presets the demo backtests beside the calibrated card (four-layer is the default card itself). */
export const DEMO_PRESETS = ['mature', 'early-stage', 'equal-metrics', 'business-health', 'five-component'];
/**
 * The demo's side-by-side of the seeds' scorecards: the default card, every preset and the
 * calibrated card on the same walk-forward folds, to `reports/demo/presets/`. Scorecards are not
 * trained in a fold, so the folds start where the calibrated card's later slice starts: its points
 * and weights were fitted on rows whose labels closed before that day, and a comparison on earlier
 * folds would test it on its own fitting rows.
 */
export const presetsDemoStep = {
    name: 'presets',
    title: "backtesting the seeds' scorecards beside the calibrated card",
    async run(ctx) {
        const calibrated = ctx.results['calibrate'];
        const out = join(ctx.root, '..', 'reports', 'demo', 'presets');
        const start = calibrated?.slices.later.as_of_from;
        const { summary, auc } = await demoBacktest(ctx, [
            'scorecard:default',
            ...DEMO_PRESETS.map((p) => `scorecard:preset:${p}`),
            ...(calibrated ? [`scorecard:${calibrated.out}`] : []),
        ], out, start ? { start } : {});
        const calibratedName = calibrated ? `scorecard:${basename(calibrated.out, extname(calibrated.out))}` : null;
        ctx.io.say(`presets   ${summary.folds.length} folds from ${summary.folds[0]?.cutoff ?? '-'}${start ? " (the calibrated card's later slice)" : ''}; pooled AUC ${auc((n) => (n === calibratedName ? 'calibrated' : n.replace(/^scorecard:/, '')))} -> ${summary.metrics}`);
        return summary;
    },
};
export function register(program) {
    defineCommand(program, 'backtest', 'walk-forward backtest of models and scorecards on the same folds', (cmd) => cmd
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--models <list>', 'e.g. logistic,gbdt,mlp,auto,scorecard:default,scorecard:preset:NAME,scorecard:FILE.json', listOption)
        .requiredOption('--out <dir>', 'output folder (metrics.json, oof.parquet): new, empty or written by churnkit')
        .option('--force', 'write into a folder that holds other files (they are kept)')
        .option('--start <date>', 'first cutoff (default: the first step boundary with 6 months of history + the horizon, usage covering the feature windows, and both classes in training)')
        .option('--from <date>', 'leave rows dated before this day out of every fold (e.g. before usage data begins)')
        .option('--step <period>', 'quarter or month', 'quarter')
        .option('--horizon <days>', 'label horizon in days', intOption('--horizon'), 90)
        .option('--capacity <k>', 'accounts a CS team can work per as-of date (default 10% of them)', intOption('--capacity'))
        .option('--seed <n>', 'random seed', intOption('--seed'), 1)
        .option('--param <family.key=value>', 'model hyperparameter, e.g. logistic.l2=0.1 (repeatable)', (v, prev) => [...prev, v], [])
        .option('--calibration <method>', "platt, isotonic or none for every model in every fold (default: the family's: none for logistic, platt for the others), fitted on cross-fitted out-of-fold margins")
        .option('--label <col>', 'label column (0/1; NULL = censored; default churned_within_<horizon>d)')
        .option('--columns <list>', "model input columns of your own table (default: churnkit's ten features, three signals, days_to_renewal, tenure_days)", listOption)
        .option('--categorical <list>', 'columns among --columns to one-hot encode', listOption)
        .option('--time-column <col>', 'column dating each row, YYYY-MM-DD: folds are cut by it (default as_of)')
        .option('--id-column <col>', 'column identifying the account (default account_id)')
        .option('--judgments <file>', 'CSM judgments (judge --list --out FILE.csv, or a score history): churn of accounts CSMs raised vs lowered against each model')
        .option('--judgment-window <days>', `a judgment speaks for the first snapshot on or after it, at most this many days later (default ${JUDGMENT_WINDOW_DAYS})`, intOption('--judgment-window')), run);
}
//# sourceMappingURL=backtest.js.map