/**
 * Backtests on tables churnkit did not write: a user's own recency/frequency/monetary table
 * (--columns, --label, --horizon, --time-column, --id-column), with a first year without any
 * churner and a quiet quarter later, and churnkit's own table where usage data starts late.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBacktest } from '../../src/evaluate/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { rfmCsv } from '../support/rfm.js';
let work;
let rfm;
before(async () => {
    work = await tempDir('churnkit-bt-byo-');
    rfm = join(work.dir, 'rfm.csv');
    await writeFile(rfm, rfmCsv());
});
after(() => work.cleanup());
const own = {
    columns: ['recency_days', 'frequency_90d', 'monetary_90d', 'region'],
    categorical: ['region'],
    label: 'churned_next_90d',
    horizon: 90,
    timeColumn: 'month',
    idColumn: 'customer_id',
};
test('a table of your own columns backtests: folds by --time-column, single-class periods skipped with a note', async () => {
    // With a latest-slice calibration holdout (not the default), the first fold's fit rows hold no churner.
    const { metrics } = await runBacktest({
        features: rfm,
        models: ['logistic', 'gbdt'],
        ...own,
        holdout: 0.2,
        calibration: 'platt',
    });
    assert.deepEqual(metrics.params.columns, own.columns);
    assert.equal(metrics.params.time_column, 'month');
    assert.equal(metrics.params.label, 'churned_next_90d');
    // No scorecard columns: models are banded at fixed shares.
    assert.equal(metrics.params.model_bands, 'fixed_shares');
    // The first churners are in month 12 (2023-01-01), known at 2023-04-01: the first cutoff.
    assert.equal(metrics.params.start, '2023-04-01');
    assert.match(metrics.params.start_reason, /both classes among the training rows \(13 churned of 780\); both classes decided it/);
    // There the churners are all in the fold's latest rows, which a holdout gives to calibration, so
    // the rows the models fit on hold none; the next quarter has no churner to test. Both are skipped.
    assert.deepEqual(metrics.skipped_folds.map((f) => f.cutoff), ['2023-04-01', '2023-07-01']);
    assert.equal(metrics.skipped_folds[0].reason, 'logistic: the 480 training rows before the held-out slice (month >= 2022-11-01) all have churned_next_90d = 0; a model needs both classes (use more history, a later --start in a backtest, or another --label)');
    assert.equal(metrics.skipped_folds[1].reason, 'no churner among the 180 test rows');
    assert.deepEqual(metrics.folds.map((f) => [f.index, f.cutoff]), [
        [0, '2023-10-01'],
        [1, '2024-01-01'],
    ]);
    for (const name of ['logistic', 'gbdt']) {
        const auc = metrics.pooled[name].auc;
        assert.ok(auc > 0.75, `${name} pooled AUC ${auc}: recency and frequency drive churn`);
    }
    // By default the models fit every training row (cross-fitted calibration): that fold is measured.
    const crossFitted = (await runBacktest({ features: rfm, models: ['logistic'], ...own })).metrics;
    assert.deepEqual(crossFitted.skipped_folds.map((f) => f.cutoff), ['2023-07-01']);
    assert.deepEqual(crossFitted.folds.map((f) => f.cutoff), ['2023-04-01', '2023-10-01', '2024-01-01']);
});
test('refusals name what is missing: a scorecard on your own table, your table without --columns', async () => {
    await assert.rejects(runBacktest({ features: rfm, models: ['logistic', 'scorecard:default'], ...own }), /--models scorecard:default: .*rfm\.csv has no column usage_trend_14d, .*\.\.\. that the scorecard reads/);
    const { columns: _columns, categorical: _categorical, ...noColumns } = own;
    await assert.rejects(runBacktest({ features: rfm, models: ['logistic'], ...noColumns }), /is not a churnkit feature table .*pass --columns/);
    await assert.rejects(runBacktest({ features: rfm, models: ['logistic'], ...own, timeColumn: 'as_of' }), /column as_of: column is missing/);
});
test('churnkit backtest --columns --label --horizon --time-column --id-column on the command line', async () => {
    const out = join(work.dir, 'cli');
    const r = spawnSync(process.execPath, [
        cliPath,
        'backtest',
        '--features',
        rfm,
        '--models',
        'logistic',
        '--columns',
        'recency_days,frequency_90d',
        '--label',
        'churned_next_90d',
        '--horizon',
        '90',
        '--time-column',
        'month',
        '--id-column',
        'customer_id',
        '--out',
        out,
    ], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /first cutoff 2023-04-01: .*both classes decided it/);
    assert.match(r.stdout, /skipped the fold at 2023-07-01: no churner among the 180 test rows/);
    const m = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    assert.deepEqual(m.params.columns, ['recency_days', 'frequency_90d']);
    assert.equal(m.skipped_folds.length, 1);
    await stat(join(out, 'oof.parquet'));
});
test('a column of numbers written as text is refused before any fold, naming the file row, with the fix', async () => {
    // Row 3 holds the first value: rows 1-2 are empty (an export where revenue starts late).
    const lines = (await readFile(rfm, 'utf8')).trimEnd().split('\n');
    const header = `${lines[0]},revenue,plan,note`;
    const body = lines.slice(1).map((line, i) => {
        const revenue = i < 2 ? '' : `"$${(1000 + i).toLocaleString('en-US')}.50"`;
        return `${line},${revenue},${['basic', 'pro', 'team'][i % 3]},free text ${i}`;
    });
    const table = join(work.dir, 'rfm-text.csv');
    await writeFile(table, `${[header, ...body].join('\n')}\n`);
    const run = (command, columns, out, extra = []) => spawnSync(process.execPath, [
        cliPath,
        command,
        '--features',
        table,
        '--columns',
        columns,
        '--label',
        own.label,
        '--horizon',
        '90',
        '--time-column',
        own.timeColumn,
        ...(command === 'backtest' ? ['--id-column', own.idColumn, '--models', 'logistic'] : ['--model', 'logistic']),
        ...extra,
        '--out',
        join(work.dir, out),
    ], { encoding: 'utf8' });
    for (const command of ['backtest', 'train']) {
        const out = command === 'backtest' ? 'bt-text' : 'text.json';
        let r = run(command, 'recency_days,revenue', out);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /table .*rfm-text\.csv, row 3, column revenue: holds numbers written as text \("\$1,002\.50"\): give them as plain numbers/);
        assert.doesNotMatch(r.stderr, /fold at/, 'refused before the folds');
        // a few levels: one-hot encoding is the suggestion; free text: no such suggestion
        r = run(command, 'recency_days,plan', out);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /row 1, column plan: column is text \("basic"\), not numeric; list it under --categorical/);
        r = run(command, 'recency_days,note', out);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /row 1, column note: column is text \("free text 0"; [\d,]+ distinct values\), not numeric$/m);
        await assert.rejects(stat(join(work.dir, out)), 'no output');
    }
});
//# sourceMappingURL=backtest-byo.test.js.map