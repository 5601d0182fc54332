/**
 * The feature SQL inside a real PostgreSQL gives DuckDB's feature table: every cell to 1e-9,
 * every NULL the same, with all tables and with an optional table absent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { loadFrame, openHistory } from '../../src/data/index.js';
import { copyHistoryToPostgres, withPostgres } from '../../src/warehouse/index.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
import { startPostgres } from '../support/postgres.js';
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
let work;
let cluster;
before(async () => {
    work = await tempDir('churnkit-pg-features-');
    [cluster] = await Promise.all([
        startPostgres(),
        simulate({ accounts: 300, months: 15, seed: 21, out: join(work.dir, 'full') }),
    ]);
    await cp(join(work.dir, 'full'), join(work.dir, 'no-integrations'), { recursive: true });
    await rm(join(work.dir, 'no-integrations', 'integrations.parquet'));
});
after(async () => {
    await cluster?.stop();
    await work.cleanup();
});
function assertSameTable(duck, pg, what) {
    assert.deepEqual(pg.names, duck.names, `${what}: columns`);
    assert.equal(pg.n, duck.n, `${what}: rows`);
    let compared = 0;
    for (const name of duck.names) {
        const a = duck.columns[name];
        const b = pg.columns[name];
        for (let i = 0; i < duck.n; i++) {
            const x = a[i];
            const y = b[i];
            const at = `${what}: ${name} of ${String(duck.columns['account_id'][i])} at ${String(duck.columns['as_of'][i])}`;
            if (typeof x === 'number' && typeof y === 'number') {
                if (Number.isNaN(x) || Number.isNaN(y))
                    assert.equal(Number.isNaN(y), Number.isNaN(x), `${at}: NULL on one engine only (${x} vs ${y})`);
                else
                    assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `${at}: ${x} vs ${y}`);
            }
            else
                assert.equal(y, x, at);
            compared++;
        }
    }
    return compared;
}
for (const variant of ['full', 'no-integrations']) {
    test(`features from PostgreSQL equal features from DuckDB: ${variant}`, async () => {
        const data = join(work.dir, variant);
        const url = await cluster.createSchema(variant.replace('-', '_'));
        const history = await openHistory(data);
        try {
            await withPostgres(url, (client) => copyHistoryToPostgres(history, client));
        }
        finally {
            history.close();
        }
        const fromDuck = join(work.dir, `${variant}-duckdb.parquet`);
        const fromPg = join(work.dir, `${variant}-postgres.parquet`);
        // the full history also carries the expansion label, so its SQL is compared on both engines
        const label = variant === 'full' ? ['--label', 'expansion'] : [];
        let r = churnkit('features', '--data', data, '--out', fromDuck, '--json', ...label);
        assert.equal(r.status, 0, r.stderr);
        const duckSummary = JSON.parse(r.stdout);
        r = churnkit('features', '--data', url, '--out', fromPg, '--json', ...label);
        assert.equal(r.status, 0, r.stderr);
        const summary = JSON.parse(r.stdout);
        assert.ok(summary.rows > 2000, `${summary.rows} rows`);
        // Data coverage is read where the data lives, with the same answer.
        assert.deepEqual(summary.coverage, duckSummary.coverage);
        assert.equal(summary.coverage.sources.length, variant === 'full' ? 7 : 6);
        const duck = await loadFrame(fromDuck);
        const pg = await loadFrame(fromPg);
        const cells = assertSameTable(duck, pg, variant);
        assert.ok(cells > 50_000, `${cells} cells compared`);
        const integration = duck.columns['days_since_last_integration_added'];
        if (variant === 'no-integrations')
            assert.ok(integration.every(Number.isNaN), 'an absent table gives NULL, on both engines');
        else
            assert.ok(integration.some((v) => !Number.isNaN(v)));
        if (variant === 'full') {
            assert.equal(duck.names.at(-1), 'expanded_within_90d');
            const expanded = duck.columns['expanded_within_90d'];
            assert.ok(expanded.some((v) => v === 1) && expanded.some((v) => v === 0), 'both expansion classes');
        }
    });
}
/**
 * The hand-worked history (test/fixtures/features/hand: a user without an id, quantities of 0 and
 * none, events at T itself and one second before) at every cadence: on PostgreSQL the active
 * users are counted from as-of masks of 62 bits a column, so the daily as-of dates (3 columns)
 * and the weekly ones (1) check the masks against DuckDB's COUNT(DISTINCT) cell by cell.
 */
test('features from PostgreSQL equal features from DuckDB: the hand-worked history, each cadence', async () => {
    const data = fixture('features', 'hand');
    const url = await cluster.createSchema('hand');
    const history = await openHistory(data);
    try {
        await withPostgres(url, (client) => copyHistoryToPostgres(history, client));
    }
    finally {
        history.close();
    }
    for (const every of ['month', 'week', 'day']) {
        const fromDuck = join(work.dir, `hand-${every}-duckdb.parquet`);
        const fromPg = join(work.dir, `hand-${every}-postgres.parquet`);
        let r = churnkit('features', '--data', data, '--out', fromDuck, '--every', every, '--json');
        assert.equal(r.status, 0, r.stderr);
        r = churnkit('features', '--data', url, '--out', fromPg, '--every', every, '--json');
        assert.equal(r.status, 0, r.stderr);
        const duck = await loadFrame(fromDuck);
        const pg = await loadFrame(fromPg);
        assertSameTable(duck, pg, `hand, every ${every}`);
        const asOfDates = new Set(Array.from({ length: duck.n }, (_, i) => duck.columns['as_of'][i])).size;
        if (every === 'day')
            assert.ok(asOfDates > 2 * 62, `${asOfDates} daily as-of dates fill three mask columns`);
        const users = duck.columns['license_utilization'];
        assert.ok(users.some((v) => v > 0), `every ${every}: some account has active users`);
    }
});
//# sourceMappingURL=features-postgres.test.js.map