import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openHistory } from '../../src/data/history.js';
import { buildFeatures } from '../../src/features/index.js';
import { TRANSACTION_TABLE_COLUMNS } from '../../src/features/registry.js';
import { tempDir } from '../support/paths.js';
import { write } from '../data/helpers.js';
/** A purchase log computed by hand: A buys on Jan 5, Jan 20 and Mar 10 1997; B once, on Jan 10. */
const ACCOUNTS = 'account_id,started_at\nA,1997-01-05\nB,1997-01-10\n';
const PURCHASES = [
    'account_id,occurred_at,event,quantity',
    'A,1997-01-05T10:00:00Z,purchase,10.00',
    'A,1997-01-20T18:30:00Z,purchase,20.00',
    'A,1997-03-10T09:00:00Z,purchase,30.00',
    'B,1997-01-10T12:00:00Z,purchase,50.00',
    'B,1997-06-30T12:00:00Z,purchase,1.50',
];
async function rows(usage, asOf) {
    const { dir, cleanup } = await tempDir('churnkit-tx-');
    try {
        await write(dir, 'accounts.csv', ACCOUNTS);
        await write(dir, 'usage.csv', `${usage.join('\n')}\n`);
        const h = await openHistory(dir);
        try {
            const built = await buildFeatures(h, { asOf, featureSet: 'auto', label: 'inactivity' });
            assert.equal(built.featureSet, 'transactions', 'a purchase log (no logins, amounts with cents) picks the transactional set');
            assert.deepEqual(built.columns, TRANSACTION_TABLE_COLUMNS);
            const reader = await h.connection.runAndReadAll(`SELECT * REPLACE (CAST(as_of AS VARCHAR) AS as_of) FROM ${built.relation} ORDER BY as_of, account_id`);
            return reader.getRowObjectsJS();
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
}
test('transactional features by their definitions: recency, frequency and monetary windows, inter-purchase time and its trend', async () => {
    const r = await rows(PURCHASES, ['1997-02-01', '1997-04-01']);
    const a = (asOf) => r.find((x) => x['account_id'] === 'A' && x['as_of'] === asOf);
    assert.deepEqual({ ...a('1997-02-01'), as_of: undefined }, {
        account_id: 'A',
        as_of: undefined,
        segment: null,
        days_since_last_purchase: 12,
        purchases_total: 2,
        purchases_30d: 2,
        spend_30d: 30,
        purchases_90d: 2,
        spend_90d: 30,
        purchases_365d: 2,
        spend_365d: 30,
        spend_total: 30,
        mean_days_between_purchases: 15,
        purchase_gap_trend: null,
        recency_vs_mean_gap: 12 / 15,
        spend_trend_90d: 3,
        tenure_days: 27,
        churned_within_90d: 0,
    });
    const april = a('1997-04-01');
    assert.equal(april['days_since_last_purchase'], 22);
    assert.equal(april['purchases_total'], 3);
    assert.equal(april['purchases_30d'], 1);
    assert.equal(april['spend_30d'], 30);
    assert.equal(april['spend_total'], 60);
    assert.equal(april['mean_days_between_purchases'], 32); // (Mar 10 - Jan 5) / 2
    assert.ok(Math.abs(Number(april['purchase_gap_trend']) - (49 / 15 - 1)) < 1e-12); // last gap 49 vs 15 before it
    assert.equal(april['recency_vs_mean_gap'], 22 / 32);
    assert.equal(april['churned_within_90d'], 1); // nothing in [Apr 1, Jun 30)
    const b = r.find((x) => x['account_id'] === 'B' && x['as_of'] === '1997-04-01');
    assert.equal(b['mean_days_between_purchases'], null); // one purchase day
    assert.equal(b['days_since_last_purchase'], 81);
});
test('point in time: purchases at or after the as-of date change no feature of that row', async () => {
    const before = await rows(PURCHASES, ['1997-04-01']);
    const future = [...PURCHASES, 'A,1997-04-01T00:00:00Z,purchase,999.00', 'A,1997-05-02T00:00:00Z,purchase,7.00'];
    const after = await rows(future, ['1997-04-01']);
    const features = (x) => x.map(({ churned_within_90d: _label, ...rest }) => rest);
    assert.deepEqual(features(after), features(before));
    // only the label, which looks ahead by design, sees them
    assert.equal(after.find((x) => x['account_id'] === 'A')['churned_within_90d'], 0);
});
test('--feature-set transactions through the CLI: the table, then a backtest of logistic and the transactions scorecard', async () => {
    const { spawnSync } = await import('node:child_process');
    const { cliPath } = await import('../support/paths.js');
    const { dir, cleanup } = await tempDir('churnkit-tx-cli-');
    try {
        // 300 customers over 18 months: the engaged ones buy every few weeks, the rest lapse
        const acc = ['account_id,started_at'];
        const use = ['account_id,occurred_at,event,quantity'];
        let s = 7;
        const rnd = () => {
            s = (s * 1103515245 + 12345) % 2147483648;
            return s / 2147483648;
        };
        for (let c = 0; c < 300; c++) {
            const start = Date.UTC(1997, 0, 1) + Math.floor(rnd() * 60) * 86_400_000;
            acc.push(`C${c},${new Date(start).toISOString().slice(0, 10)}`);
            const every = 10 + Math.floor(rnd() * 40);
            const stop = start + (rnd() < 0.5 ? 540 : 60 + rnd() * 300) * 86_400_000;
            for (let t = start; t < Math.min(stop, Date.UTC(1998, 5, 30)); t += every * 86_400_000)
                use.push(`C${c},${new Date(t).toISOString().slice(0, 10)},purchase,${(5 + rnd() * 40).toFixed(2)}`);
        }
        await write(dir, 'accounts.csv', `${acc.join('\n')}\n`);
        await write(dir, 'usage.csv', `${use.join('\n')}\n`);
        const out = join(dir, 'tx.parquet');
        const f = spawnSync(process.execPath, [cliPath, 'features', '--data', dir, '--out', out, '--label', 'inactivity', '--json'], { encoding: 'utf8' });
        assert.equal(f.status, 0, f.stderr);
        assert.equal(JSON.parse(f.stdout).feature_set, 'transactions');
        const bt = spawnSync(process.execPath, [
            cliPath,
            'backtest',
            '--features',
            out,
            '--models',
            'logistic,scorecard:transactions',
            '--param',
            'logistic.l2=1',
            '--out',
            join(dir, 'bt'),
            '--json',
        ], { encoding: 'utf8' });
        assert.equal(bt.status, 0, bt.stderr);
        const pooled = JSON.parse(bt.stdout).pooled;
        assert.ok(pooled['logistic'].auc > 0.8, `logistic AUC ${pooled['logistic'].auc}`);
        assert.ok(pooled['scorecard:transactions'].auc > 0.7, `scorecard AUC ${pooled['scorecard:transactions'].auc}`);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=transactions.test.js.map