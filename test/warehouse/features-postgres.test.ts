/**
 * The feature SQL inside a real PostgreSQL gives DuckDB's feature table: every cell to 1e-9,
 * every NULL the same, with all tables and with an optional table absent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { loadFrame, openHistory, type Frame } from '../../src/data/index.js';
import { checkServerVersion, copyHistoryToPostgres, withPostgres } from '../../src/warehouse/index.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';

const churnkit = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
let work: { dir: string; cleanup: () => Promise<void> };
let cluster: PostgresCluster;

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

function assertSameTable(duck: Frame, pg: Frame, what: string): number {
  assert.deepEqual(pg.names, duck.names, `${what}: columns`);
  assert.equal(pg.n, duck.n, `${what}: rows`);
  let compared = 0;
  for (const name of duck.names) {
    const a = duck.columns[name]!;
    const b = pg.columns[name]!;
    for (let i = 0; i < duck.n; i++) {
      const x = a[i];
      const y = b[i];
      const at = `${what}: ${name} of ${String(duck.columns['account_id']![i])} at ${String(duck.columns['as_of']![i])}`;
      if (typeof x === 'number' && typeof y === 'number') {
        if (Number.isNaN(x) || Number.isNaN(y))
          assert.equal(Number.isNaN(y), Number.isNaN(x), `${at}: NULL on one engine only (${x} vs ${y})`);
        else assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `${at}: ${x} vs ${y}`);
      } else assert.equal(y, x, at);
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
    } finally {
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
    const integration = duck.columns['days_since_last_integration_added'] as Float64Array;
    if (variant === 'no-integrations')
      assert.ok(integration.every(Number.isNaN), 'an absent table gives NULL, on both engines');
    else assert.ok(integration.some((v) => !Number.isNaN(v)));
    if (variant === 'full') {
      assert.equal(duck.names.at(-1), 'expanded_within_90d');
      const expanded = duck.columns['expanded_within_90d'] as Float64Array;
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
  } finally {
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
    const asOfDates = new Set(Array.from({ length: duck.n }, (_, i) => duck.columns['as_of']![i])).size;
    if (every === 'day') assert.ok(asOfDates > 2 * 62, `${asOfDates} daily as-of dates fill three mask columns`);
    const users = duck.columns['license_utilization'] as Float64Array;
    assert.ok(
      users.some((v) => v > 0),
      `every ${every}: some account has active users`,
    );
  }
});

/**
 * A hand-made history the simulator would not write: quantities with fractions (0.1 + 0.2, a
 * millionth, zero and none at all), rows without a user, usage that
 * starts two months after the first account, the same rows with no quantity of 0 (nothing to test
 * row by row), and the same accounts with an empty usage table.
 * PostgreSQL's usage passes (window totals, breadth by day segments, active users by masks) and
 * its settings must give DuckDB's table cell by cell.
 */
