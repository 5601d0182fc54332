/**
 * The feature table computed inside PostgreSQL: the same feature SQL as DuckDB's (one query per
 * feature family, src/features/sql.ts) through the PostgreSQL dialect, with the few facts the
 * query is parameterised by (first start, last usage day, feature event names, what the
 * quantities are) read from the database first, or guessed from its statistics and checked. The
 * rows come back to churnkit only as the finished feature table.
 */
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CONTRACT, DEFAULT_CSM_KINDS, TABLE_NAMES, type TableName } from '../data/index.js';
import { quoteLiteral, type History } from '../data/index.js';
import {
  FEATURE_TABLE_TYPES,
  featureTableColumns,
  checkExpansionOptions,
  featureQuery,
  nullColumns,
  renderFeatureSql,
  snapshotDates,
  snapshotsFrom,
  sourceRangeSql,
  sourceRangesOf,
  MAX_EVENT_BITS,
  type SourceRange,
  type Every,
  type FeatureBuild,
  type FeatureQuery,
  type LabelKind,
} from '../features/index.js';
import type { DuckDBConnection } from '../data/index.js';
import { isoDay, UsageError } from '../util/index.js';
import { postgresDialect } from './dialect.js';
import { checkServerVersion, qualified } from './postgres.js';
import { quoteIdent } from '../data/index.js';

const PG_COLUMN: Record<string, string> = {
  text: 'TEXT',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  integer: 'BIGINT',
  number: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
};

/**
 * Copies a history (as churnkit reads it: contract columns, defaults applied) into PostgreSQL
 * tables of the contract's names, through CSV files the server reads itself (COPY FROM a file
 * needs a superuser or pg_read_server_files, and a server on this machine).
 */
