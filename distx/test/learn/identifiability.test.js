/**
 * Issue 15's identifiability failures on small hand-made tables: duplicated signals are aliased
 * (one coefficient, estimated, with a finite interval), never split or refused, and the defaults
 * (light ridge, aliasing) fit with no flags where exact maximum likelihood would fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MODEL_COLUMNS, trainModel, } from '../../src/learn/index.js';
import { FEATURE_TABLE_COLUMNS } from '../../src/features/registry.js';
import { FEATURE_VALUE_RULES } from '../../src/features/index.js';
import { Rng } from '../../src/util/rng.js';
import { cliPath, tempDir } from '../support/paths.js';
function frameOf(columns) {
    const names = Object.keys(columns);
    const kinds = {};
    for (const name of names)
        kinds[name] = columns[name] instanceof Float64Array ? 'number' : 'text';
    return { n: columns[names[0]].length, names, kinds, columns };
}
function rowOf(d, name) {
    const row = d.coefficients.find((r) => r.name === name);
    assert.ok(row, `no row ${name}`);
    return row;
}
/** 27% of accounts whose champion left churn, 3% of the others (the numbers). */
function championTable(n, seed) {
    const rng = new Rng(seed);
    const departed = Float64Array.from({ length: n }, () => (rng.next() < 0.2 ? 1 : 0));
    const engagement = Float64Array.from(departed, (d) => (d === 1 ? NaN : rng.normal()));
    const usage = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from(departed, (d) => (rng.next() < (d === 1 ? 0.27 : 0.03) ? 1 : 0));
    return frameOf({
        usage_trend_14d: usage,
        champion_engagement_change_30d: engagement,
        champion_departed: departed,
        churned: y,
    });
}
test('champion_departed keeps one estimated coefficient; the :missing indicator that equals it is aliased', async () => {
    const frame = championTable(600, 1);
    for (const l2 of [undefined, 0]) {
        const m = await trainModel(frame, {
            family: 'logistic',
            label: 'churned',
            columns: ['usage_trend_14d', 'champion_engagement_change_30d', 'champion_departed'],
            timeColumn: null,
            missing: 'indicator',
            ...(l2 === undefined ? {} : { params: { l2 } }),
        });
        const s = m.model.summary();
        const indicator = rowOf(s, 'champion_engagement_change_30d:missing');
        assert.equal(indicator.status, 'aliased');
        assert.equal(indicator.note, 'aliased: champion_engagement_change_30d:missing = champion_departed');
        const departed = rowOf(s, 'champion_departed');
        assert.equal(departed.status, 'estimated');
        // log odds ratio of 27% vs 3% is about 2.5: the signal is all here, with a finite interval.
        assert.ok(departed.coef > 1.5 && departed.coef < 3.5, `coef ${departed.coef} (l2 ${l2})`);
        assert.ok(departed.p_value < 1e-6, `p ${departed.p_value}`);
        assert.ok(departed.odds_ratio_ci_low > 2 && departed.odds_ratio_ci_high < 100, JSON.stringify(departed));
    }
});
test('tenure_days is aliased with days_to_renewal when every account is in its first contract year', async () => {
    const rng = new Rng(2);
    const n = 400;
    const tenure = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 365));
    const renewal = Float64Array.from(tenure, (t) => 365 - t);
    const y = Float64Array.from(renewal, (r) => (rng.next() < 1 / (1 + Math.exp(3 - r / 120)) ? 1 : 0));
    const m = await trainModel(frameOf({ days_to_renewal: renewal, tenure_days: tenure, y }), {
        family: 'logistic',
        label: 'y',
        columns: ['days_to_renewal', 'tenure_days'],
        timeColumn: null,
    });
    const s = m.model.summary();
    assert.deepEqual(s.aliased, [
        { name: 'tenure_days', duplicates: ['days_to_renewal'], equals: 'tenure_days = 365 - days_to_renewal' },
    ]);
    assert.equal(rowOf(s, 'days_to_renewal').status, 'estimated');
    assert.ok(rowOf(s, 'days_to_renewal').odds_ratio_ci_low > 1);
});
test("Telco's MultipleLines=No phone service is aliased with PhoneService (the earlier column keeps it)", async () => {
    const rng = new Rng(3);
    const n = 300;
    const phone = [];
    const lines = [];
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const hasPhone = rng.next() < 0.9;
        phone.push(hasPhone ? 'Yes' : 'No');
        lines.push(hasPhone ? (rng.next() < 0.5 ? 'Yes' : 'No') : 'No phone service');
        y[i] = rng.next() < (hasPhone ? 0.25 : 0.1) ? 1 : 0;
    }
    const m = await trainModel(frameOf({ PhoneService: phone, MultipleLines: lines, Churn: y }), {
        family: 'logistic',
        label: 'Churn',
        columns: ['PhoneService', 'MultipleLines'],
        categorical: ['PhoneService', 'MultipleLines'],
        timeColumn: null,
        params: { l2: 0 },
    });
    const s = m.model.summary();
    assert.equal(rowOf(s, 'PhoneService=Yes').status, 'estimated');
    assert.equal(rowOf(s, 'MultipleLines=No phone service').status, 'aliased');
    assert.equal(rowOf(s, 'MultipleLines=No phone service').note, 'aliased: MultipleLines=No phone service = 1 - PhoneService=Yes');
    assert.equal(rowOf(s, 'MultipleLines=Yes').status, 'estimated');
});
/** A noise value within the column's rule (relative changes from -1, counts and days not negative). */
function inRange(column, z) {
    const rule = FEATURE_VALUE_RULES[column];
    const v = Math.max(rule?.min ?? -Infinity, Math.min(rule?.max ?? Infinity, rule?.min === 0 ? Math.abs(z) : z));
    return rule?.kind === 'integer' ? String(Math.round(v)) : v.toFixed(3);
}
/**
 * A churnkit feature table as a user's small history gives it: 40 accounts a month for two
 * years, all in their first contract year, champion engagement NULL exactly when the champion
 * has left, and few churns, so that early folds nearly separate.
 */
