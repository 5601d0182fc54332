/**
 * `churnkit recalibrate` on a small history whose usage data starts a year after the first
 * account and whose first months hold no churner: it runs with no flags (the backtest starts
 * where usage covers the feature windows and says so), and --features, --from, --start and
 * --param get past a bad early period.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openDuckDB, queryRows, quoteLiteral } from '../../src/data/index.js';
import { cliPath, tempDir } from '../support/paths.js';
let work;
/** `churnkit recalibrate` against the default scorecard, without bootstrap intervals (not what is tested here). */
const recalibrate = (out, ...args) => spawnSync(process.execPath, [cliPath, 'recalibrate', '--previous', 'default', '--bootstrap', '0', '--out', out, ...args], { encoding: 'utf8' });
const metricsOf = async (dir) => JSON.parse(await readFile(join(dir, 'backtest', 'metrics.json'), 'utf8'));
before(async () => {
    work = await tempDir('churnkit-recalibrate-coverage-');
    await simulate({ accounts: 200, seed: 3, out: join(work.dir, 'data'), preset: 'small-history' });
});
after(() => work.cleanup());
test('no flags on late usage: the run succeeds, warns with counts, and the backtest starts where usage covers its windows', async () => {
    const q1 = join(work.dir, 'q1');
    const r = recalibrate(q1, '--data', join(work.dir, 'data'), '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /warning: usage starts 2024-01-01, \d+ days after the first account started .*--from 2024-03-01/);
    assert.match(r.stderr, /training rows of the first fold .* are from before usage data covers its feature windows/);
    const m = await metricsOf(q1);
    assert.ok(m.params.start >= '2024-04-01', `first cutoff ${m.params.start}`);
    assert.match(m.params.start_reason, /usage data covering the usage features' windows \(from 2024-03-01/);
    assert.equal(m.params.from, null);
    assert.equal(JSON.parse(r.stdout).ok, true);
});
test('--features --from --start --param: the run starts after the bad early period', async () => {
    const q2 = join(work.dir, 'q2');
    const r = recalibrate(q2, ...['--features', join(work.dir, 'q1', 'features.parquet'), '--from', '2024-03-01'], ...['--start', '2025-01-01', '--param', 'logistic.l2=0.1']);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /before usage data covers/);
    const m = await metricsOf(q2);
    assert.deepEqual([m.params.start, m.params.start_reason], ['2025-01-01', '--start 2025-01-01']);
    assert.equal(m.params.model_params['logistic']['l2'], 0.1);
    const db = await openDuckDB();
    try {
        const [range] = await queryRows(db.connection, `SELECT strftime(MIN(as_of), '%Y-%m-%d') AS first FROM read_parquet(${quoteLiteral(join(q2, 'features.parquet'))})`);
        assert.equal(range['first'], '2024-03-01');
    }
    finally {
        db.close();
    }
    const card = JSON.parse(await readFile(join(q2, 'challenger.json'), 'utf8'));
    assert.ok(card.provenance.fit_slice.as_of_from >= '2024-03-01');
    for (const [args, message] of [
        [
            ['--data', join(work.dir, 'data'), '--features', join(q2, 'features.parquet')],
            /--data DIR .* or --features FILE/,
        ],
        [[], /--data DIR .* or --features FILE/],
        [
            ['--features', join(q2, 'features.parquet'), '--from', '2030-01-01'],
            /--from 2030-01-01: .* has no row with as_of on or after it/,
        ],
        [['--features', join(q2, 'features.parquet'), '--param', 'l2=1'], /family\.key=value/],
    ]) {
        const out = join(work.dir, 'never');
        const bad = recalibrate(out, ...args);
        assert.notEqual(bad.status, 0);
        assert.match(bad.stderr, message);
        await assert.rejects(stat(out), 'no partial output');
    }
});
//# sourceMappingURL=recalibrate-coverage.test.js.map