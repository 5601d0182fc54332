/**
 * The feature SQL inside a real PostgreSQL gives DuckDB's feature table: every cell to 1e-9,
 * every NULL the same, with all tables and with an optional table absent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { CONTRACT, TABLE_NAMES, loadFrame, openHistory, type Frame } from '../../src/data/index.js';
import { checkServerVersion, copyHistoryToPostgres, withPostgres } from '../../src/warehouse/index.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';
import type pg from 'pg';

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

/** `churnkit features` of a folder and of its copy in PostgreSQL: the same coverage, every cell the same; DuckDB's table. */
async function sameOnBothEngines(data: string, url: string, name: string, args: readonly string[]): Promise<Frame> {
  const fromDuck = join(work.dir, `${name}-duckdb.parquet`);
  const fromPg = join(work.dir, `${name}-postgres.parquet`);
  let r = churnkit('features', '--data', data, '--out', fromDuck, ...args);
  assert.equal(r.status, 0, r.stderr);
  const duckSummary = JSON.parse(r.stdout);
  r = churnkit('features', '--data', url, '--out', fromPg, ...args);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).coverage, duckSummary.coverage);
  const duck = await loadFrame(fromDuck);
  assertSameTable(duck, await loadFrame(fromPg), name);
  return duck;
}

/**
 * The setup docs/warehouse.md asks of a user, short of its VACUUM (as right after a bulk load,
 * before autovacuum: the answers are the same, the reads through the index visit the table): with
 * it churnkit guesses usage's facts from the statistics and the index instead of reading every row
 * first (features-postgres.ts, usageFactsGuessed); without it, it reads them.
 */
async function indexAndAnalyze(client: pg.ClientBase): Promise<void> {
  await client.query('CREATE INDEX usage_account_time ON usage (account_id, occurred_at)');
  await client.query('ANALYZE');
}

/** A folder's history in a fresh schema with the user's setup (indexAndAnalyze), then `after`; its URL. */
async function loadIndexed(
  name: string,
  data: string,
  after: (client: pg.ClientBase) => Promise<void> = async () => {},
): Promise<string> {
  const url = await cluster.createSchema(name);
  const history = await openHistory(data);
  try {
    await withPostgres(url, async (client) => {
      await copyHistoryToPostgres(history, client);
      await indexAndAnalyze(client);
      await after(client);
    });
  } finally {
    history.close();
  }
  return url;
}

