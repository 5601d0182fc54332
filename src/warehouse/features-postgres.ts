/**
 * The feature table of a history held in PostgreSQL: the same feature SQL as DuckDB's (one query
 * per feature family, src/features/sql.ts), with the few facts the query is parameterised by
 * (first start, last usage day, feature event names, what the quantities are) read from the
 * database first, or guessed from its statistics and checked. Usage never leaves the server: the
 * steps that read it run there, through the PostgreSQL dialect, and hand DuckDB rows of one per
 * account and day segment or user; the other tables are copied out, and DuckDB runs the rest
 * (planSteps).
 */
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  CONTRACT,
  DEFAULT_CSM_KINDS,
  TABLE_NAMES,
  duckdbType,
  type ColumnSpec,
  type ColumnType,
  type TableName,
} from '../data/index.js';
import { queryRows, quoteLiteral, type History } from '../data/index.js';
import {
  featureTableColumns,
  checkExpansionOptions,
  featureQuery,
  nullColumns,
  relationsRead,
  snapshotDates,
  snapshotsFrom,
  sourceRangeSql,
  sourceRangesOf,
  MAX_EVENT_BITS,
  type SourceRange,
  type Every,
  type FeatureBuild,
  type FeatureQuery,
  type FeatureSqlParams,
  type LabelKind,
  type SqlDialect,
  type SqlStep,
  duckdbDialect,
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
  query: FeatureQuery;
  /**
   * The same steps and final SELECT in DuckDB's SQL (DUCKDB_OVER_POSTGRES_STEPS), reading copies of
   * the tables but usage (copyOf), for the steps that do not read usage and the final SELECT, which
   * DuckDB runs (planSteps).
   */
  duckdb: FeatureQuery;
  /** Where each step runs, and what PostgreSQL hands DuckDB. */
  plan: StepPlan;
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

/**
 * DuckDB's SQL with the usage steps PostgreSQL runs (SqlDialect's flags that shape them), so that a
 * step or the final SELECT rendered with it reads exactly the relations PostgreSQL's steps stored.
 */
const DUCKDB_OVER_POSTGRES_STEPS: SqlDialect = {
  ...duckdbDialect,
  hashedDistinct: postgresDialect.hashedDistinct,
  segmentTotals: postgresDialect.segmentTotals,
};

/**
 * The contract tables the feature steps read inside PostgreSQL: usage, a hundred million rows at
 * 50,000 accounts, which the steps reduce to one row per account and day segment or user. DuckDB
 * reads a copy of every other table (copyTable): at 50,000 accounts their steps took PostgreSQL
 * about 20 s in one process each, copying the tables out about 4 s (bench/README.md, "Issue 18,
 * twelfth time").
 */
const READ_IN_POSTGRES: ReadonlySet<TableName> = new Set(['usage']);

/** The name DuckDB's steps read a copied contract table by: a CTE over its copy. */
const copyOf = (t: TableName) => quoteIdent(`postgres_${t}`);

/** A contract table DuckDB reads a copy of, and the contract columns its steps name. */
interface CopiedTable {
  table: TableName;
  columns: ColumnSpec[];
}

/** Which steps run where: PostgreSQL, DuckDB, and what PostgreSQL hands to DuckDB. */
interface StepPlan {
  /** The steps that read usage, and every step those read (the day maps, usage_rows). */
  inPostgres: SqlStep[];
  /** The other steps, in DuckDB's SQL. */
  inDuckdb: SqlStep[];
  /** The steps PostgreSQL stores that a DuckDB step or the final SELECT reads. */
  fetched: string[];
  /** The contract tables DuckDB's steps read (copyOf), each with the columns they name. */
  copied: CopiedTable[];
}

/**
 * Where each step runs. A step that reads usage runs in PostgreSQL (or reads a view of it:
 * usage_rows), with the steps it reads; every other step runs in DuckDB, which aggregates and
 * joins in parallel where PostgreSQL runs a query over a temporary table in one process, and
 * reads the other contract tables from copies. At 50,000 accounts the steps over stored steps and
 * the final join took PostgreSQL about 30 s, copying their inputs out about 3.5 s (bench/README.md,
 * "Issue 18, eleventh time").
 */
function planSteps(
  pgQuery: FeatureQuery,
  duckQuery: FeatureQuery,
  tables: ReadonlySet<TableName>,
  src: (t: TableName) => string,
): StepPlan {
  const names = pgQuery.steps.map((st) => st.name);
  if (names.join() !== duckQuery.steps.map((st) => st.name).join())
    throw new Error(`feature steps differ between PostgreSQL and DuckDB: ${names.join(', ')}`);
  const byName = new Map(pgQuery.steps.map((st) => [st.name, st]));
  const named = new Map(pgQuery.steps.map((st) => [st.name, relationsRead(st.sql)]));
  const reads = new Map([...named].map(([name, rs]) => [name, rs.filter((r) => byName.has(r))]));
  const kept = new Set([...tables].filter((t) => READ_IN_POSTGRES.has(t)).map(src));
  const keptView = new Set<string>();
  const needsPostgres = new Set<string>();
  for (const step of pgQuery.steps) {
    const direct = named.get(step.name)!.some((r) => kept.has(r));
    if (direct || reads.get(step.name)!.some((r) => keptView.has(r))) {
      needsPostgres.add(step.name);
      if (!step.materialize) keptView.add(step.name);
    }
  }
  // what the PostgreSQL steps read runs there too (the day maps; a step both engines need runs in both)
  const inPostgres = new Set(needsPostgres);
  for (const name of [...names].reverse())
    if (inPostgres.has(name)) for (const r of reads.get(name)!) inPostgres.add(r);
  const inDuckdb = duckQuery.steps.filter((st) => !needsPostgres.has(st.name));
  const duckReads = new Map(inDuckdb.map((st) => [st.name, relationsRead(st.sql)]));
  const readInDuckdb = new Set([...duckQuery.inputs, ...[...duckReads.values()].flat()]);
  const fetched = names.filter((n) => needsPostgres.has(n) && readInDuckdb.has(n));
  for (const name of fetched)
    if (!byName.get(name)!.materialize)
      throw new Error(`feature step ${name} would copy a view of a contract table out of PostgreSQL`);
  const copied = [...tables]
    .filter((t) => !READ_IN_POSTGRES.has(t) && readInDuckdb.has(copyOf(t)))
    .map((table) => {
      if (byName.has(`postgres_${table}`)) throw new Error(`a feature step is named as the copy of ${table}`);
      // the contract columns its readers name (a name that is also another word only copies a column more)
      const sql = inDuckdb
        .filter((st) => duckReads.get(st.name)!.includes(copyOf(table)))
        .map((st) => st.sql)
        .join('\n');
      const columns = CONTRACT[table].columns.filter((c) => new RegExp(`\\b${c.name}\\b`).test(sql));
      return { table, columns };
    });
  return { inPostgres: pgQuery.steps.filter((st) => inPostgres.has(st.name)), inDuckdb, fetched, copied };
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
  const params: FeatureSqlParams = {
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
  };
  const query = featureQuery(params, postgresDialect);
  const duckSource = (t: TableName) => (READ_IN_POSTGRES.has(t) ? src(t) : copyOf(t));
  const duckdb = featureQuery({ ...params, source: duckSource }, DUCKDB_OVER_POSTGRES_STEPS);
  const plan = planSteps(query, duckdb, tables, src);
  return { query, duckdb, plan, asOf, dataEnd, tables, usage, otherRanges };
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
 *   instead of 2M), when the champion touches ran here; the usage passes are written the same way.
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
 *   (1.5M joined interactions at 10,000 accounts, it expected 751) spent half their time sorting
 *   when they ran here.
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
async function runFeatureSteps(client: pg.ClientBase, steps: readonly SqlStep[]): Promise<void> {
  for (const step of steps) {
    const name = quoteIdent(step.name);
    if (step.materialize && !step.constant) {
      await client.query(`CREATE TEMP TABLE ${name} AS ${step.sql}`);
      await client.query(`ANALYZE ${name}`);
    } else await client.query(`CREATE TEMP VIEW ${name} AS ${step.sql}`);
  }
}

/** How DuckDB reads each PostgreSQL type the step relations hold, by type OID (pg_type). */
const DUCKDB_TYPE_OF_OID: Record<number, string> = {
  16: 'BOOLEAN',
  20: 'BIGINT',
  21: 'SMALLINT',
  23: 'INTEGER',
  25: 'VARCHAR',
  700: 'FLOAT',
  701: 'DOUBLE',
  1043: 'VARCHAR',
  1082: 'DATE',
  1114: 'TIMESTAMP',
  1700: 'VARCHAR', // numeric: see fetchRelation
};
const NUMERIC_OID = 1700;

/**
 * The contract's text columns. A step relation's column of one of these names is copied as text
 * whatever its type (an account id stored as a bigint or a uuid), as the copied tables' are
 * (copyTable), so the two join in DuckDB.
 */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(
  Object.values(CONTRACT).flatMap((t) => t.columns.filter((c) => c.type === 'text').map((c) => c.name)),
);

/**
 * One relation of the transaction written to `file` as CSV, and the CTE that reads it back in
 * DuckDB under the same name with the same columns and types.
 */
async function fetchRelation(client: pg.ClientBase, name: string, file: string): Promise<string> {
  const relation = quoteIdent(name);
  const { fields } = await client.query(`SELECT * FROM ${relation} LIMIT 0`);
  const columns = fields.map((f) => {
    const type = TEXT_COLUMNS.has(f.name) ? 'VARCHAR' : DUCKDB_TYPE_OF_OID[f.dataTypeID];
    if (!type)
      throw new Error(
        `PostgreSQL feature step ${name}: column ${f.name} has type OID ${f.dataTypeID}, which DuckDB is not told how to read`,
      );
    return `${quoteLiteral(f.name)}: ${quoteLiteral(type)}`;
  });
  const copied = fields.map((f) =>
    TEXT_COLUMNS.has(f.name) ? `CAST(${quoteIdent(f.name)} AS TEXT) AS ${quoteIdent(f.name)}` : quoteIdent(f.name),
  );
  // A numeric is a sum of exact numbers (SqlDialect.exactNumber: 6 decimals), DECIMAL(38, 6) as
  // DuckDB's own steps type it. DuckDB parses text into DECIMAL(38, 6) at about 4 us a value (3.7 s
  // for the contracts of 50,000 accounts) and into DECIMAL(18, 6) twenty times as fast, so the
  // text goes through the narrow type where it fits.
  const select = fields.map((f) => {
    const c = quoteIdent(f.name);
    return f.dataTypeID === NUMERIC_OID
      ? `COALESCE(TRY_CAST(${c} AS DECIMAL(18, 6)), CAST(${c} AS DECIMAL(38, 6))) AS ${c}`
      : c;
  });
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${copied.join(', ')} FROM ${relation}) TO STDOUT WITH (FORMAT csv)`)),
    createWriteStream(file),
  );
  return `${relation} AS (SELECT ${select.join(', ')} FROM ${readCopy(file, columns)})`;
}

/**
 * DuckDB's read of a CSV file PostgreSQL's COPY wrote, `columns` its `'name': 'TYPE'` entries.
 * PostgreSQL's CSV writes NULL as an empty field and an empty text as "" (not a NULL here).
 */
const readCopy = (file: string, columns: readonly string[]) =>
  `read_csv(${quoteLiteral(file)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
  `allow_quoted_nulls = false, columns = {${columns.join(', ')}})`;

/**
 * The PostgreSQL types (pg_type.typcategory) a contract column may have, where the type matters:
 * numbers (N), dates and times (D), booleans (B). Any type is read as text where text is meant
 * (an account id stored as a bigint or a uuid).
 */
const CATEGORIES: Partial<Record<ColumnType, { categories: string; words: string }>> = {
  integer: { categories: 'N', words: 'a number' },
  number: { categories: 'N', words: 'a number' },
  date: { categories: 'D', words: 'a date' },
  timestamp: { categories: 'D', words: 'a timestamp' },
  boolean: { categories: 'B', words: 'a boolean' },
};

/**
 * A contract table's columns written to `file` as CSV, each cast in PostgreSQL to its contract
 * type (a timestamp with time zone becomes the session's local time, as the steps in PostgreSQL
 * read it), and the CTE that reads the copy in DuckDB under copyOf's name with the contract's
 * DuckDB types. A column missing, or of a type that cannot mean the contract's, is a usage error
 * naming the table and column.
 */
async function copyTable(client: pg.ClientBase, relation: string, copied: CopiedTable, file: string): Promise<string> {
  const { table, columns } = copied;
  const found = await client.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typcategory AS category
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [relation],
  );
  const pgColumns = new Map(found.rows.map((r) => [r.name as string, r as { type: string; category: string }]));
  const select = columns.map((c) => {
    const column = pgColumns.get(c.name);
    if (!column) throw new UsageError(`PostgreSQL: table ${table} has no column ${c.name}`);
    const wanted = CATEGORIES[c.type];
    if (wanted && !wanted.categories.includes(column.category))
      throw new UsageError(
        `PostgreSQL: ${table}.${c.name} is ${column.type}, where churnkit reads ${wanted.words} (${c.type})`,
      );
    return `CAST(${quoteIdent(c.name)} AS ${PG_COLUMN[c.type]}) AS ${quoteIdent(c.name)}`;
  });
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${select.join(', ')} FROM ${relation}) TO STDOUT WITH (FORMAT csv)`)),
    createWriteStream(file),
  );
  const types = columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(duckdbType(c.type))}`);
  // read once, however many steps read it
  return `${copyOf(table)} AS MATERIALIZED (SELECT * FROM ${readCopy(file, types)})`;
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
  // The steps that read usage run in PostgreSQL; the relations they store that the other steps and
  // the final SELECT read (planSteps), and the other contract tables, leave it as CSV (COPY ... TO
  // STDOUT) into private files, and DuckDB runs the rest. PostgreSQL's own final join took 11 s of
  // a 50,000-account build (eleven hash tables of a million rows, built and probed in one process),
  // copying its inputs 2.7 s (bench/README.md, "Issue 18, eleventh time"). Floats keep every
  // digit (extra_float_digits 3: the shortest text that reads back to the same double); dates are
  // written YYYY-MM-DD (DateStyle ISO).
  const dir = await mkdtemp(join(tmpdir(), 'churnkit-pg-features-'));
  const relation = options.relation ?? 'feature_table';
  let q: PostgresFeatureQuery;
  let sources: SourceRange[];
  const inputs: string[] = [];
  const src = contractSource(options.schema);
  try {
    // One transaction, rolled back at the end: the settings (SET LOCAL) and the temporary relations
    // of the steps go with it, and the caller's session is left as it was. REPEATABLE READ: every
    // step reads the tables as they were at one instant, even while rows are being loaded.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      for (const setting of FEATURE_SESSION_SETTINGS) await client.query(setting);
      // the copied relations' dates as YYYY-MM-DD, whatever the server's DateStyle
      await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
      await client.query('SAVEPOINT churnkit_guessed');
      q = await postgresFeatureSql(client, { ...options, guess: true });
      await runFeatureSteps(client, q.plan.inPostgres);
      let usageRows = q.usage.rows ?? (await usageRowsIfGuessesHeld(client, src('usage'), q.usage));
      if (usageRows === undefined) {
        // the statistics missed an event or a quantity of the rows read: the facts from usage itself
        await client.query('ROLLBACK TO SAVEPOINT churnkit_guessed');
        q = await postgresFeatureSql(client, options);
        await runFeatureSteps(client, q.plan.inPostgres);
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
      for (const copied of q.plan.copied)
        inputs.push(await copyTable(client, src(copied.table), copied, join(dir, `table_${copied.table}.csv`)));
      for (const name of q.plan.fetched) inputs.push(await fetchRelation(client, name, join(dir, `${name}.csv`)));
    } finally {
      await client.query('ROLLBACK');
    }
    // Each copy and each DuckDB step a CTE: the names the steps and the final SELECT read are these,
    // whatever else the connection holds.
    const steps = q.plan.inDuckdb.map(
      (st) => `${quoteIdent(st.name)} AS ${st.materialize ? 'MATERIALIZED ' : ''}(\n${st.sql}\n)`,
    );
    // The steps' joins are written from the big relation to the small ones in the order that keeps
    // the fewest rows (PostgreSQL runs them so: join_collapse_limit 1). With no statistics for the
    // CTEs, DuckDB's own order joined each champion to its window days before the interactions: the
    // champion touches took 43 s at 50,000 accounts instead of 3.5. Only for this statement.
    const [prior] = await queryRows<{ v: string }>(conn, `SELECT current_setting('disabled_optimizers') AS v`);
    await conn.run(`SET disabled_optimizers = ${quoteLiteral([prior!.v, 'join_order'].filter(Boolean).join(','))}`);
    try {
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE ${quoteIdent(relation)} AS WITH\n${[...inputs, ...steps].join(',\n')}\n${q.duckdb.select}`,
      );
    } finally {
      await conn.run(`SET disabled_optimizers = ${quoteLiteral(prior!.v)}`);
    }
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
