/**
 * `churnkit calibrate --columns --label --time-column --id-column`: a scorecard calibrated on a
 * table of the user's own recency/frequency/monetary columns, compared with the same signals at
 * equal weights.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFrame } from '../../src/data/index.js';
import { calibrateScorecard } from '../../src/scorecard/calibrate/index.js';
import { loadScorecard, scoreColumns } from '../../src/scorecard/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { rfmCsv } from '../support/rfm.js';
let work;
let rfm;
before(async () => {
    work = await tempDir('churnkit-calibrate-columns-');
    rfm = join(work.dir, 'rfm.csv');
    await writeFile(rfm, rfmCsv());
});
after(() => work.cleanup());
const own = { label: 'churned_next_90d', timeColumn: 'month', idColumn: 'customer_id' };
test('a card of your own columns: directions from the data, points and weights fitted, scores like any card', async () => {
    const frame = await loadFrame(rfm);
    const base = await loadScorecard('default');
    const result = calibrateScorecard(frame, {
        base,
        columns: ['recency_days', 'frequency_90d', 'monetary_90d'],
        ...own,
        bootstrap: 0,
        table: rfm,
    });
    const [layer] = result.card.layers;
    assert.equal(result.card.layers.length, 1);
    assert.equal(layer.name, 'custom');
    assert.deepEqual(layer.signals.map((s) => [s.feature, s.direction]), [
        ['recency_days', 'higher_is_riskier'],
        ['frequency_90d', 'higher_is_safer'],
        ['monetary_90d', 'higher_is_safer'],
    ]);
    // Recency drives churn in this table: it carries the most weight.
    assert.ok(layer.signals[0].weight > 0.4, `recency weight ${layer.signals[0].weight}`);
    assert.equal(result.card.overrides.length, 0);
    assert.equal(result.fidelity.target, 'observed churn (churned_next_90d)');
    assert.match(result.fidelity.reference, /^equal weights/);
    assert.ok(result.fidelity.auc.calibrated > 0.85, `AUC ${result.fidelity.auc.calibrated}`);
    // The fit slice ends a horizon before the later slice, dated by the table's own month column.
    const { fit, later } = result.fidelity.slices;
    assert.equal(fit.as_of_from, '2022-01-01');
    assert.ok(fit.as_of_to < later.as_of_from);
    // The card scores the table like any other (its own column names, no churnkit features).
    const scored = scoreColumns(result.card, frame);
    assert.equal(scored.score.length, frame.n);
    assert.ok(scored.score.every((s) => s >= 0 && s <= 100));
});
test('churnkit calibrate --columns on the command line; refusals name the problem', async () => {
    const out = join(work.dir, 'card.json');
    const run = (...args) => spawnSync(process.execPath, [cliPath, 'calibrate', '--features', rfm, ...args], { encoding: 'utf8' });
    const ok = run('--columns', 'recency_days,frequency_90d', '--label', 'churned_next_90d', '--time-column', 'month', '--id-column', 'customer_id', '--bootstrap', '10', '--out', out, '--json');
    assert.equal(ok.status, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout);
    assert.deepEqual(summary.layers.map((l) => l.name), ['custom']);
    const card = JSON.parse(await readFile(out, 'utf8'));
    assert.equal(card.provenance.base, 'columns: recency_days, frequency_90d');
    await stat(join(work.dir, 'card.fidelity.md'));
    const bad = [
        [
            ['--columns', 'region'],
            /row 1, column region: column is text \("[a-z]+"\), not a number or a boolean: a scorecard signal gets points by bands/,
        ],
        [['--columns', 'recency_days,nope'], /column nope: is not in the table/],
        [['--columns', 'recency_days', '--base', 'default.json'], /use one/],
        [
            ['--columns', 'recency_days', '--label', 'churned_next_90d', '--time-column', 'as_of'],
            /column as_of: is not in the table/,
        ],
    ];
    for (const [args, message] of bad) {
        const r = run(...args, ...(args.includes('--label') ? [] : ['--label', 'churned_next_90d', '--time-column', 'month']), '--id-column', 'customer_id', '--out', join(work.dir, 'bad.json'));
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, message);
        await assert.rejects(stat(join(work.dir, 'bad.json')), 'no partial output');
    }
});
//# sourceMappingURL=columns.test.js.map