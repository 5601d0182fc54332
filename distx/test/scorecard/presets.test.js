/**
 * The seeds' scorecards as presets (`preset:NAME`): each is a valid card whose weights and bands are
 * the seed's, reads only the contract's columns, and works wherever a scorecard is accepted
 * (score, calibrate --base, backtest --models scorecard:preset:NAME, export-sql, serve, app).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cliPath, fixture, repoRoot, tempDir } from '../support/paths.js';
import { loadFrame } from '../../src/data/frame.js';
import { openDuckDB, queryRows, quoteLiteral } from '../../src/data/index.js';
import { FEATURE_TABLE_COLUMNS } from '../../src/features/index.js';
import { BANDS, DEFAULT_SCORECARD_PATH, PRESET_SCORECARDS, loadScorecard, scoreAccount, scoreTable, scorecardColumns, scorecardJsonSchema, } from '../../src/scorecard/index.js';
import { createApp } from '../../src/app/index.js';
import { eventually, post } from '../serve/support.js';
import { frameCsv, syntheticFeatureTable } from './synthetic.js';
const churnkit = (...args) => {
    const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const { dir, cleanup } = await tempDir('churnkit-presets-');
test.after(cleanup);
/** The seeds' numbers, read off the seeds (shared/seeds) by hand: layer weights in order, bands. */
const SEEDS = {
    'four-layer': { layers: { usage: 0.4, engagement: 0.25, relationship: 0.2, outcome: 0.15 }, green: 70, yellow: 40 },
    mature: { layers: { usage: 0.4, engagement: 0.3, relationship: 0.2, business: 0.1 }, green: 70, yellow: 40 },
    'early-stage': { layers: { usage: 1 / 3, engagement: 1 / 3, relationship: 1 / 3 }, green: 70, yellow: 40 },
    'equal-metrics': { layers: { usage: 0.4, engagement: 0.3, outcomes: 0.2, relationship: 0.1 }, green: 80, yellow: 60 },
    'business-health': {
        layers: { usage: 0.35, engagement: 0.25, business: 0.25, relationship: 0.15 },
        green: 80,
        yellow: 60,
    },
    'five-component': {
        layers: { usage: 0.3, support: 0.2, engagement: 0.15, financial: 0.2, relationship: 0.15 },
        green: 70,
        yellow: 40,
    },
};
test("every preset is a valid card with its seed's layer weights and bands, reading only the contract's columns", async () => {
    assert.deepEqual(Object.keys(PRESET_SCORECARDS).sort(), Object.keys(SEEDS).sort());
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020').default;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(scorecardJsonSchema());
    const contract = new Set(FEATURE_TABLE_COLUMNS);
    for (const [name, seed] of Object.entries(SEEDS)) {
        const json = JSON.parse(await readFile(PRESET_SCORECARDS[name], 'utf8'));
        assert.equal(validate(json), true, `${name}: ${JSON.stringify(validate.errors)}`);
        const card = await loadScorecard(`preset:${name}`);
        assert.deepEqual(card.layers.map((l) => l.name), Object.keys(seed.layers), name);
        for (const l of card.layers)
            assert.ok(Math.abs(l.weight - seed.layers[l.name]) < 1e-6, `${name} ${l.name}`);
        assert.deepEqual([card.bands.green, card.bands.yellow], [seed.green, seed.yellow], name);
        assert.equal(card.probability.method, 'none', `${name}: a preset is not fitted to anyone's churn`);
        const outside = scorecardColumns(card).filter((c) => !contract.has(c));
        assert.deepEqual(outside, [], `${name} reads columns a churnkit feature table does not have`);
    }
    // four-layer is the default card itself, not a copy that could drift from it
    assert.equal(PRESET_SCORECARDS['four-layer'], DEFAULT_SCORECARD_PATH);
});
test('an unknown preset is refused with the list of presets, and nothing is written', async () => {
    const features = join(dir, 'tiny.csv');
    await writeFile(features, frameCsv(syntheticFeatureTable({ accounts: 5, months: 3, seed: 2 })));
    const out = join(dir, 'never.csv');
    const r = churnkit('score', '--scorecard', 'preset:nope', '--features', features, '--out', out);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /unknown scorecard preset "nope"; presets: preset:four-layer, preset:mature/);
    await assert.rejects(access(out));
    const b = churnkit('backtest', '--features', features, '--models', 'scorecard:preset:', '--out', join(dir, 'bt0'));
    assert.notEqual(b.code, 0);
    assert.match(b.stderr, /unknown scorecard preset ""/);
});
test("score --scorecard preset:NAME gives the preset's scores, with the seed's 80/60 bands", async () => {
    const table = syntheticFeatureTable({ accounts: 60, months: 4, seed: 5 });
    const features = join(dir, 'score-in.csv');
    await writeFile(features, frameCsv(table));
    const out = join(dir, 'scores.csv');
    const r = churnkit('score', '--scorecard', 'preset:business-health', '--features', features, '--out', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    const scores = await loadFrame(out);
    assert.ok(scores.names.includes('layer_business'));
    const card = await loadScorecard('preset:business-health');
    const seen = new Set();
    for (let i = 0; i < table.n; i++) {
        const signals = {};
        for (const name of table.names)
            signals[name] = table.columns[name][i];
        const ref = scoreAccount(card, signals);
        const band = scores.columns['band'][i];
        assert.equal(band, ref.band);
        if (ref.score !== null) {
            // the seed's thresholds, not the default card's 70/40
            assert.equal(band, ref.score >= 80 ? 'GREEN' : ref.score >= 60 ? 'YELLOW' : 'RED');
            seen.add(band);
        }
    }
    assert.deepEqual([...seen].sort(), ['GREEN', 'RED', 'YELLOW']);
});
test('calibrate --base preset:NAME refits the preset: its layers and signals, fitted weights', async () => {
    const features = join(dir, 'calibrate-in.csv');
    await writeFile(features, frameCsv(syntheticFeatureTable({ accounts: 400, months: 14, seed: 4 })));
    const out = join(dir, 'five.json');
    const r = churnkit('calibrate', '--features', features, '--base', 'preset:five-component', '--out', out, '--bootstrap', '0', '--json');
    assert.equal(r.code, 0, r.stderr);
    const card = await loadScorecard(out);
    const preset = await loadScorecard('preset:five-component');
    assert.deepEqual(card.layers.map((l) => [l.name, l.signals.map((s) => s.feature)]), preset.layers.map((l) => [l.name, l.signals.map((s) => s.feature)]));
    assert.equal(card.probability.method, 'isotonic');
    assert.notDeepEqual(card.layers.map((l) => l.weight), preset.layers.map((l) => l.weight));
});
test('backtest --models scorecard:preset:NAME backtests presets beside the default on the same folds', async () => {
    // a table from the simulator, with the relationship layer's drivers made dominant
    const features = fixture('scorecard', 'sim-relationship.parquet');
    const out = join(dir, 'bt');
    const models = ['scorecard:default', 'scorecard:preset:mature', 'scorecard:preset:business-health'];
    const r = churnkit('backtest', '--features', features, '--models', models.join(','), '--out', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    const metrics = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    assert.deepEqual(Object.keys(metrics.pooled), models);
    for (const fold of metrics.folds)
        assert.deepEqual(Object.keys(fold.models), models);
    // the same rows, different cards: the presets rank the churners, and not identically
    const aucs = models.map((m) => metrics.pooled[m].auc);
    for (const auc of aucs)
        assert.ok(auc > 0.5 && auc < 1, String(aucs));
    assert.notEqual(aucs[1], aucs[2]);
    // a preset's band counts are its own (80/60 bands put more rows in RED than the default's 70/40)
    const red = (m) => metrics.pooled[m].bands.RED.rows;
    assert.ok(red('scorecard:preset:business-health') > red('scorecard:default'));
});
test('export-sql --scorecard preset:NAME on DuckDB equals churnkit score', async () => {
    const table = syntheticFeatureTable({ accounts: 40, months: 3, seed: 9 });
    const features = join(dir, 'sql-in.csv');
    await writeFile(features, frameCsv(table));
    const r = churnkit('export-sql', '--scorecard', 'preset:equal-metrics', '--dialect', 'duckdb');
    assert.equal(r.code, 0, r.stderr);
    const card = await loadScorecard('preset:equal-metrics');
    const db = await openDuckDB();
    try {
        await db.connection.run(`CREATE VIEW features AS SELECT * FROM read_csv(${quoteLiteral(features)}, header = true)`);
        const rows = await queryRows(db.connection, `SELECT account_id, CAST(as_of AS VARCHAR) AS as_of, score, band FROM (${r.stdout.replace(/;\s*$/, '')}) s`);
        const { scores } = scoreTable(card, table);
        const ids = table.columns['account_id'];
        const asOf = table.columns['as_of'];
        const byKey = new Map(rows.map((x) => [`${x['account_id']}|${x['as_of']}`, x]));
        assert.equal(rows.length, table.n);
        for (let i = 0; i < table.n; i++) {
            const row = byKey.get(`${ids[i]}|${asOf[i]}`);
            assert.equal(row['band'], BANDS[scores.band[i]]);
            assert.ok(Math.abs(row['score'] - scores.score[i]) < 1e-9);
        }
    }
    finally {
        db.close();
    }
});
test('serve --scorecard preset:NAME answers with the preset, and the app shows it without a folder to save in', async () => {
    const proc = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--scorecard', 'preset:equal-metrics'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (d) => (err += d));
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    try {
        const base = await eventually('the service to listen', () => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1], 20_000);
        // a steady account scores 70 on the default's points: GREEN at 70/40, YELLOW at the seed's 80/60
        const steady = {
            account_id: 'A',
            as_of: '2024-06-01',
            usage_trend_14d: 0,
            login_frequency_change_14d: 0,
            license_utilization: 0.6,
            feature_adoption_breadth_change_30d: 0,
            support_ticket_trend_30d: 0.3,
            days_since_last_csm_interaction: 45,
            contract_value_vs_usage_ratio: 1,
            nps_trend: 0,
            champion_engagement_change_30d: 0,
        };
        const answer = (await post(base, '/v1/score', steady)).body;
        assert.ok(Math.abs(answer.score - 70) < 1e-6, JSON.stringify(answer));
        assert.equal(answer.band, 'YELLOW');
    }
    finally {
        proc.kill('SIGTERM');
        await exited;
    }
    const features = join(dir, 'app-in.csv');
    await writeFile(features, frameCsv(syntheticFeatureTable({ accounts: 30, months: 3, seed: 3 })));
    const app = await createApp({ features, scorecard: 'preset:mature' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
        const at = `http://127.0.0.1:${app.server.address().port}`;
        const list = (await (await fetch(`${at}/api/accounts?limit=5`)).json());
        assert.equal(list.total, 30);
        const card = JSON.parse(await readFile(PRESET_SCORECARDS['mature'], 'utf8'));
        const save = await fetch(`${at}/api/scorecard/save`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ card, name: 'mine.json' }),
        });
        // a shipped preset has no folder of the user's: Save asks for --out and never writes into models/
        assert.equal(save.status, 409);
        await assert.rejects(access(join(repoRoot, 'models', 'presets', 'mine.json')));
    }
    finally {
        await app.close();
    }
});
//# sourceMappingURL=presets.test.js.map