// the full history with the user's setup (facts guessed and checked), the other without (facts read)
for (const variant of ['full', 'no-integrations']) {
  test(`features from PostgreSQL equal features from DuckDB: ${variant}`, async () => {
    const data = join(work.dir, variant);
    const url = await cluster.createSchema(variant.replace('-', '_'));
    const history = await openHistory(data);
    try {
      await withPostgres(url, async (client) => {
        await copyHistoryToPostgres(history, client);
        if (variant === 'full') await indexAndAnalyze(client);
      });
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
 * and the weekly ones (1) check the masks against DuckDB's COUNT(DISTINCT) cell by cell. The
 * weekly build is labelled by inactivity, whose step reads usage ahead of T in PostgreSQL.
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
    // the weekly build labels by inactivity: its label step reads usage in PostgreSQL
    const label = every === 'week' ? ['--label', 'inactivity'] : [];
    let r = churnkit('features', '--data', data, '--out', fromDuck, '--every', every, '--json', ...label);
    assert.equal(r.status, 0, r.stderr);
    r = churnkit('features', '--data', url, '--out', fromPg, '--every', every, '--json', ...label);
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
    // facts guessed from the statistics (an empty table has none: read)
    const url = await loadIndexed(name, data);
    // the empty table once, monthly: there is nothing to window
    for (const every of name === 'made' ? ['month', 'week'] : ['month']) {
      const args = ['--every', every, '--data-end', '2024-07-01', '--json'];
      const duck = await sameOnBothEngines(data, url, `${name}-${every}`, args);
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
 * Statistics older than the rows: after the user's index and ANALYZE, one account gets a row the
 * statistics do not know of (a new event, a quantity of 0, a fraction that the exact decimal sums
 * round to 0), in the last 14 days before an as-of date. The guessed facts would give that account
 * other cells (breadth, zero_usage_14d, usage_trend_14d); the check after the steps must catch the
 * miss and build again from the facts read from every row, as DuckDB reads them.
 */
test('features from PostgreSQL equal features from DuckDB: statistics that miss a new event or quantity', async () => {
  const accounts = ['account_id,name,segment,started_at,churned_at,seats'];
  for (let a = 1; a <= 6; a++) accounts.push(`S${a},Stale ${a},smb,2024-01-0${a},,4`);
  const events = ['login', 'api_call', 'report', 'export'];
  // S6 has no usage of its own: the one new row below is all it has
  const usageOf = (quantities: readonly string[]) => {
    const usage = ['account_id,occurred_at,user_id,event,quantity'];
    for (let i = 0; i < 600; i++) {
      const day = new Date(Date.UTC(2024, 1, 1) + ((i * 7919) % 140) * 86_400_000 + ((i * 104_729) % 86_400) * 1000);
      usage.push(
        `S${1 + (i % 5)},${day.toISOString().slice(0, 19)},u${i % 4},${events[i % events.length]},${quantities[i % quantities.length]}`,
      );
    }
    return usage;
  };
  // the new row, and the quantities of the rows the statistics know (with a 0 the fraction is
  // caught by the whole-number check alone, not by the check that every quantity is above 0)
  const stale: Record<string, [string, string[]]> = {
    stale_event: ['S6,2024-05-29T10:00:00,u1,share,1', ['1', '2', '3', '']],
    stale_zero: ['S6,2024-05-29T10:00:00,u1,login,0', ['1', '2', '3', '']],
    stale_fraction: ['S6,2024-05-29T10:00:00,u1,report,0.0000001', ['1', '2', '3', '']],
    stale_fraction_with_zeros: ['S6,2024-05-29T10:00:00,u1,report,0.0000001', ['0', '1', '2', '3', '']],
  };
  // the cell on DuckDB, and what the guesses would give: a new feature in the last 30 days (3; the
  // guess: 0), a user whose only row has quantity 0 (no active user of 4 seats; the guess: 0.25), a
  // last 14 days whose usage sums to 0.000000 as an exact decimal (0; the guess: 1e-7, so 3)
  const decided: Record<string, [string, number]> = {
    stale_event: ['feature_adoption_breadth_change_30d', 3],
    stale_zero: ['license_utilization', 0],
    stale_fraction: ['usage_trend_14d', 0],
    stale_fraction_with_zeros: ['usage_trend_14d', 0],
  };
  for (const [name, [row, quantities]] of Object.entries(stale)) {
    const usage = usageOf(quantities);
    const base = join(work.dir, `${name}-base`);
    const data = join(work.dir, name);
    for (const [dir, rows] of [
      [base, usage],
      [data, [...usage, row]],
    ] as const) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'accounts.csv'), `${accounts.join('\n')}\n`);
      await writeFile(join(dir, 'usage.csv'), `${rows.join('\n')}\n`);
    }
    const url = await loadIndexed(name, base, async (client) => {
      const [account, at, user, event, quantity] = row.split(',');
      await client.query(
        'INSERT INTO usage (account_id, occurred_at, user_id, event, quantity) VALUES ($1, $2, $3, $4, $5)',
        [account, at, user, event, quantity],
      );
      // the premise: statistics exist, and they list neither the new event nor the new quantity
      const stats = await client.query(
        `SELECT attname, CAST(CAST(most_common_vals AS TEXT) AS TEXT[]) AS common FROM pg_stats
           WHERE schemaname = $1 AND tablename = 'usage' AND attname IN ('event', 'quantity') ORDER BY attname`,
        [name],
      );
      assert.deepEqual(
        stats.rows.map((r) => r.attname),
        ['event', 'quantity'],
      );
      assert.deepEqual([...stats.rows[0].common].sort(), ['api_call', 'export', 'login', 'report']);
      assert.deepEqual([...stats.rows[1].common].sort(), quantities.filter((q) => q !== '').sort());
    });
    const duck = await sameOnBothEngines(data, url, name, ['--data-end', '2024-07-01', '--json']);
    // the new row decides a cell of S6 at 2024-06-01, which the guessed facts would get wrong
    const at = Array.from({ length: duck.n }, (_, i) => i).find(
      (i) => duck.columns['account_id']![i] === 'S6' && String(duck.columns['as_of']![i]).startsWith('2024-06-01'),
    );
    assert.ok(at !== undefined, 'S6 has a row at 2024-06-01');
    const [column, value] = decided[name]!;
    assert.equal(duck.columns[column]![at], value, `${name}: ${column} of S6`);
  }
});

/**
 * The stored steps are copied into DuckDB, which the server's own ways must not change: a
 * DateStyle that prints dates day first (the copies are read as YYYY-MM-DD) gives DuckDB's table
 * cell by cell. A column whose type cannot mean the contract's (NPS scores stored as text) is
 * named with both types, and nothing is written.
 */
test('features on PostgreSQL: dates printed day first, a column of the wrong type', async () => {
  const data = join(work.dir, 'full');
  const url = await loadIndexed('day_first', data);
  await sameOnBothEngines(data, `${url}${encodeURIComponent(' -c DateStyle=SQL,DMY')}`, 'day-first', ['--json']);
  const broken = await loadIndexed('nps_as_text', data, async (client) => {
    await client.query('ALTER TABLE nps ALTER COLUMN score TYPE TEXT');
  });
  const out = join(work.dir, 'nps-as-text.parquet');
  const r = churnkit('features', '--data', broken, '--out', out);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /nps\.score is text, where churnkit reads a number \(integer\)/);
  assert.equal(
    await stat(out).then(
      () => true,
      () => false,
    ),
    false,
    'no feature file',
  );
});

/** A frame's rows in the order of (as_of, account_id), as the feature table is sorted. */
function sortedByDateAndAccount(frame: Frame): Frame {
  const key = (i: number) => `${String(frame.columns['as_of']![i])} ${String(frame.columns['account_id']![i])}`;
  const order = Array.from({ length: frame.n }, (_, i) => i).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const columns = Object.fromEntries(
    Object.entries(frame.columns).map(([name, c]) => [
      name,
      order.map((i) => c[i]) as unknown as Frame['columns'][string],
    ]),
  );
  return { ...frame, columns };
}

/**
 * A warehouse's own types: account ids stored as integers, user and contact ids as uuids, and
 * times as timestamps with time zone read in a session at UTC+9 (each holding the instant whose
 * Tokyo time is the history's time).
 * The tables DuckDB reads copies of are cast to the contract's types in the session, and the usage
 * steps' ids come out as text, so the two join: DuckDB's table, each account named by its number.
 */
test('features on PostgreSQL: integer and uuid ids, timestamps with time zone', async () => {
  const data = join(work.dir, 'full');
  const url = await loadIndexed('own_types', data, async (client) => {
    for (const table of TABLE_NAMES) {
      await client.query(
        `ALTER TABLE ${table} ALTER COLUMN account_id TYPE BIGINT USING CAST(substr(account_id, 2) AS BIGINT)`,
      );
      for (const { name } of CONTRACT[table].columns.filter((c) => c.name === 'user_id' || c.name === 'contact_id'))
        await client.query(`ALTER TABLE ${table} ALTER COLUMN ${name} TYPE UUID USING CAST(md5(${name}) AS UUID)`);
      for (const { name } of CONTRACT[table].columns.filter((c) => c.type === 'timestamp'))
        await client.query(
          `ALTER TABLE ${table} ALTER COLUMN ${name} TYPE TIMESTAMPTZ USING ${name} AT TIME ZONE 'Asia/Tokyo'`,
        );
    }
    await client.query('ANALYZE');
  });
  const fromDuck = join(work.dir, 'own-types-duckdb.parquet');
  const fromPg = join(work.dir, 'own-types-postgres.parquet');
  let r = churnkit('features', '--data', data, '--out', fromDuck);
  assert.equal(r.status, 0, r.stderr);
  r = churnkit('features', '--data', `${url}${encodeURIComponent(' -c TimeZone=Asia/Tokyo')}`, '--out', fromPg);
  assert.equal(r.status, 0, r.stderr);
  const duck = await loadFrame(fromDuck);
  const pg = await loadFrame(fromPg);
  const ids = pg.columns['account_id']!;
  assert.ok(
    Array.from({ length: pg.n }, (_, i) => String(ids[i])).every((id) => /^[0-9]+$/.test(id)),
    'ids are numbers',
  );
  const named = Array.from({ length: pg.n }, (_, i) => `A${String(ids[i]).padStart(5, '0')}`);
  const cells = assertSameTable(
    duck,
    sortedByDateAndAccount({
      ...pg,
      columns: { ...pg.columns, account_id: named as unknown as Frame['columns'][string] },
    }),
    'own types',
  );
  assert.ok(cells > 50_000, `${cells} cells compared`);
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
