/**
 * DuckDB against PostgreSQL, side by side in one run (issue 10):
 * 1. the feature table of a simulated history, `churnkit features` end to end on each engine
 *    (same SQL, two dialects; the PostgreSQL run includes fetching the table into the Parquet file);
 * 2. scoring 1,000,000 feature rows in the database with `churnkit export-sql`'s query
 *    (`CREATE TABLE ... AS <query>`), next to churnkit's own columnar scorer in memory.
 *
 *   node dist/bench/warehouse/run.js [--accounts 10000] [--months 24] [--score-rows 1000000] [--runs 3] [--features-only]
 *     [--cli-before OTHER/dist/src/cli/main.js] [--pg-setting NAME=VALUE ...] [--pg-env-also NAME=VALUE ...]
 *
 * --cli-before: also run another build's `churnkit features` on PostgreSQL in each run (after
 * this build's), on the same cluster and data, so a change is measured against what it replaces
 * under the same load.
 * --pg-env-also: also run `churnkit features` on PostgreSQL in each run with the server restarted
 * with this environment (e.g. GLIBC_TUNABLES=glibc.malloc.hugetlb=1, docs/warehouse.md), then
 * restarted without it, so the two servers are measured side by side on the same data.
 *
 * PostgreSQL is a throwaway cluster started like the tests' (Debian's postgresql 15, fsync off,
 * default shared_buffers unless --pg-setting says otherwise), on this machine; loading the data into it is timed but not counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFrame, openDuckDB, openHistory, quoteLiteral } from '../../src/data/index.js';
import { simulate } from '../../src/simulate/index.js';
import { loadScorecard, scoreColumns } from '../../src/scorecard/index.js';
import { compileScorecardSql, copyHistoryToPostgres, withPostgres } from '../../src/warehouse/index.js';
import { startPostgres } from '../../test/support/postgres.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ACCOUNTS = flag('accounts', 10_000);
const MONTHS = flag('months', 24);
const SCORE_ROWS = flag('score-rows', 1_000_000);
const RUNS = flag('runs', 3);
/** --scoring-only: skip the feature runs (the feature file of an earlier run must exist). */
const SCORING_ONLY = process.argv.includes('--scoring-only');
/** --features-only: skip the scoring runs. */
const FEATURES_ONLY = process.argv.includes('--features-only');
const CLI_BEFORE = process.argv.includes('--cli-before')
  ? process.argv[process.argv.indexOf('--cli-before') + 1]
  : undefined;