async function writeSmallHistory(path) {
    const rng = new Rng(4);
    const lines = [FEATURE_TABLE_COLUMNS.join(',')];
    for (let m = 0; m < 24; m++) {
        const asOf = new Date(Date.UTC(2024, m, 1)).toISOString().slice(0, 10);
        for (let k = 0; k < 40; k++) {
            const tenure = Math.floor(rng.next() * 365);
            const departed = rng.next() < 0.15;
            // usage_trend_14d is a relative change, -1 (stopped) to 3 by definition
            const usage = Math.max(-1, Math.min(3, 0.4 * rng.normal()));
            const risk = -2.8 + (departed ? 2.2 : 0) - 3 * usage;
            const label = m >= 21 ? '' : rng.next() < 1 / (1 + Math.exp(-risk)) ? '1' : '0';
            const values = {
                account_id: `A${m}-${k}`,
                as_of: asOf,
                segment: 'smb',
                usage_trend_14d: usage.toFixed(3),
                champion_engagement_change_30d: departed ? '' : inRange('champion_engagement_change_30d', rng.normal()),
                champion_departed: String(departed),
                days_to_renewal: String(365 - tenure),
                tenure_days: String(tenure),
                churned_within_90d: label,
            };
            for (const c of FEATURE_TABLE_COLUMNS) {
                if (c in values)
                    continue;
                values[c] = ['zero_usage_14d', 'active_escalation'].includes(c)
                    ? String(rng.next() < 0.1)
                    : inRange(c, rng.normal());
            }
            lines.push(FEATURE_TABLE_COLUMNS.map((c) => values[c]).join(','));
        }
    }
    await writeFile(path, `${lines.join('\n')}\n`);
}
test('train --model logistic and backtest run with no flags on a small history with duplicated signals', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const features = join(dir, 'features.csv');
        await writeSmallHistory(features);
        const model = join(dir, 'model.json');
        const train = spawnSync(process.execPath, [cliPath, 'train', '--features', features, '--model', 'logistic', '--out', model, '--json'], { encoding: 'utf8' });
        assert.equal(train.status, 0, train.stderr);
        const out = JSON.parse(train.stdout);
        assert.deepEqual(out.features, DEFAULT_MODEL_COLUMNS);
        const status = Object.fromEntries(out.coefficients.map((r) => [r.name, r.status]));
        // Mean imputation by default: no :missing column to alias; with --missing indicator it is (above).
        assert.equal(status['champion_engagement_change_30d:missing'], undefined);
        assert.equal(status['tenure_days'], 'aliased');
        assert.equal(status['champion_departed'], 'estimated');
        assert.equal(status['days_to_renewal'], 'estimated');
        const artifact = JSON.parse(await readFile(model, 'utf8'));
        assert.ok(JSON.stringify(artifact).includes('tenure_days = 365 - days_to_renewal'));
        const backtest = spawnSync(process.execPath, [cliPath, 'backtest', '--features', features, '--models', 'logistic,gbdt', '--out', join(dir, 'bt'), '--json'], { encoding: 'utf8' });
        assert.equal(backtest.status, 0, backtest.stderr);
        const pooled = JSON.parse(backtest.stdout).pooled;
        assert.ok(pooled['logistic'].auc > 0.7, JSON.stringify(pooled));
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=identifiability.test.js.map