export async function copyHistoryToPostgres(
  history: History,
  client: pg.ClientBase,
  options: { schema?: string } = {},
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'churnkit-pg-load-'));
  await chmod(dir, 0o755); // the server reads the files as its own OS user
  try {
    for (const table of TABLE_NAMES) {
      if (!history.tables.has(table)) continue;
      const cols = CONTRACT[table].columns;
      const name = options.schema ? `${options.schema}.${table}` : table;
      await client.query(`DROP TABLE IF EXISTS ${qualified(name)}`);
      await client.query(
        `CREATE TABLE ${qualified(name)} (${cols.map((c) => `${quoteIdent(c.name)} ${PG_COLUMN[c.type]}`).join(', ')})`,
      );
      const file = join(dir, `${table}.csv`);
      await history.connection.run(
        `COPY (SELECT ${cols.map((c) => quoteIdent(c.name)).join(', ')} FROM ${quoteIdent(table)}) TO ${quoteLiteral(file)} (FORMAT csv, HEADER true)`,
      );
      await chmod(file, 0o644);
      await client.query(`COPY ${qualified(name)} FROM ${quoteLiteral(file)} WITH (FORMAT csv, HEADER true)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PostgresFeatureOptions {
  /** Only the ten features (saas) run in PostgreSQL; auto means saas here. */
  featureSet?: 'saas' | 'transactions' | 'auto';
  every?: Every;
  horizon?: number;
  label?: LabelKind;
  /** `--label expansion`: the least relative rise of annual value that counts (default 0.1). */
  expansionThreshold?: number;
  dataEnd?: string;
  /** Snapshots start on the first as-of date on or after this day (see buildFeatures). */
  from?: string;
  /** Schema holding the contract tables (default: the search path). */
  schema?: string;
}

/** The feature SQL for the contract tables in this database, with its as-of dates. */
export interface PostgresFeatureQuery {
  sql: string;
  query: FeatureQuery;
  asOf: string[];
  dataEnd: string;
  tables: ReadonlySet<TableName>;
  /** What the feature SQL needs to know of usage, read or guessed (usageFactsRead, usageFactsGuessed). */
  usage: UsageFacts;
  /** Where each table but usage starts and ends (sourceRangeSql's rows), read in PostgreSQL. */
  otherRanges: Record<string, unknown>[];
}

/** The facts of usage the feature SQL is parameterised by, and where usage starts and ends. */
interface UsageFacts {
  featureEvents: string[];
  wholeQuantities: boolean;
  positiveQuantities: boolean;
  firstDay: string | null;
  lastDay: string | null;
  /** usage's rows; undefined where the facts are guessed, until the steps have counted them (usageRowsIfGuessesHeld). */
  rows?: number;
}

/**
 * The facts read from every row of usage: one scan, grouped by event. binary (C) order, as DuckDB
 * sorts the event names.
 */
async function usageFactsRead(client: pg.ClientBase, usage: string): Promise<UsageFacts> {
  const events = await client.query(
    `SELECT event, COUNT(*) AS record_rows, to_char(CAST(MIN(occurred_at) AS DATE), 'YYYY-MM-DD') AS first_day,
       to_char(CAST(MAX(occurred_at) AS DATE), 'YYYY-MM-DD') AS last_day, bool_and(quantity = floor(quantity)) AS whole, SUM(ABS(quantity)) AS total,
       MIN(quantity) AS min_quantity
     FROM ${usage} GROUP BY event ORDER BY event COLLATE "C"`,
  );
  const days = (column: string) => events.rows.map((r) => r[column] as string | null).filter((d) => d !== null);
  return {
    featureEvents: events.rows
      .map((r) => r.event as string | null)
      .filter((e): e is string => e !== null && e !== 'login' && e !== 'api_call'),
    wholeQuantities:
      events.rows.every((r) => r.whole !== false) &&
      events.rows.reduce((a, r) => a + Number(r.total ?? 0), 0) < 2 ** 52,
    // no quantity of 0 or below: every row counts as usage, and the passes need not test each one
    positiveQuantities: events.rows.every((r) => r.min_quantity === null || Number(r.min_quantity) > 0),
    firstDay: days('first_day').sort()[0] ?? null,
    lastDay: days('last_day').sort().at(-1) ?? null,
    rows: events.rows.reduce((n, r) => n + Number(r['record_rows']), 0),
  };
}

/** usage's accounts but NULL (storeUsageAccounts), a temporary table (schema pg_temp). */
const USAGE_ACCOUNTS = 'pg_temp.churnkit_usage_accounts';

/**
 * usage's accounts one index descent each (a skip scan over the index on (account_id, occurred_at),
 * which PostgreSQL before 18 does not do by itself), as the temporary table USAGE_ACCOUNTS(id): the
 * skip scan took 0.06-0.16 s at 10,000 accounts, and two reads need it.
 */
async function storeUsageAccounts(client: pg.ClientBase, usage: string): Promise<void> {
  await client.query(
    `CREATE TABLE ${USAGE_ACCOUNTS} AS
     WITH RECURSIVE usage_accounts(id) AS (
       (SELECT account_id FROM ${usage} WHERE account_id IS NOT NULL ORDER BY account_id LIMIT 1)
       UNION ALL
       SELECT (SELECT u.account_id FROM ${usage} u WHERE u.account_id > a.id ORDER BY u.account_id LIMIT 1)
       FROM usage_accounts a WHERE a.id IS NOT NULL
     )
     SELECT id FROM usage_accounts WHERE id IS NOT NULL`,
  );
}

/**
 * The facts without reading usage's rows (a full scan took 1.8-3.5 s of a 10,000-account build):
 * the event names and the quantities guessed from the statistics of the user's ANALYZE, usage's
 * first and last day from the index on (account_id, occurred_at), per account. Undefined where
 * there is no such index or no statistics, or the statistics do not list every event. The guesses
 * are checked on the rows the steps read (usageRowsIfGuessesHeld); a wrong one (statistics older
 * than the rows) costs a second build from the facts read (usageFactsRead).
 */
async function usageFactsGuessed(client: pg.ClientBase, usage: string): Promise<UsageFacts | undefined> {
  const table = await client.query(
    `SELECT n.nspname AS schema_name, c.relname AS table_name,
       EXISTS (
         SELECT 1 FROM pg_index i
         JOIN pg_class ix ON ix.oid = i.indexrelid JOIN pg_am am ON am.oid = ix.relam
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
         JOIN pg_attribute b ON b.attrelid = i.indrelid AND b.attnum = i.indkey[1]
         WHERE i.indrelid = c.oid AND i.indisvalid AND i.indpred IS NULL AND i.indnkeyatts >= 2 AND am.amname = 'btree'
           AND a.attname = 'account_id' AND b.attname = 'occurred_at' AND i.indcollation[0] = a.attcollation
       ) AS indexed
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = to_regclass($1) AND c.relkind = 'r'`,
    [usage],
  );
  const found = table.rows[0];
  if (!found?.indexed) return undefined;
  const stats = await client.query(
    `SELECT attname, n_distinct, CAST(CAST(most_common_vals AS TEXT) AS TEXT[]) AS common,
       CAST(CAST(histogram_bounds AS TEXT) AS TEXT[]) AS bounds
     FROM pg_stats WHERE schemaname = $1 AND tablename = $2 AND NOT inherited AND attname IN ('event', 'quantity')`,
    [found.schema_name, found.table_name],
  );
  const event = stats.rows.find((r) => r.attname === 'event');
  const quantity = stats.rows.find((r) => r.attname === 'quantity');
  // every distinct event of the sample is a common value: ANALYZE saw no event only once
  const names = (event?.common ?? null) as string[] | null;
  if (!quantity || !names || Number(event.n_distinct) !== names.length) return undefined;
  const featureEvents = names
    .filter((e) => e !== 'login' && e !== 'api_call')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (featureEvents.length > MAX_EVENT_BITS) return undefined;
  const quantities = [...((quantity.common ?? []) as string[]), ...((quantity.bounds ?? []) as string[])].map(Number);
  await storeUsageAccounts(client, usage);
  const range = await client.query(
    `SELECT to_char(CAST(MIN(r.first_at) AS DATE), 'YYYY-MM-DD') AS first_day, to_char(CAST(MAX(r.last_at) AS DATE), 'YYYY-MM-DD') AS last_day
     FROM (
       SELECT (SELECT MIN(u.occurred_at) FROM ${usage} u WHERE u.account_id = a.id) AS first_at,
         (SELECT MAX(u.occurred_at) FROM ${usage} u WHERE u.account_id = a.id) AS last_at
       FROM ${USAGE_ACCOUNTS} a
       UNION ALL
       SELECT MIN(occurred_at), MAX(occurred_at) FROM ${usage} WHERE account_id IS NULL
     ) AS r`,
  );
  return {
    featureEvents,
    wholeQuantities: quantities.every(Number.isInteger),
    positiveQuantities: quantities.every((x) => x > 0),
    firstDay: range.rows[0].first_day as string | null,
    lastDay: range.rows[0].last_day as string | null,
  };
}

/**
 * usage's rows when the guessed facts held for every row the steps read (undefined when one did
 * not): the rows the segment pass read and counted, and those outside its days counted per
 * account through the index.
 */
async function usageRowsIfGuessesHeld(
  client: pg.ClientBase,
  usage: string,
  facts: UsageFacts,
): Promise<number | undefined> {
  const checks = await client.query(
    `SELECT COALESCE(SUM(${facts.positiveQuantities ? 'events' : 'source_rows'}), 0) AS read_rows, MIN(guess_check) AS guess_check,
       SUM(COALESCE(usage_qty, 0) + COALESCE(login_qty, 0)) AS total,
       (SELECT to_char(MIN(seg_start), 'YYYY-MM-DD') FROM breadth_segments) AS from_day,
       (SELECT to_char(MAX(seg_end), 'YYYY-MM-DD') FROM breadth_segments) AS to_day
     FROM usage_segments`,
  );
  const c = checks.rows[0];
  // NULL where the pass read no row
  const least = c.guess_check === null ? 1 : Number(c.guess_check);
  if (least < 0 || (facts.positiveQuantities && least <= 0)) return undefined;
  // whole quantities add up exactly as doubles only while the sums stay below 2^53
  if (facts.wholeQuantities && Number(c.total ?? 0) >= 2 ** 52) return undefined;
  const from = postgresDialect.startOfDay(postgresDialect.dateLiteral(c.from_day as string));
  const to = postgresDialect.startOfDay(postgresDialect.dateLiteral(c.to_day as string));
  const count = (where: string) => `(SELECT COUNT(*) FROM ${usage} u WHERE ${where})`;
  const outside = await client.query(
    `SELECT COALESCE(SUM(${count(`u.account_id = a.id AND u.occurred_at < ${from}`)} + ${count(`u.account_id = a.id AND u.occurred_at >= ${to}`)}
         + ${count('u.account_id = a.id AND u.occurred_at IS NULL')}), 0)
       + ${count(`u.account_id IS NULL AND (u.occurred_at IS NULL OR u.occurred_at < ${from} OR u.occurred_at >= ${to})`)} AS n
     FROM ${USAGE_ACCOUNTS} a`,
  );
  return Number(c.read_rows) + Number(outside.rows[0].n);
}

/** How the feature SQL names a contract table: in the given schema, or on the search path. */
const contractSource = (schema: string | undefined) => (t: TableName) => qualified(schema ? `${schema}.${t}` : t);

/**
 * The feature SQL; with `guess`, usage's facts guessed where they can be (usageFactsGuessed), which
 * the caller checks after the steps (usageRowsIfGuessesHeld); else read from every row of usage.
 */
export async function postgresFeatureSql(
  client: pg.ClientBase,
  options: PostgresFeatureOptions & { guess?: boolean } = {},
): Promise<PostgresFeatureQuery> {
  const server = await client.query(
    `SELECT CAST(current_setting('server_version_num') AS INTEGER) AS num, current_setting('server_version') AS version`,
  );
  checkServerVersion(server.rows[0].num as number, server.rows[0].version as string);
  const schemaFilter = options.schema ? `table_schema = $1` : `table_schema = ANY (current_schemas(false))`;
  const present = await client.query(
    `SELECT table_name FROM information_schema.tables WHERE ${schemaFilter}`,
    options.schema ? [options.schema] : [],
  );
  const tables = new Set<TableName>(TABLE_NAMES.filter((t) => present.rows.some((r) => r.table_name === t)));
  for (const required of ['accounts', 'usage'] as const)
    if (!tables.has(required))
      throw new UsageError(`PostgreSQL: no ${required} table${options.schema ? ` in schema ${options.schema}` : ''}`);
  checkExpansionOptions(options.label ?? 'churn', options.expansionThreshold);
  if (options.label === 'expansion' && !tables.has('contracts'))
    throw new UsageError(
      `PostgreSQL: no contracts table${options.schema ? ` in schema ${options.schema}` : ''}; --label expansion reads rises of annual value from it`,
    );
  const src = contractSource(options.schema);
  const first = await client.query(
    `SELECT to_char(MIN(started_at), 'YYYY-MM-DD') AS first_start FROM ${src('accounts')}`,
  );
  const usage =
    (options.guess ? await usageFactsGuessed(client, src('usage')) : undefined) ??
    (await usageFactsRead(client, src('usage')));
  const dataEnd = options.dataEnd ?? usage.lastDay;
  if (!dataEnd) throw new UsageError('PostgreSQL: usage has no rows, so data_end is unknown; pass --data-end DATE');
  const firstStart = first.rows[0]?.first_start as string | null;
  if (!firstStart) throw new UsageError('PostgreSQL: accounts has no rows');
  if (options.from !== undefined && isoDay(options.from) === undefined)
    throw new UsageError(`--from must be a date YYYY-MM-DD, got "${options.from}"`);
  const asOf = snapshotsFrom(snapshotDates(options.every ?? 'month', firstStart, dataEnd), options.from, dataEnd);
  const others = new Set([...tables].filter((t) => t !== 'usage'));
  const otherRanges = (await client.query(sourceRangeSql(others, postgresDialect, src))).rows;
  const query = featureQuery(
    {
      asOf,
      dataEnd,
      horizon: options.horizon ?? 90,
      label: options.label ?? 'churn',
      ...(options.expansionThreshold === undefined ? {} : { expansionThreshold: options.expansionThreshold }),
      tables,
      csmKinds: DEFAULT_CSM_KINDS,
      source: src,
      featureEvents: usage.featureEvents,
      wholeQuantities: usage.wholeQuantities,
      positiveQuantities: usage.positiveQuantities,
      ...(usage.rows === undefined ? { checkGuesses: true } : {}),
    },
    postgresDialect,
  );
  return { sql: renderFeatureSql(query), query, asOf, dataEnd, tables, usage, otherRanges };
}

/**
 * Settings for the feature steps, and why (measured in bench/README.md, "PostgreSQL within 3x").
 * They last for the feature build's own transaction only.
 * - enable_mergejoin off: the windows are equi-joins of every usage row with a small day map (a
 *   view without statistics); misjudging its size, the planner sorts all usage rows for a merge
 *   join where hashing the day map is always the cheaper plan.
 * - join_collapse_limit 1: each step's joins are written from the big table to the small ones in
 *   the order that keeps the fewest rows; left to reorder them, the planner joined every
 *   interaction to each as-of date its contact was a champion at before the windows (14M rows
 *   instead of 2M).
 * - work_mem 128MB: the usage passes group tens of millions of joined rows per (account, as-of
 *   date) or (account, user); at the default 4MB each parallel worker spilled 1.6 GB of its hash
 *   table to disk at 50,000 accounts, about half of each pass. 128MB (hash tables get
 *   hash_mem_multiplier x that, 256MB by default) holds them at 50,000 accounts; bigger data
 *   spills again, correctly, only slower. It bounds each sort or hash of this transaction only.
 * - jit_inline_above_cost and jit_optimize_above_cost -1: JIT still compiles the expressions, but
 *   without LLVM's inlining and optimization, which took 1 s of each usage pass in every worker
 *   (3-4 s of CPU a pass, whatever the data size) for no measurable gain; `jit = off` was slower.
 * - enable_sort off: the planner's estimates of the window joins are far off in both directions;
 *   where it expects a few hundred rows it sorts them to group them, and the champion touches
 *   (1.5M joined interactions at 10,000 accounts, it expected 751) spent half their time sorting.
 *   Off, every GROUP BY that can be hashed is, and the parallel usage passes finalize in a hash
 *   table instead of sorting each worker's groups for a merge. A sort still runs where nothing else
 *   can (ORDER BY, window functions, COUNT(DISTINCT), the median).
 * - default_statistics_target 10: each stored step is analyzed for the steps after it (row counts,
 *   distinct keys); a sample of 3,000 rows instead of 30,000 says as much about a table of
 *   (account, as-of date) rows and took 0.2 s instead of 1.2-1.5 s over all the steps at 10,000
 *   accounts. It only applies to the ANALYZEs of this transaction (usage's statistics are the
 *   user's own ANALYZE).
 */
const FEATURE_SESSION_SETTINGS: readonly string[] = [
  'SET LOCAL enable_mergejoin = off',
  'SET LOCAL join_collapse_limit = 1',
  "SET LOCAL work_mem = '128MB'",
  'SET LOCAL jit_inline_above_cost = -1',
  'SET LOCAL jit_optimize_above_cost = -1',
  'SET LOCAL enable_sort = off',
  'SET LOCAL default_statistics_target = 10',
];

/**
 * The feature steps one statement each, as DuckDB runs them (buildFeatures): a relation that is
 * stored becomes a temporary table with fresh statistics (ANALYZE), so the steps after it are
 * planned on real row counts; a view over a big input and a constant day map stay views, so that
 * parallel workers can run the usage steps (a temporary table is parallel-restricted).
 */
async function runFeatureSteps(client: pg.ClientBase, query: FeatureQuery): Promise<void> {
  for (const step of query.steps) {
    const name = quoteIdent(step.name);
    if (step.materialize && !step.constant) {
      await client.query(`CREATE TEMP TABLE ${name} AS ${step.sql}`);
      await client.query(`ANALYZE ${name}`);
    } else await client.query(`CREATE TEMP VIEW ${name} AS ${step.sql}`);
  }
}

/**
 * Runs the feature SQL in PostgreSQL and lands the finished table in a DuckDB connection, as
 * buildFeatures would have left it (same relation, columns, types and order), so the feature
 * file, its QA and everything downstream are the same code whatever computed the features.
 */
export async function buildFeaturesInPostgres(
  client: pg.ClientBase,
  conn: DuckDBConnection,
  options: PostgresFeatureOptions & { relation?: string } = {},
): Promise<FeatureBuild> {
  if (options.featureSet === 'transactions')
    throw new UsageError(
      '--feature-set transactions runs on DuckDB sources (a folder or a DuckDB file), not in PostgreSQL yet',
    );
  const names = featureTableColumns('saas', options.label ?? 'churn');
  const select = names
    .map((n) => (n === 'as_of' ? `to_char(${quoteIdent(n)}, 'YYYY-MM-DD') AS ${quoteIdent(n)}` : quoteIdent(n)))
    .join(', ');
  // The finished rows leave PostgreSQL as CSV (COPY ... TO STDOUT) into a private file that DuckDB
  // reads: parsing a million rows of forty columns into JavaScript values and appending them to
  // DuckDB one by one cost more than some of the feature steps. Floats keep every digit
  // (extra_float_digits 3: the shortest text that reads back to the same double).
  const dir = await mkdtemp(join(tmpdir(), 'churnkit-pg-features-'));
  const csv = join(dir, 'features.csv');
  const relation = options.relation ?? 'feature_table';
  let q: PostgresFeatureQuery;
  let sources: SourceRange[];
  const src = contractSource(options.schema);
  try {
    // One transaction, rolled back at the end: the settings (SET LOCAL) and the temporary relations
    // of the steps go with it, and the caller's session is left as it was.
    await client.query('BEGIN');
    try {
      for (const setting of FEATURE_SESSION_SETTINGS) await client.query(setting);
      await client.query('SAVEPOINT churnkit_guessed');
      q = await postgresFeatureSql(client, { ...options, guess: true });
      await runFeatureSteps(client, q.query);
      let usageRows = q.usage.rows ?? (await usageRowsIfGuessesHeld(client, src('usage'), q.usage));
      if (usageRows === undefined) {
        // the statistics missed an event or a quantity of the rows read: the facts from usage itself
        await client.query('ROLLBACK TO SAVEPOINT churnkit_guessed');
        q = await postgresFeatureSql(client, options);
        await runFeatureSteps(client, q.query);
        usageRows = q.usage.rows!;
      }
      const usage = {
        source_table: 'usage',
        record_rows: usageRows,
        first_day: q.usage.firstDay,
        last_day: q.usage.lastDay,
      };
      sources = sourceRangesOf([...q.otherRanges, usage]).sort(
        (a, b) => TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table),
      );
      // Unsorted: DuckDB sorts the rows as it reads them below; PostgreSQL's sort of the joined
      // rows cost 0.16 s of 1.73 at 10,000 accounts (bench/README.md, "seventh try").
      const rows = `SELECT ${select} FROM (${q.query.unsorted}) AS f`;
      await pipeline(client.query(copyTo(`COPY (${rows}) TO STDOUT WITH (FORMAT csv)`)), createWriteStream(csv));
    } finally {
      await client.query('ROLLBACK');
    }
    // the labels are INTEGER 0/1/NULL; the expansion label is the one column not in FEATURE_TABLE_TYPES
    const typeOf = (n: string) => FEATURE_TABLE_TYPES[n] ?? 'INTEGER';
    const types = names.map((n) => `${quoteLiteral(n)}: ${quoteLiteral(n === 'as_of' ? 'VARCHAR' : typeOf(n))}`);
    const cols = names
      .map((n) => (n === 'as_of' ? `CAST(${quoteIdent(n)} AS DATE) AS ${quoteIdent(n)}` : quoteIdent(n)))
      .join(', ');
    // PostgreSQL's CSV writes NULL as an empty field and an empty text as "" (not a NULL here).
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdent(relation)} AS SELECT ${cols} FROM read_csv(${quoteLiteral(csv)}, ` +
        `header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, ` +
        `columns = {${types.join(', ')}}) ORDER BY as_of, account_id`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const counts = (
    await conn.runAndReadAll(`SELECT COUNT(*), COUNT(DISTINCT account_id) FROM ${quoteIdent(relation)}`)
  ).getRows()[0]!;
  return {
    connection: conn,
    relation,
    sorted: true,
    featureSet: 'saas',
    columns: names,
    rows: Number(counts[0]),
    accounts: Number(counts[1]),
    asOf: q.asOf,
    grid: q.asOf,
    every: options.every ?? 'month',
    dataEnd: q.dataEnd,
    horizon: options.horizon ?? 90,
    label: options.label ?? 'churn',
    nullColumns: nullColumns(q.tables),
    query: q.query,
    sources,
  };
}
