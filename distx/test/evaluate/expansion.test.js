/**
 * Expansion end to end on a simulated history, with the real CLI: `features --label expansion`,
 * then train, backtest, calibrate, score, serve and report on `expanded_within_90d`. The
 * simulator plants an add-on rule (truth.json `expansion`); the model must find its drivers'
 * directions, and rank expansions well above chance on walk-forward folds it never trained on.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { loadFrame } from '../../src/data/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { post, startService } from '../serve/support.js';
const churnkit = (...args) => {
    const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, `churnkit ${args[0]}: ${r.stderr}`);
    return r.stdout;
};
let work;
const at = (...p) => join(work.dir, ...p);
let truth;
before(async () => {
    work = await tempDir('churnkit-expansion-sim-');
    await simulate({ accounts: 700, months: 24, seed: 17, out: at('data') });
    truth = JSON.parse(await readFile(at('data', 'truth.json'), 'utf8'));
    churnkit('features', '--data', at('data'), '--out', at('features.parquet'), '--label', 'expansion');
    churnkit('train', '--features', at('features.parquet'), '--model', 'logistic', '--label', 'expanded_within_90d', '--out', at('expansion.json'));
});
after(() => work.cleanup());
/** `churnkit backtest --label expanded_within_90d` of the simulated table; its metrics.json. */
async function backtestExpansion(models, out) {
    churnkit('backtest', '--features', at('features.parquet'), '--label', 'expanded_within_90d', '--models', models, '--out', at(out));
    return JSON.parse(await readFile(at(out, 'metrics.json'), 'utf8'));
}
test("a logistic model of expanded_within_90d finds the planted drivers' directions", async () => {
    const model = JSON.parse(await readFile(at('expansion.json'), 'utf8'));
    assert.equal(model.provenance.label, 'expanded_within_90d');
    const coefficients = new Map(model.diagnostics.coefficients.map((c) => [c.name, c]));
    assert.ok(truth.expansion.drivers.length >= 2);
    for (const d of truth.expansion.drivers) {
        const c = coefficients.get(d.name);
        assert.ok(c, `${d.name} is an input of the model`);
        // the planted sign, and clearly so (|z| > 2), not a coin flip
        assert.ok(d.direction * c.z > 2, `${d.name}: coefficient ${c.coef} (z ${c.z}), planted direction ${d.direction}`);
    }
});
test('backtest --label expanded_within_90d: the model ranks expansions on held-out folds; cards rank by score', async () => {
    const m = await backtestExpansion('logistic,scorecard:default', 'backtest-expansion');
    assert.equal(m.params.label, 'expanded_within_90d');
    assert.ok(m.folds.length >= 3);
    const logistic = m.pooled['logistic'];
    assert.ok(logistic.auc > 0.7, `pooled held-out AUC ${logistic.auc}`);
    for (const f of m.folds)
        assert.ok(f.models.logistic.auc > 0.6, `fold ${f.cutoff}: ${f.models.logistic.auc}`);
    // healthy accounts are the ones that grow: the default health card ranks by its score, GREEN first
    const card = m.pooled['scorecard:default'];
    assert.equal(card.probability_source, 'score_rank');
    assert.ok(card.auc > 0.55, `default card AUC on expansion ${card.auc}`);
    assert.ok(card.bands.GREEN.rate > card.bands.RED.rate, JSON.stringify(card.bands));
    assert.ok(logistic.bands.GREEN.rate > logistic.bands.RED.rate, 'the likeliest rows are the GREEN ones');
    assert.ok(m.notes.some((n) => /opportunity/.test(n)));
});
test('calibrate --label expanded_within_90d: a card whose score rises with expansion, without a churn map', async () => {
    const summary = JSON.parse(churnkit('calibrate', '--features', at('features.parquet'), '--label', 'expanded_within_90d', '--bootstrap', '0', '--out', at('expansion-card.json'), '--json'));
    const card = JSON.parse(await readFile(at('expansion-card.json'), 'utf8'));
    assert.equal(card.probability.method, 'none');
    assert.equal(card.provenance.outcome, 'opportunity');
    assert.ok(summary.auc.calibrated > 0.65, `later-slice AUC ${summary.auc.calibrated}`);
    // utilization is the strongest planted driver: its points rise with it
    const signal = card.layers
        .flatMap((l) => l.signals)
        .find((s) => s.feature === 'license_utilization');
    const points = signal.points.map((b) => b.points);
    assert.ok(points.at(-1) > points[0], `license_utilization points ${points}`);
    // the card backtests on the label it was fitted to, GREEN expanding most
    const m = await backtestExpansion(`scorecard:${at('expansion-card.json')}`, 'backtest-card');
    const pooled = m.pooled['scorecard:expansion-card'];
    assert.ok(pooled.bands.GREEN.rate > pooled.bands.YELLOW.rate && pooled.bands.YELLOW.rate > pooled.bands.RED.rate);
});
test('score and serve --expansion-model: expansion_probability beside the churn risk; a churn model is refused', async () => {
    const scoreArgs = (model, out) => [
        'score',
        '--scorecard',
        'default',
        '--features',
        at('features.parquet'),
        '--expansion-model',
        model,
        '--out',
        out,
    ];
    churnkit(...scoreArgs(at('expansion.json'), at('scores.parquet')));
    churnkit('predict', '--model', at('expansion.json'), '--features', at('features.parquet'), '--out', at('p.parquet'));
    const scores = await loadFrame(at('scores.parquet'));
    const predicted = await loadFrame(at('p.parquet'));
    const p = predicted.columns['probability'];
    const e = scores.columns['expansion_probability'];
    const status = scores.columns['status'];
    let compared = 0;
    for (let i = 0; i < scores.n; i++) {
        if (status[i] !== 'scored')
            assert.ok(Number.isNaN(e[i]));
        else {
            assert.ok(Math.abs(e[i] - p[i]) < 1e-12, `row ${i}: ${e[i]} vs ${p[i]}`);
            compared++;
        }
    }
    assert.ok(compared > 1000);
    // a churn model passed as the expansion model is a mistake, said before any work
    churnkit('train', '--features', at('features.parquet'), '--model', 'logistic', '--out', at('churn.json'));
    const wrong = spawnSync(process.execPath, [cliPath, ...scoreArgs(at('churn.json'), at('never.csv'))], {
        encoding: 'utf8',
    });
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /trained on churned_within_90d, not on an expansion label/);
    const service = await startService({ scorecard: 'default', expansionModel: at('expansion.json') });
    try {
        const i = status.indexOf('scored');
        const features = await loadFrame(at('features.parquet'));
        const model = JSON.parse(await readFile(at('expansion.json'), 'utf8'));
        const account = { account_id: 'X', as_of: '2024-06-01' };
        for (const name of model.state.names) {
            const v = features.columns[name][i];
            if (Number.isNaN(v))
                continue;
            account[name] = features.kinds[name] === 'boolean' ? v === 1 : v;
        }
        const answer = (await post(`${service.base}`, '/v1/score?exact=true', account)).body;
        assert.ok(Math.abs(answer.expansion_probability - p[i]) < 1e-9, JSON.stringify(answer));
        assert.equal(typeof answer.probability === 'number' || answer.probability === null, true);
    }
    finally {
        await service.close();
    }
    await assert.rejects(startService({ scorecard: 'default', expansionModel: at('churn.json') }), /not on an expansion label/);
});
test('report --expansion-model --expansion-backtest: where to grow (GREEN, likeliest first) beside the accounts to call', async () => {
    churnkit('backtest', '--features', at('features.parquet'), '--models', 'scorecard:default', '--out', at('backtest-churn'));
    churnkit('report', '--backtest', at('backtest-churn'), '--features', at('features.parquet'), '--expansion-model', at('expansion.json'), '--expansion-backtest', at('backtest-expansion'), '--out', at('report'));
    const md = await readFile(at('report', 'summary.md'), 'utf8');
    const html = await readFile(at('report', 'index.html'), 'utf8');
    assert.match(md, /## Accounts to call this week/);
    assert.match(md, /## Where to grow \(as of \d{4}-\d{2}-\d{2}\)/);
    assert.match(md, /## How well expansion is predicted/);
    assert.match(html, /id="where-to-grow"/);
    const grow = md.split('## Where to grow')[1].split('\n## ')[0];
    const rows = grow
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| account') && !l.startsWith('| ---'));
    assert.ok(rows.length > 0, grow);
    const probabilities = rows.map((r) => Number(r.split('|')[5].trim().replace('%', '')));
    assert.deepEqual(probabilities, [...probabilities].sort((a, b) => b - a), 'likeliest first');
    const metrics = JSON.parse(await readFile(at('backtest-expansion', 'metrics.json'), 'utf8'));
    assert.ok(md.includes(`| logistic | ${metrics.pooled.logistic.auc.toFixed(3)} |`));
});
//# sourceMappingURL=expansion.test.js.map