/**
 * `churnkit export-sql`: the scorecard compiled to one query gives `churnkit score`'s numbers on
 * DuckDB and on a real PostgreSQL the test starts itself, row for row and column for column.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { loadFrame, openDuckDB, queryRows, quoteLiteral } from '../../src/data/index.js';
import { BANDS, loadScorecard, parseScorecard, scoreTable } from '../../src/scorecard/index.js';
import { compileScorecardSql, withPostgres, writeFrameToPostgres } from '../../src/warehouse/index.js';
import { loadModel } from '../../src/learn/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { startPostgres } from '../support/postgres.js';
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
let work;
let features;
let frame;
let cluster;
const cards = {};
let logistic;
before(async () => {
    work = await tempDir('churnkit-export-sql-');
    const [pgCluster] = await Promise.all([
        startPostgres(),
        (async () => {
            await simulate({ accounts: 400, months: 16, seed: 3, out: join(work.dir, 'data') });
            features = join(work.dir, 'features.parquet');
            let r = churnkit('features', '--data', join(work.dir, 'data'), '--out', features);
            assert.equal(r.status, 0, r.stderr);
            r = churnkit('calibrate', '--features', features, '--out', join(work.dir, 'calibrated.json'), '--bootstrap', '0');
            assert.equal(r.status, 0, r.stderr);
            r = churnkit('train', '--features', features, '--model', 'logistic', '--l2', '0.01', '--calibration', 'platt', '--out', join(work.dir, 'logistic.json'));
            assert.equal(r.status, 0, r.stderr);
            r = churnkit('calibrate', '--features', features, '--model', join(work.dir, 'logistic.json'), '--embed-model', '--out', join(work.dir, 'with-model.json'), '--bootstrap', '0');
            assert.equal(r.status, 0, r.stderr);
        })(),
    ]);
    cluster = pgCluster;
    frame = await loadFrame(features);
    cards['default'] = await loadScorecard('default');
    cards['calibrated'] = await loadScorecard(join(work.dir, 'calibrated.json'));
    // every construct at once: segment thresholds and weights, a set on a text test, a cap on the score, a rule
    const custom = structuredClone(cards['calibrated']);
    custom.bands.segments = { enterprise: { green: 80, yellow: 50 }, smb: { green: 65, yellow: 35 } };
    custom.overrides.unshift({
        id: 'smb_detractor',
        when: {
            all: [
                { signal: 'segment', op: '=', value: 'smb' },
                { signal: 'nps_trend', op: '<', value: -2 },
            ],
        },
        action: 'set',
        value: 25,
    });
    custom.overrides.push({
        id: 'low_and_quiet',
        when: { all: [{ score: { op: '<', value: 50 } }, { signal: 'days_since_last_csm_interaction', op: 'is_null' }] },
        action: 'flag',
        flag: 'call_now',
    });
    // a boolean compared as a number and a number as a boolean (PostgreSQL casts neither itself)
    custom.overrides.push({
        id: 'quiet_renewal',
        when: {
            all: [
                { signal: 'active_escalation', op: '<', value: 1 },
                { signal: 'days_to_renewal', op: '!=', value: false },
            ],
        },
        action: 'flag',
        flag: 'review',
    });
    custom.layers[0].signals[0].rules = [{ when: { signal: 'zero_usage_14d', op: '=', value: true }, points: 0 }];
    custom.layers[0].signals[1].missing = { policy: 'points', points: 35 };
    // weights of their own for two segments (calibrate --by segment): equal layers, and the
    // global layer weights in reverse with each layer's first signal alone
    const reversed = custom.layers.map((l) => l.weight).reverse();
    custom.segment_weights = {
        enterprise: {
            layers: Object.fromEntries(custom.layers.map((l) => [
                l.name,
                {
                    weight: 1 / custom.layers.length,
                    signals: Object.fromEntries(l.signals.map((sg) => [sg.feature, sg.weight])),
                },
            ])),
        },
        smb: {
            layers: Object.fromEntries(custom.layers.map((l, i) => [
                l.name,
                {
                    weight: reversed[i],
                    signals: Object.fromEntries(l.signals.map((sg, j) => [sg.feature, j === 0 ? 1 : 0])),
                },
            ])),
        },
    };
    cards['custom'] = parseScorecard(custom);
    cards['with-model'] = await loadScorecard(join(work.dir, 'with-model.json'));
    logistic = await loadModel(join(work.dir, 'logistic.json'));
});
after(async () => {
    await cluster?.stop();
    await work.cleanup();
});
function assertSameScores(engine, name, card, rows) {
    const { scores, change } = scoreTable(card, frame);
    const ids = frame.columns['account_id'];
    const asOf = frame.columns['as_of'];
    const byKey = new Map(rows.map((r) => [`${r['account_id']}|${r['as_of']}`, r]));
    assert.equal(rows.length, frame.n, `${engine} ${name}: one row per feature row`);
    const K = scores.overrides.length;
    const close = (a, b, what) => {
        if (Number.isNaN(b))
            assert.equal(a, null, what);
        else
            assert.ok(typeof a === 'number' && Math.abs(a - b) <= 1e-9, `${what}: ${a} vs ${b}`);
    };
    let fired = 0;
    for (let i = 0; i < frame.n; i++) {
        const r = byKey.get(`${ids[i]}|${asOf[i]}`);
        const at = `${engine} ${name} ${ids[i]} ${asOf[i]}`;
        assert.ok(r, `${at}: missing`);
        close(r['score'], scores.score[i], `${at} score`);
        assert.equal(r['band'], BANDS[scores.band[i]], `${at} band`);
        close(r['probability'], scores.probability[i], `${at} probability`);
        for (const l of card.layers)
            close(r[`layer_${l.name}`], scores.layers[l.name][i], `${at} layer ${l.name}`);
        const overrides = scores.overrides.filter((_, k) => scores.fired[i * K + k]).join(',');
        assert.equal(r['overrides'], overrides, `${at} overrides`);
        if (overrides)
            fired++;
        const reasons = [0, 1, 2]
            .map((k) => scores.reasons[i * 3 + k])
            .filter((s) => s >= 0)
            .map((s) => scores.signals[s])
            .join(',');
        assert.equal(r['reasons'], reasons, `${at} reasons`);
        assert.equal(r['escalate'], scores.escalate[i] === 1, `${at} escalate`);
        close(r['score_change'], change[i], `${at} score_change`);
    }
    assert.ok(fired > 50, `${name}: overrides fired on ${fired} rows`);
}
for (const name of ['default', 'calibrated', 'custom']) {
    test(`export-sql on DuckDB equals churnkit score: ${name}`, async () => {
        const db = await openDuckDB();
        try {
            await db.connection.run(`CREATE VIEW features AS SELECT * FROM read_parquet(${quoteLiteral(features)})`);
            const sql = compileScorecardSql(cards[name], { dialect: 'duckdb' });
            const rows = await queryRows(db.connection, `SELECT * EXCLUDE (as_of), strftime(as_of, '%Y-%m-%d') AS as_of FROM (${sql}) AS s`);
            assertSameScores('duckdb', name, cards[name], rows);
        }
        finally {
            db.close();
        }
    });
}
test('export-sql on PostgreSQL equals churnkit score, for each card', async () => {
    const url = await cluster.createSchema('scoring');
    await withPostgres(url, async (client) => {
        await writeFrameToPostgres(client, frame, 'features');
        for (const name of ['default', 'calibrated', 'custom']) {
            const sql = compileScorecardSql(cards[name], { dialect: 'postgres' });
            const res = await client.query(`SELECT s.*, to_char(s.as_of, 'YYYY-MM-DD') AS as_of FROM (${sql}) AS s`);
            assertSameScores('postgres', name, cards[name], res.rows);
        }
    });
});
test('the CLI prints the query, and refuses an unknown dialect or a table name that is not one', () => {
    const r = churnkit('export-sql', '--scorecard', 'default', '--dialect', 'postgres', '--table', 'analytics.features');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /FROM "analytics"\."features"/);
    assert.match(r.stdout, /AS "score_change"/);
    const bad = churnkit('export-sql', '--scorecard', 'default', '--dialect', 'bigquery');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--dialect must be one of duckdb, postgres/);
    const injection = churnkit('export-sql', '--scorecard', 'default', '--dialect', 'duckdb', '--table', 'features; DROP TABLE x');
    assert.notEqual(injection.status, 0);
    assert.match(injection.stderr, /--table must be/);
});
test('an embedded logistic model comes along as model_probability, equal to predict on both engines', async () => {
    const card = cards['with-model'];
    assert.equal(card.model?.family, 'logistic');
    const want = logistic.predictProba(frame);
    const ids = frame.columns['account_id'];
    const asOf = frame.columns['as_of'];
    const check = (engine, rows) => {
        const byKey = new Map(rows.map((r) => [`${r['account_id']}|${r['as_of']}`, r['model_probability']]));
        let worst = 0;
        for (let i = 0; i < frame.n; i++)
            worst = Math.max(worst, Math.abs(byKey.get(`${ids[i]}|${asOf[i]}`) - want[i]));
        assert.ok(worst <= 1e-9, `${engine}: largest difference ${worst}`);
    };
    const db = await openDuckDB();
    try {
        await db.connection.run(`CREATE VIEW features AS SELECT * FROM read_parquet(${quoteLiteral(features)})`);
        const sql = compileScorecardSql(card, { dialect: 'duckdb', model: logistic });
        check('duckdb', await queryRows(db.connection, `SELECT account_id, strftime(as_of, '%Y-%m-%d') AS as_of, model_probability FROM (${sql}) AS s`));
    }
    finally {
        db.close();
    }
    const url = await cluster.createSchema('model_scoring');
    await withPostgres(url, async (client) => {
        await writeFrameToPostgres(client, frame, 'features');
        const res = await client.query(`SELECT account_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, model_probability FROM (${compileScorecardSql(card, { dialect: 'postgres', model: logistic })}) AS s`);
        check('postgres', res.rows);
    });
    const r = churnkit('export-sql', '--scorecard', join(work.dir, 'with-model.json'), '--dialect', 'duckdb', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).model, 'logistic');
    assert.match(JSON.parse(r.stdout).sql, /AS "model_probability"/);
});
//# sourceMappingURL=export-sql.test.js.map