test('features from PostgreSQL equal features from DuckDB: fractional quantities, late usage, empty usage', async () => {
  const dir = join(work.dir, 'made');
  const empty = join(work.dir, 'made-empty');
  await mkdir(dir, { recursive: true });
  await mkdir(empty, { recursive: true });
  const accounts = [
    'account_id,name,segment,started_at,churned_at,seats',
    'M1,One,enterprise,2024-01-05,,10',
    'M2,Two,smb,2024-01-20,2024-05-15,3',
    'M3,Three,smb,2024-02-11,,',
    'M4,Four,,2024-03-30,,0',
    'M5,Five,enterprise,2024-04-02,,7',
  ].join('\n');
  const events = ['login', 'api_call', 'report', 'export', 'share', 'login'];
  const quantities = ['0.1', '0.2', '0.000001', '2.5', '1.005', '0', '', '3', '1', '7.25'];
  const usage = ['account_id,occurred_at,user_id,event,quantity'];
  // deterministic: a linear congruential sequence picks each row's parts
  let x = 12345;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  for (let i = 0; i < 1500; i++) {
    const account = `M${1 + next(5)}`;
    // from 2024-03-10 (two months after the first account) to the end of June
    const day = new Date(Date.UTC(2024, 2, 10) + next(112) * 86_400_000 + next(86_400) * 1000);
    const user = next(9) === 0 ? '' : `u${next(6)}`;
    usage.push(
      `${account},${day.toISOString().slice(0, 19)},${user},${events[next(events.length)]},${quantities[next(quantities.length)]}`,
    );
  }
  await writeFile(join(dir, 'accounts.csv'), `${accounts}\n`);
  await writeFile(join(dir, 'usage.csv'), `${usage.join('\n')}\n`);
  await writeFile(join(empty, 'accounts.csv'), `${accounts}\n`);
  await writeFile(join(empty, 'usage.csv'), `${usage[0]}\n`);
  // the same rows with no quantity of 0: every row counts as usage, and the passes test none
  const positive = join(work.dir, 'made-positive');
  await mkdir(positive, { recursive: true });
  await writeFile(join(positive, 'accounts.csv'), `${accounts}\n`);
  await writeFile(join(positive, 'usage.csv'), `${usage.map((r) => r.replace(/,0$/, ',0.5')).join('\n')}\n`);
  for (const [name, data] of [
    ['made', dir],
    ['made_positive', positive],
    ['made_empty', empty],
  ] as const) {
    const url = await cluster.createSchema(name);
    const history = await openHistory(data);
    try {
      await withPostgres(url, (client) => copyHistoryToPostgres(history, client));
    } finally {
      history.close();
    }
    // the empty table once, monthly: there is nothing to window
    for (const every of name === 'made' ? ['month', 'week'] : ['month']) {
      const fromDuck = join(work.dir, `${name}-${every}-duckdb.parquet`);
      const fromPg = join(work.dir, `${name}-${every}-postgres.parquet`);
      const args = ['--every', every, '--data-end', '2024-07-01', '--json'];
      let r = churnkit('features', '--data', data, '--out', fromDuck, ...args);
      assert.equal(r.status, 0, r.stderr);
      const duckSummary = JSON.parse(r.stdout);
      r = churnkit('features', '--data', url, '--out', fromPg, ...args);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).coverage, duckSummary.coverage);
      const duck = await loadFrame(fromDuck);
      const pg = await loadFrame(fromPg);
      assertSameTable(duck, pg, `${name}, every ${every}`);
      const trend = duck.columns['usage_trend_14d'] as Float64Array;
      const breadth = duck.columns['feature_adoption_breadth_change_30d'] as Float64Array;
      const nonZero = (c: Float64Array) => c.filter((v) => !Number.isNaN(v) && v !== 0).length;
      if (name !== 'made_empty') {
        // the table exercises what it is for: trends of fractional sums, breadth, rows before usage starts
        assert.ok(new Set(trend).size >= 5 && nonZero(breadth) > 0, `${new Set(trend).size} trends`);
        const asOf = duck.columns['as_of']!;
        assert.ok(Array.from({ length: duck.n }, (_, i) => String(asOf[i])).some((t) => t < '2024-03-10'));
      } else assert.equal(nonZero(trend) + nonZero(breadth), 0, 'no usage, no usage trends');
    }
  }
});

/**
 * Feature breadth counts bits with bit_count over bytes, new in PostgreSQL 14: an older server is
 * refused up front, by its version, and the test's own server (15 or later) passes the same check.
 */
test('features on PostgreSQL need version 14: older servers are refused by name, this one passes', async () => {
  const url = await cluster.createSchema('version');
  const server = await withPostgres(url, async (client) => {
    const r = await client.query(
      `SELECT CAST(current_setting('server_version_num') AS INTEGER) AS num, current_setting('server_version') AS version`,
    );
    return r.rows[0] as { num: number; version: string };
  });
  assert.ok(server.num >= 140000, `the test server is ${server.version}`);
  assert.doesNotThrow(() => checkServerVersion(server.num, server.version));
  assert.doesNotThrow(() => checkServerVersion(140000, '14.0'));
  assert.throws(
    () => checkServerVersion(130016, '13.16 (Debian 13.16-1)'),
    (e: Error) => e.name === 'UsageError' && /PostgreSQL 13\.16 \(Debian 13\.16-1\).*14 or later/.test(e.message),
  );
});
