/**
 * `churnkit backtest` end to end on simulated data (the demo's size and seed): the compiled CLI,
 * real DuckDB, real models. One feature table is built once and backtested a few ways.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openDuckDB, queryRows } from '../../src/data/duckdb.js';
import { simulate } from '../../src/simulate/index.js';
import { addDays } from '../../src/util/index.js';
import { rocAuc } from '../../src/stats/index.js';
import { BACKTEST_METRICS_JSON_SCHEMA } from '../../src/evaluate/index.js';
import { DEFAULT_SCORECARD_PATH, loadScorecard } from '../../src/scorecard/index.js';
import { backtestDemoStep } from '../../src/cli/commands/backtest.js';
import { silentProgress } from '../../src/util/progress.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
let work;
let features;
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const MODELS = ['logistic', 'gbdt', 'scorecard:default', 'scorecard:mine'];
const readMetrics = async (dir) => JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8'));
before(async () => {
    work = await tempDir('churnkit-backtest-');
    await simulate({ accounts: 2000, months: 24, seed: 7, out: join(work.dir, 'data') });
    features = join(work.dir, 'features.parquet');
    const r = churnkit('features', '--data', join(work.dir, 'data'), '--out', features);
    assert.equal(r.status, 0, r.stderr);
    await copyFile(DEFAULT_SCORECARD_PATH, join(work.dir, 'mine.json'));
});
after(async () => {
    await work.cleanup();
});
function validator() {
    // ajv is what fastify validates with; it is in node_modules through fastify
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020').default;
    return new Ajv2020({ allErrors: true, strict: false }).compile(BACKTEST_METRICS_JSON_SCHEMA);
}
test('models and scorecards on the same point-in-time folds: metrics.json, oof.parquet and the table', async () => {
    const out = join(work.dir, 'bt1');
    const r = churnkit('backtest', '--features', features, '--models', MODELS.join(',').replace('scorecard:mine', `scorecard:${join(work.dir, 'mine.json')}`), '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^backtest {2}4 quarterly folds from 2024-01-01 to 2025-01-01/);
    assert.match(r.stdout, /model +AUC +fold AUC +PR AUC +Brier +lift@10% +prec@cap +ARR capt +RED churn +GREEN churn +lead days\n/);
    assert.match(r.stdout, /\ngbdt +0\.\d{3} /);
    const m = await readMetrics(out);
    const validate = validator();
    assert.equal(validate(m), true, JSON.stringify(validate.errors));
    assert.equal(m.kind, 'churnkit.backtest');
    assert.deepEqual(Object.keys(m.pooled), MODELS);
    assert.equal(m.params.features, 'features.parquet');
    assert.ok(m.folds.length >= 3);
    for (const f of m.folds) {
        assert.deepEqual(Object.keys(f.models), MODELS);
        // Point in time: every training label window closes by the cutoff; test is [cutoff, test_end).
        assert.ok(addDays(f.train.as_of_max, 90) <= f.cutoff, `fold ${f.cutoff}: train as_of ${f.train.as_of_max}`);
        assert.ok(f.test.as_of_min >= f.cutoff && f.test.as_of_max < f.test_end);
        for (const name of MODELS)
            assert.equal(f.models[name].rows, f.test.rows, 'every model is scored on the same test rows');
        assert.deepEqual(f.models['scorecard:mine'], f.models['scorecard:default']);
        // Models are fitted on every training row. gbdt is calibrated on out-of-fold margins of
        // time-ordered cross-fitting inside the training rows, never on test rows; logistic keeps
        // its own maximum-likelihood probabilities (the families' backtest defaults).
        assert.deepEqual(Object.keys(f.fits), ['logistic', 'gbdt']);
        for (const fit of Object.values(f.fits))
            assert.equal(fit.fit_rows, f.train.rows, JSON.stringify(fit));
        const gbdt = f.fits['gbdt'];
        assert.equal(gbdt.calibration, 'platt');
        assert.ok(gbdt.calibration_rows > 0 && gbdt.calibration_rows <= f.train.rows);
        assert.ok(gbdt.calibration_from >= f.train.as_of_min && gbdt.calibration_to <= f.train.as_of_max);
        assert.ok(gbdt.cross_fit_folds >= 2, JSON.stringify(gbdt));
        assert.ok(gbdt.rounds >= 1);
        assert.equal(f.fits['logistic'].calibration, 'none');
        assert.equal(f.fits['logistic'].calibration_rows, 0);
    }
    for (const name of MODELS)
        assert.equal(typeof m.pooled[name].mean_fold_auc, 'number');
    assert.equal(m.params.calibration, 'by_family');
    assert.deepEqual(m.params.model_calibration, { logistic: 'none', gbdt: 'platt' });
    const card = await loadScorecard(DEFAULT_SCORECARD_PATH);
    assert.equal(m.pooled['scorecard:default'].probability_source, card.probability.method === 'none' ? 'score_rank' : 'scorecard_map');
    assert.equal(m.pooled['logistic'].probability_source, 'model');
    for (const name of MODELS) {
        const p = m.pooled[name];
        assert.ok(p.auc > 0.65, `${name} pooled AUC ${p.auc}`);
        // "Did RED churn, did GREEN renew": RED churns more, and the intervals do not overlap.
        assert.ok(p.bands.RED.lo > p.bands.GREEN.hi, `${name}: RED ${JSON.stringify(p.bands.RED)} vs GREEN ${JSON.stringify(p.bands.GREEN)}`);
        assert.ok(p.lead_time.flagged > 0 && p.lead_time.flagged + p.lead_time.missed === p.lead_time.accounts);
        assert.ok(p.arr_capture > 0 && p.arr_capture <= 1);
    }
    assert.ok(m.pooled['gbdt'].auc > m.pooled['scorecard:default'].auc, 'gbdt ranks better than the uncalibrated default scorecard');
    // oof.parquet holds exactly the rows behind metrics.json: AUC recomputed from it matches.
    const db = await openDuckDB();
    try {
        const rel = `read_parquet('${join(out, 'oof.parquet')}')`;
        const cols = await queryRows(db.connection, `DESCRIBE SELECT * FROM ${rel}`);
        assert.deepEqual(cols.map((c) => c['column_name']), ['account_id', 'as_of', 'cutoff', 'model', 'probability', 'score', 'band', 'label', 'arr']);
        const total = m.folds.reduce((s, f) => s + f.test.rows, 0) * MODELS.length;
        const [count] = await queryRows(db.connection, `SELECT count(*)::INTEGER AS n, count(score)::INTEGER AS scored FROM ${rel}`);
        assert.equal(count['n'], total);
        assert.equal(count['scored'], total / 2, 'scorecards have a score, models none');
        for (const f of m.folds.slice(0, 2)) {
            for (const name of ['gbdt', 'scorecard:default']) {
                const rows = await queryRows(db.connection, `SELECT probability, label FROM ${rel} WHERE cutoff = DATE '${f.cutoff}' AND model = '${name}'`);
                const y = rows.map((x) => Number(x['label']));
                const p = rows.map((x) => x['probability']);
                assert.ok(Math.abs(rocAuc(y, p) - f.models[name].auc) < 1e-12);
            }
        }
    }
    finally {
        db.close();
    }
});
test('same inputs and seed, same metrics.json bytes; --json summary; --capacity and --step month', async () => {
    const a = join(work.dir, 'bt-a');
    const b = join(work.dir, 'bt-b');
    for (const out of [a, b]) {
        const r = churnkit('backtest', '--features', features, '--models', 'logistic,gbdt,scorecard:default', '--out', out, '--seed', '3', '--capacity', '25', '--json');
        assert.equal(r.status, 0, r.stderr);
        const summary = JSON.parse(r.stdout);
        assert.equal(summary.ok, true);
        assert.equal(summary.metrics, join(out, 'metrics.json'));
    }
    assert.equal(await readFile(join(a, 'metrics.json'), 'utf8'), await readFile(join(b, 'metrics.json'), 'utf8'));
    const m = await readMetrics(a);
    assert.equal(m.params.capacity, 25);
    assert.equal(m.params.seed, 3);
    // The hyperparameters that produced the numbers are recorded, defaults filled in.
    assert.equal(m.params.model_params['logistic']['l2'], 0.5);
    assert.equal(typeof m.params.model_params['gbdt']['n_estimators'], 'number');
    assert.equal(m.params.model_params['scorecard:default'], undefined);
    for (const f of m.folds)
        assert.equal(f.capacity, 25);
    // --calibration sets every model's calibration in every fold.
    const platt = join(work.dir, 'bt-platt');
    const rp = churnkit('backtest', '--features', features, '--models', 'logistic', '--out', platt, '--calibration', 'platt');
    assert.equal(rp.status, 0, rp.stderr);
    const mp = await readMetrics(platt);
    assert.equal(mp.params.calibration, 'platt');
    assert.deepEqual(mp.params.model_calibration, { logistic: 'platt' });
    for (const f of mp.folds) {
        assert.equal(f.fits['logistic'].calibration, 'platt');
        assert.ok(f.fits['logistic'].calibration_rows > 0);
    }
    const monthly = join(work.dir, 'bt-month');
    const r = churnkit('backtest', '--features', features, '--models', 'scorecard:default', '--out', monthly, '--step', 'month', '--start', '2024-03-01');
    assert.equal(r.status, 0, r.stderr);
    const mm = await readMetrics(monthly);
    assert.deepEqual(mm.folds.slice(0, 2).map((f) => [f.cutoff, f.test_end, f.test.as_of_min, f.test.as_of_max]), [
        ['2024-03-01', '2024-04-01', '2024-03-01', '2024-03-01'],
        ['2024-04-01', '2024-05-01', '2024-04-01', '2024-04-01'],
    ]);
});
test('bad input: a clear one-line error, a non-zero exit and no output folder', async () => {
    const cases = [
        [['--models', 'logistic,xgboost'], 64, /unknown model "xgboost"/],
        [['--models', 'logistic,logistic'], 64, /"logistic" is listed twice/],
        [['--models', 'scorecard:'], 64, /names no scorecard/],
        [['--models', 'gbdt', '--param', 'logistic.l2=1'], 64, /logistic is not among --models/],
        [['--models', 'logistic', '--param', 'l2=1'], 64, /family\.key=value/],
        [['--models', 'logistic', '--param', 'logistic.bogus=1'], 64, /unknown parameter bogus for logistic/],
        [['--models', 'gbdt', '--step', 'week'], 64, /--step must be one of quarter, month/],
        [['--models', 'gbdt', '--calibration', 'sigmoid'], 64, /--calibration must be one of none, platt, isotonic/],
        [['--models', 'gbdt', '--start', '2030-01-01'], 64, /after the last labeled as_of/],
        [['--models', 'scorecard:default', '--horizon', '30'], 2, /column churned_within_30d: label column is missing/],
        [['--models', `scorecard:${join(work.dir, 'nope.json')}`], 2, /nope\.json/],
    ];
    for (const [args, code, message] of cases) {
        const out = join(work.dir, 'bad');
        const r = churnkit('backtest', '--features', features, '--out', out, ...args);
        assert.equal(r.status, code, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        await assert.rejects(stat(out), 'no partial output');
    }
});
test('the demo step backtests logistic, gbdt and the default scorecard into reports/demo/backtest', async () => {
    const root = join(work.dir, 'demo', 'data');
    const ctx = {
        root,
        io: { json: false, progress: silentProgress, say: () => { }, warn: () => { } },
        results: { features: { out: features } },
    };
    const summary = (await backtestDemoStep.run(ctx));
    assert.equal(summary.metrics, join(work.dir, 'demo', 'reports', 'demo', 'backtest', 'metrics.json'));
    const m = JSON.parse(await readFile(summary.metrics, 'utf8'));
    assert.deepEqual(Object.keys(m.pooled), ['logistic', 'gbdt', 'scorecard:default']);
    await stat(join(work.dir, 'demo', 'reports', 'demo', 'backtest', 'oof.parquet'));
});
test('the committed example metrics.json and JSON Schema file are current', async () => {
    const validate = validator();
    const example = JSON.parse(await readFile(fixture('backtest', 'metrics.example.json'), 'utf8'));
    assert.equal(validate(example), true, JSON.stringify(validate.errors));
    const committed = await readFile(join(fixture('backtest', '..'), '..', '..', 'models', 'backtest-metrics.schema.json'), 'utf8');
    assert.equal(committed, `${JSON.stringify(BACKTEST_METRICS_JSON_SCHEMA, null, 2)}\n`, 'regenerate: node dist/src/evaluate/backtest/write-schema.js');
    // The schema rejects a metrics file without a model's bands.
    delete example.pooled.gbdt.bands;
    assert.equal(validate(example), false);
});
//# sourceMappingURL=backtest-run.test.js.map