if (CLI_BEFORE !== undefined && !existsSync(CLI_BEFORE)) throw new Error(`--cli-before ${CLI_BEFORE}: no such file`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const seconds = async (work: () => Promise<unknown> | unknown) => {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

const dir = join(root, 'bench', 'data', `warehouse-${ACCOUNTS}x${MONTHS}`);
await mkdir(dir, { recursive: true });
await chmod(dir, 0o755);
const history = join(dir, 'history');
if (!existsSync(join(history, 'truth.json'))) {
  log(`simulating ${ACCOUNTS} accounts x ${MONTHS} months`);
  await simulate({ accounts: ACCOUNTS, months: MONTHS, seed: 7, out: history });
}

/** --pg-setting NAME=VALUE (repeatable): a server setting for the cluster, e.g. shared_buffers=6GB. */
const settings = Object.fromEntries(
  process.argv.flatMap((a, i) =>
    a === '--pg-setting' ? [process.argv[i + 1]!.split('=', 2) as [string, string]] : [],
  ),
);
/** --pg-env-also NAME=VALUE (repeatable): a server environment measured beside the usual one. */
const envAlso = Object.fromEntries(
  process.argv.flatMap((a, i) =>
    a === '--pg-env-also' ? [process.argv[i + 1]!.split(/=(.*)/s, 2) as [string, string]] : [],
  ),
);
const ENV_ALSO = Object.keys(envAlso).length > 0;
const cluster = await startPostgres({ settings });
try {
  const url = await cluster.createSchema('bench');
  const h = await openHistory(history);
  const usageRows = Number((await h.connection.runAndReadAll('SELECT COUNT(*) FROM usage')).getRows()[0]![0]);
  const load = await seconds(() => withPostgres(url, (client) => copyHistoryToPostgres(h, client)));
  h.close();
  log(`loaded ${usageRows.toLocaleString('en-US')} usage rows into PostgreSQL in ${load.toFixed(1)} s`);
  // The setup a user would do (docs/warehouse.md): an index on usage's (account_id, occurred_at),
  // then VACUUM ANALYZE, as after any bulk load (autovacuum does it later on its own).
  const indexed = await seconds(() =>
    withPostgres(url, async (c) => {
      await c.query('CREATE INDEX usage_account_time ON usage (account_id, occurred_at)');
      await c.query('VACUUM ANALYZE');
    }),
  );
  log(`index on usage (account_id, occurred_at) and VACUUM ANALYZE in ${indexed.toFixed(1)} s`);

  type Engine = 'duckdb' | 'postgres' | 'postgres (--cli-before)' | 'postgres (--pg-env-also)';
  const features = (engine: Engine, out: string) => {
    const r = spawnSync(
      process.execPath,
      [
        engine === 'postgres (--cli-before)' ? CLI_BEFORE! : cli,
        'features',
        '--data',
        engine === 'duckdb' ? history : url,
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`${engine} features failed: ${r.stderr}`);
  };
  const engines: Engine[] = [
    'duckdb',
    'postgres',
    ...(CLI_BEFORE ? (['postgres (--cli-before)'] as const) : []),
    ...(ENV_ALSO ? (['postgres (--pg-env-also)'] as const) : []),
  ];
  const featureTimes: Record<string, number[]> = Object.fromEntries(engines.map((e) => [e, []]));
  const outFile = (engine: Engine) =>
    join(
      dir,
      `features-${engine === 'postgres (--cli-before)' ? 'postgres-before' : engine === 'postgres (--pg-env-also)' ? 'postgres-env' : engine}.parquet`,
    );
  for (let run = 0; run < (SCORING_ONLY ? 0 : RUNS); run++) {
    for (const engine of engines) {
      // the restarts are not timed
      if (engine === 'postgres (--pg-env-also)') await cluster.restart(envAlso);
      const s = await seconds(() => features(engine, outFile(engine)));
      if (engine === 'postgres (--pg-env-also)') await cluster.restart();
      featureTimes[engine]!.push(s);
      log(`run ${run + 1} features ${engine}: ${s.toFixed(1)} s`);
    }
    // a time counts only for the same table: every engine's file is DuckDB's, byte for byte
    const duck = readFileSync(outFile('duckdb'));
    for (const engine of engines)
      if (!readFileSync(outFile(engine)).equals(duck))
        throw new Error(`run ${run + 1}: ${outFile(engine)} differs from DuckDB's feature file`);
  }

  /** The side-by-side table's header and its features row (median seconds on each engine). */
  const featuresTable = (fd: number, fp: number) =>
    `\n| step | DuckDB s | PostgreSQL s | PostgreSQL / DuckDB |\n|---|---:|---:|---:|\n` +
    `| features, ${ACCOUNTS.toLocaleString('en-US')} accounts x ${MONTHS} months (${usageRows.toLocaleString('en-US')} usage rows) | ${fd.toFixed(1)} | ${fp.toFixed(1)} | ${(fp / fd).toFixed(1)}x |`;

  if (FEATURES_ONLY) {
    const fd = median(featureTimes['duckdb']!);
    const fp = median(featureTimes['postgres']!);
    console.log(
      JSON.stringify(
        {
          accounts: ACCOUNTS,
          months: MONTHS,
          usage_rows: usageRows,
          runs: RUNS,
          features: featureTimes,
          pg_settings: settings,
          ...(ENV_ALSO ? { pg_env_also: envAlso } : {}),
          load_s: load,
          index_s: indexed,
        },
        null,
        2,
      ),
    );
    console.log(featuresTable(fd, fp));
    if (CLI_BEFORE) {
      const fb = median(featureTimes['postgres (--cli-before)']!);
      console.log(
        `| same, PostgreSQL with --cli-before's build | ${fd.toFixed(1)} | ${fb.toFixed(1)} | ${(fb / fd).toFixed(1)}x |`,
      );
    }
    if (ENV_ALSO) {
      const fe = median(featureTimes['postgres (--pg-env-also)']!);
      const env = Object.entries(envAlso)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      console.log(
        `| same, PostgreSQL started with ${env} | ${fd.toFixed(1)} | ${fe.toFixed(1)} | ${(fe / fd).toFixed(1)}x |`,
      );
    }
  } else {
    // 1M rows to score: the feature table repeated under new account ids
    const card = await loadScorecard(join(root, 'models', 'default-scorecard.json'));
    const scoreFile = join(dir, `score-${SCORE_ROWS}.parquet`);
    const csvFile = join(dir, `score-${SCORE_ROWS}.csv`);
    const db = await openDuckDB();
    const featuresFile = join(dir, 'features-duckdb.parquet');
    await db.connection.run(`CREATE VIEW f AS SELECT * FROM read_parquet(${quoteLiteral(featuresFile)})`);
    await db.connection.run(
      `COPY (SELECT * REPLACE (account_id || '-' || CAST(k AS VARCHAR) AS account_id) FROM f, range(CAST(CEIL(${SCORE_ROWS} / (SELECT COUNT(*) FROM f)) AS BIGINT)) AS t(k) LIMIT ${SCORE_ROWS}) TO ${quoteLiteral(scoreFile)} (FORMAT parquet)`,
    );
    await db.connection.run(
      `COPY (SELECT * FROM read_parquet(${quoteLiteral(scoreFile)})) TO ${quoteLiteral(csvFile)} (FORMAT csv, HEADER true)`,
    );
    await chmod(csvFile, 0o644);
    await db.connection.run(`CREATE TABLE features AS SELECT * FROM read_parquet(${quoteLiteral(scoreFile)})`);
    const duckSql = compileScorecardSql(card, { dialect: 'duckdb' });
    const pgSql = compileScorecardSql(card, { dialect: 'postgres' });
    const cols = (await db.connection.runAndReadAll('DESCRIBE features')).getRowObjectsJS() as {
      column_name: string;
      column_type: string;
    }[];
    const pgType = (t: string) => (t === 'VARCHAR' ? 'TEXT' : t === 'DOUBLE' ? 'DOUBLE PRECISION' : t);
    const loadScores = await seconds(() =>
      withPostgres(url, async (c) => {
        await c.query(`DROP TABLE IF EXISTS features`);
        await c.query(
          `CREATE TABLE features (${cols.map((x) => `"${x.column_name}" ${pgType(x.column_type)}`).join(', ')})`,
        );
        await c.query(`COPY features FROM ${quoteLiteral(csvFile)} WITH (FORMAT csv, HEADER true)`);
        await c.query('ANALYZE features');
      }),
    );
    log(`loaded ${SCORE_ROWS.toLocaleString('en-US')} feature rows into PostgreSQL in ${loadScores.toFixed(1)} s`);
    const frame = await loadFrame(scoreFile);
    const scoreTimes: Record<string, number[]> = { duckdb: [], postgres: [], 'churnkit scoreColumns (in memory)': [] };
    for (let run = 0; run < RUNS; run++) {
      scoreTimes['duckdb']!.push(
        await seconds(() => db.connection.run(`CREATE OR REPLACE TABLE scores AS ${duckSql}`)),
      );
      scoreTimes['postgres']!.push(
        await seconds(() =>
          withPostgres(url, async (c) => {
            await c.query("SET work_mem = '256MB'");
            await c.query(`DROP TABLE IF EXISTS scores`);
            await c.query(`CREATE TABLE scores AS ${pgSql}`);
          }),
        ),
      );
      scoreTimes['churnkit scoreColumns (in memory)']!.push(await seconds(() => scoreColumns(card, frame)));
      log(
        `run ${run + 1} scoring: ${Object.entries(scoreTimes)
          .map(([k, v]) => `${k} ${v.at(-1)!.toFixed(2)} s`)
          .join(', ')}`,
      );
    }
    db.close();

    const fd = SCORING_ONLY ? NaN : median(featureTimes['duckdb']!);
    const fp = SCORING_ONLY ? NaN : median(featureTimes['postgres']!);
    console.log(
      JSON.stringify(
        {
          accounts: ACCOUNTS,
          months: MONTHS,
          usage_rows: usageRows,
          runs: RUNS,
          features: featureTimes,
          scoring: scoreTimes,
          pg_settings: settings,
          load_s: load,
          load_scores_s: loadScores,
        },
        null,
        2,
      ),
    );
    console.log(featuresTable(fd, fp));
    const sd = median(scoreTimes['duckdb']!);
    const sp = median(scoreTimes['postgres']!);
    console.log(
      `| score ${SCORE_ROWS.toLocaleString('en-US')} rows in the database (export-sql) | ${sd.toFixed(2)} | ${sp.toFixed(2)} | ${(sp / sd).toFixed(1)}x |`,
    );
    console.log(
      `\nchurnkit's columnar scorer on the same rows in memory: ${median(scoreTimes['churnkit scoreColumns (in memory)']!).toFixed(2)} s`,
    );
  }
} finally {
  await cluster.stop();
}
