import {
  DEFAULT_CSM_KINDS,
  TABLE_NAMES,
  latestPossibleDay,
  otherEventColumns,
  runDate,
  type TableName,
} from '../data/index.js';
import { quoteIdent, quoteLiteral, queryRows } from '../data/index.js';
import type { DuckDBConnection } from '../data/index.js';
import { ChurnkitError, InputError, UsageError, groupDigits } from '../util/index.js';
import { silentProgress, type Progress } from '../util/index.js';
import { withAtomicFile } from '../util/index.js';
import { duckdbDialect, type SqlDialect } from './dialect.js';
import { isoDay } from '../util/index.js';
import { snapshotDates, snapshotsFrom, EVERY_VALUES, type Every } from './snapshots.js';
import { sourceRangeSql, sourceRangesOf, type SourceRange } from './coverage.js';
import {
  featureQuery,
  renderFeatureSql,
  LABEL_KINDS,
  isSeasonalFeature,
  seasonalColumn,
  SEASONAL_FEATURES,
  type FeatureQuery,
  type FeatureSqlParams,
  type LabelKind,
  type SeasonalFeature,
} from './sql.js';
import { FEATURES, SIGNALS, FEATURE_SETS, featureSet, featureTableColumns, type FeatureSetName } from './registry.js';
import { transactionQuery } from './transactions.js';

/** What the feature SQL reads: a DuckDB connection with one typed view per contract table present. */
export interface FeatureSource {
  connection: DuckDBConnection;
  tables: ReadonlySet<TableName>;
  /** Interaction kinds that count as CSM touches (from the mapping file); default DEFAULT_CSM_KINDS. */
  csmKinds?: readonly string[];
  /** Where each table came from (`usage.parquet`, ...): decides whether usage is read once into memory. */
  sources?: ReadonlyMap<TableName, string>;
}

export interface FeatureOptions {
  /** Snapshot cadence (default month). Ignored when `asOf` is given. */
  every?: Every;
  /** Label horizon in days (default 90). */
  horizon?: number;
  /** Last day of data, `YYYY-MM-DD` (default: the UTC day of the latest usage timestamp). */
  dataEnd?: string;
  /** `churn` (default), `inactivity`, or `expansion` (the churn label and `expanded_within_90d`). */
  label?: LabelKind;
  /** `--label expansion`: the least relative rise of annual value that counts (default 0.1). */
  expansionThreshold?: number;
  /**
   * `YYYY-MM-DD`: snapshots start on the first as-of date on or after it (e.g. where usage data
   * begins). Features still read history before it: only which rows exist changes.
   */
  from?: string;
  /** Explicit as-of date(s) instead of the cadence, e.g. `score --as-of`. */
  asOf?: string | readonly string[];
  /**
   * Computes only some dates of the grid (the cadence's dates, or `asOf`): `churnkit refresh`
   * rebuilds just the as-of dates new data touched. It gets the whole grid and data_end; the
   * build's rows are exactly the full build's rows of the dates it returns (none: no rows).
   */
  only?: (grid: readonly string[], dataEnd: string) => readonly string[];
  /** Overrides `source.csmKinds`. */
  csmKinds?: readonly string[];
  /** Name of the temporary table to create (default `feature_table`). */
  relation?: string;
  /**
   * `saas` (the ten features, default), `transactions` (recency, frequency, monetary value for a
   * purchase log) or `auto`: transactions when usage looks like purchases with amounts (no login
   * events, at most three event names, amounts with fractions).
   */
  featureSet?: FeatureSetName | 'auto';
  /** Usage trends that also get a year-over-year column `<name>_yoy` (SEASONAL_FEATURES); saas set only. */
  seasonal?: readonly SeasonalFeature[];
  progress?: Progress;
}

/** A column that is NULL on every row by construction, and why. */
export interface NullColumn {
  column: string;
  reason: string;
}

export interface FeatureBuild {
  connection: DuckDBConnection;
  /** Temporary table holding the feature table, columns in FEATURE_TABLE_COLUMNS order. */
  relation: string;
  /** The table is stored sorted by as_of, account_id (insertion order is kept). */
  sorted: true;
  rows: number;
  accounts: number;
  /** The as-of dates computed (the grid, or what `only` chose of it). */
  asOf: string[];
  /** Every as-of date of the cadence through data_end (what a full build computes). */
  grid: string[];
  every: Every | 'list';
  dataEnd: string;
  horizon: number;
  label: LabelKind;
  /** Columns NULL for every row because a table they need is absent. */
  nullColumns: NullColumn[];
  query: FeatureQuery;
  featureSet: FeatureSetName;
  /** The table's columns, in order. */
  columns: readonly string[];
  /** Where each present table's records start and end (for the data coverage report). */
  sources: SourceRange[];
  /** Things the user should know about the input (impossible dates left out of data_end). */
  warnings?: string[];
}

export const DEFAULT_HORIZON = 90;
export const DEFAULT_RELATION = 'feature_table';

/**
 * Builds the feature table of docs/features.md inside the source's DuckDB: snapshot rows for every
 * account active at each as-of date, the ten features, the signals and the label. The result is a
 * temporary table (`relation`); intermediate relations are dropped afterwards.
 */
export async function buildFeatures(source: FeatureSource, options: FeatureOptions = {}): Promise<FeatureBuild> {
  const conn = source.connection;
  const progress = options.progress ?? silentProgress;
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new UsageError(`--horizon must be a positive whole number of days, got ${horizon}`);
  const label = options.label ?? 'churn';
  if (!LABEL_KINDS.includes(label))
    throw new UsageError(`--label must be one of ${LABEL_KINDS.join(', ')}, got "${label}"`);
  const every = options.every ?? 'month';
  if (!EVERY_VALUES.includes(every))
    throw new UsageError(`--every must be one of ${EVERY_VALUES.join(', ')}, got "${every}"`);
  if (options.dataEnd !== undefined) checkDateOption('--data-end', options.dataEnd);
  if (options.from !== undefined) checkDateOption('--from', options.from);
  const explicit =
    options.asOf === undefined ? undefined : typeof options.asOf === 'string' ? [options.asOf] : [...options.asOf];
  for (const t of explicit ?? []) checkDateOption('--as-of', t);
  const relation = options.relation ?? DEFAULT_RELATION;
  const requestedSet = options.featureSet ?? 'saas';
  if (requestedSet !== 'auto' && !FEATURE_SETS.includes(requestedSet))
    throw new UsageError(`--feature-set must be one of ${FEATURE_SETS.join(', ')} or auto, got "${requestedSet}"`);
  let set: FeatureSetName = requestedSet === 'auto' ? 'saas' : requestedSet;
  const seasonal = [...new Set(options.seasonal ?? [])];
  for (const f of seasonal)
    if (!isSeasonalFeature(f))
      throw new UsageError(
        `--seasonal: "${String(f)}" has no year-over-year form; one of ${Object.keys(SEASONAL_FEATURES).join(', ')}`,
      );
  checkExpansionOptions(label, options.expansionThreshold);
  if (label === 'expansion' && !source.tables.has('contracts'))
    throw new InputError(
      { table: 'contracts' },
      'is absent; --label expansion reads rises of annual value from the contracts table',
    );

  progress.start('reading history');
  const staged = await stageTables(conn, source);
  const target = quoteIdent(relation);
  let query: FeatureQuery | undefined;
  let asOf: string[];
  let grid: string[];
  let dataEnd: string;
  let sources: SourceRange[];
  const warnings: string[] = [];
  try {
    sources = sourceRangesOf(
      await queryRows(
        conn,
        sourceRangeSql(source.tables, duckdbDialect, (t) => staged.get(t) ?? quoteIdent(t)),
      ),
    );
    const pre = await preflight(conn, staged, source.tables);
    const end = options.dataEnd ?? pre.latestUsageDay;
    if (options.dataEnd === undefined && pre.impossible)
      warnings.push(
        `usage: ${groupDigits(pre.impossible.rows)} row${pre.impossible.rows === 1 ? '' : 's'} dated after ${pre.impossible.after} (${pre.impossible.why}; the latest is ${pre.impossible.latest}) left out of data_end, which is ${end ?? 'unknown'}; churnkit validate lists them, --data-end sets data_end yourself`,
      );
    if (end === null)
      throw new InputError({ table: 'usage' }, 'has no rows, so data_end is unknown; pass --data-end DATE');
    dataEnd = end;
    if (explicit !== undefined) {
      asOf = [...new Set(explicit)].sort();
    } else {
      if (pre.firstStart === null) throw new InputError({ table: 'accounts' }, 'has no rows');
      asOf = snapshotsFrom(snapshotDates(every, pre.firstStart, dataEnd), options.from, dataEnd);
    }
    if (asOf.length === 0)
      throw new UsageError(
        `no as-of dates: the first ${every === 'week' ? 'Monday' : every === 'day' ? 'day' : '1st of a month'} after the earliest started_at (${pre.firstStart}) is after data_end (${dataEnd})`,
      );
    grid = asOf;
    const chosen = options.only ? [...options.only(grid, dataEnd)].sort() : grid;
    // Nothing chosen: the query runs on one date for the table's shape, and keeps no row.
    asOf = chosen.length > 0 ? chosen : [grid.at(-1)!];

    if (requestedSet === 'auto' && pre.looksLikePurchases && label !== 'expansion') set = 'transactions';
    if (set === 'transactions' && seasonal.length)
      throw new UsageError('--seasonal compares usage trends of the saas feature set; this history is a purchase log');
    if (set === 'transactions' && label === 'expansion')
      throw new UsageError(
        '--label expansion needs the ten SaaS features and a contracts table, not --feature-set transactions',
      );
    query = (set === 'transactions' ? transactionQuery : featureQuery)(
      {
        asOf,
        dataEnd,
        horizon,
        label,
        tables: source.tables,
        csmKinds: options.csmKinds ?? source.csmKinds ?? DEFAULT_CSM_KINDS,
        source: (t) => staged.get(t) ?? quoteIdent(t),
        featureEvents: pre.featureEvents,
        wholeQuantities: pre.wholeQuantities,
        positiveQuantities: pre.positiveQuantities,
        ...(seasonal.length ? { seasonal } : {}),
        ...(options.expansionThreshold === undefined ? {} : { expansionThreshold: options.expansionThreshold }),
      },
      duckdbDialect,
    );
    progress.start('building features', query.steps.length + 1);
    let done = 0;
    for (const s of query.steps) {
      await conn.run(`CREATE OR REPLACE TEMP ${s.materialize ? 'TABLE' : 'VIEW'} ${quoteIdent(s.name)} AS ${s.sql}`);
      progress.tick(++done);
    }
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${target} AS ${chosen.length > 0 ? query.select : `SELECT * FROM (${query.select}) AS q WHERE FALSE`}`,
    );
    if (chosen.length === 0) asOf = [];
    progress.tick(++done);
  } catch (err) {
    throw asInputProblem(err);
  } finally {
    for (const s of [...(query?.steps ?? [])].reverse())
      await conn.run(`DROP ${s.materialize ? 'TABLE' : 'VIEW'} IF EXISTS ${quoteIdent(s.name)}`);
    for (const name of staged.values()) await conn.run(`DROP TABLE IF EXISTS ${name}`);
  }
  const [counts] = await queryRows<{ rows: bigint; accounts: bigint }>(
    conn,
    `SELECT COUNT(*) AS rows, COUNT(DISTINCT account_id) AS accounts FROM ${target}`,
  );
  return {
    connection: conn,
    relation,
    sorted: true,
    rows: Number(counts!.rows),
    accounts: Number(counts!.accounts),
    asOf,
    grid: grid!,
    every: options.asOf !== undefined ? 'list' : every,
    dataEnd,
    horizon,
    label,
    nullColumns: set === 'saas' ? nullColumns(source.tables) : [],
    query: query!,
    featureSet: set,
    columns: [...featureTableColumns(set, label), ...seasonal.map(seasonalColumn)],
    sources,
    warnings,
  };
}

/** The feature query as one SQL statement for a dialect, without running it (e.g. for PostgreSQL). */
export function featureSql(
  params: {
    asOf: readonly string[];
    dataEnd: string;
    horizon?: number;
    label?: LabelKind;
    tables: ReadonlySet<TableName>;
    csmKinds?: readonly string[];
    source?: (t: TableName) => string;
  } & Pick<FeatureSqlParams, 'featureEvents' | 'wholeQuantities' | 'positiveQuantities'>,
  dialect: SqlDialect = duckdbDialect,
): string {
  return renderFeatureSql(
    featureQuery(
      {
        ...params,
        horizon: params.horizon ?? DEFAULT_HORIZON,
        label: params.label ?? 'churn',
        csmKinds: params.csmKinds ?? DEFAULT_CSM_KINDS,
      },
      dialect,
    ),
  );
}

/** Features and signals that are NULL on every row because a table they need is absent. */
export function nullColumns(tables: ReadonlySet<TableName>): NullColumn[] {
  const out: NullColumn[] = [];
  for (const spec of [...FEATURES, ...SIGNALS]) {
    const missing = spec.needs.filter((t) => !tables.has(t));
    if (missing.length) out.push({ column: spec.name, reason: `no ${missing.join(' or ')} table` });
  }
  return out;
}

export type FeatureFileFormat = 'csv' | 'parquet';

export function featureFileFormat(path: string): FeatureFileFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv')) return 'csv';
  throw new UsageError(`--out ${path}: the feature table must end in .csv or .parquet`);
}

/**
 * Writes a feature relation to CSV or Parquet through a temporary sibling, so a failed run leaves
 * no file. Rows are sorted by as_of, account_id; the bytes depend only on the data.
 */
export async function writeFeatureTable(
  source: { connection: DuckDBConnection; relation: string; sorted?: boolean; columns?: readonly string[] },
  outPath: string,
  options: { format?: FeatureFileFormat; sorted?: boolean } = {},
): Promise<{ path: string; format: FeatureFileFormat; rows: number }> {
  const format = options.format ?? featureFileFormat(outPath);
  // A relation stored in (as_of, account_id) order (buildFeatures' table) is copied as it is.
  options = { ...options, sorted: options.sorted ?? source.sorted ?? false };
  const columns = (source.columns ?? featureSet('saas').columns).map(quoteIdent).join(', ');
  const copyOptions = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
  const rows = await withAtomicFile(outPath, async (tmp) => {
    const reader = await source.connection.runAndReadAll(
      `COPY (SELECT ${columns} FROM ${quoteIdent(source.relation)}${options.sorted ? '' : ' ORDER BY as_of, account_id'}) TO ${quoteLiteral(tmp)} (${copyOptions})`,
    );
    return Number(reader.getRowsJS()[0]?.[0] ?? 0);
  });
  return { path: outPath, format, rows };
}

/** `--expansion-threshold` goes with `--label expansion` only, and is a rise above 0. */
export function checkExpansionOptions(label: LabelKind, threshold: number | undefined): void {
  if (threshold === undefined) return;
  if (label !== 'expansion') throw new UsageError('--expansion-threshold goes with --label expansion');
  if (!(Number.isFinite(threshold) && threshold > 0))
    throw new UsageError(`--expansion-threshold must be a share above 0 (0.1 = a 10% rise), got ${threshold}`);
}

function checkDateOption(flag: string, value: string): void {
  if (isoDay(value) === undefined) throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
}

/**
 * Reads tables once into temporary tables: typed views over text files parse and check every value
 * on each read, and the feature SQL reads most tables several times. Usage from Parquet (or a
 * database table) stays a view so the engine streams it in columnar form instead of holding it.
 */
async function stageTables(conn: DuckDBConnection, source: FeatureSource): Promise<Map<TableName, string>> {
  const staged = new Map<TableName, string>();
  const usageOrigin = source.sources?.get('usage') ?? '';
  const streamUsage = /\.parquet$/i.test(usageOrigin) || !/\.(csv|tsv|jsonl?|ndjson)(\.gz)?$/i.test(usageOrigin);
  try {
    for (const t of TABLE_NAMES) {
      if (!source.tables.has(t) || (t === 'usage' && streamUsage)) continue;
      const name = quoteIdent(`features_src_${t}`);
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${quoteIdent(t)}`);
      staged.set(t, name);
    }
  } catch (err) {
    for (const name of staged.values()) await conn.run(`DROP TABLE IF EXISTS ${name}`);
    throw asInputProblem(err);
  }
  return staged;
}

/** The latest day in the tables other than usage and contracts, days after the run date left out. */
async function otherLatestDay(
  conn: DuckDBConnection,
  staged: ReadonlyMap<TableName, string>,
  tables: ReadonlySet<TableName>,
  today: string,
): Promise<string | null> {
  const byTable = new Map<TableName, string[]>();
  for (const { table, column } of otherEventColumns())
    if (tables.has(table)) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const parts = [...byTable].map(([table, columns]) => {
    const days = columns.map((c) => `CAST(${quoteIdent(c)} AS DATE)`);
    const capped = days.map((d) => `max(${d}) FILTER (WHERE ${d} <= DATE ${quoteLiteral(today)})`);
    return `SELECT greatest(${capped.join(', ')}) AS d FROM ${staged.get(table) ?? quoteIdent(table)}`;
  });
  if (parts.length === 0) return null;
  const [row] = await queryRows(conn, `SELECT strftime(max(d), '%Y-%m-%d') AS d FROM (${parts.join(' UNION ALL ')})`);
  return (row?.['d'] as string | null | undefined) ?? null;
}

interface Preflight {
  firstStart: string | null;
  /** The latest plausible usage day (impossible dates left out). */
  latestUsageDay: string | null;
  /** Usage rows dated after the latest possible day, if any. */
  impossible: { rows: number; after: string; why: string; latest: string } | null;
  featureEvents: string[];
  wholeQuantities: boolean;
  /** No usage quantity is 0 (a NULL one is 1; negative ones are refused). */
  positiveQuantities: boolean;
  /** No logins, at most three event names, and amounts with fractions: a purchase log. */
  looksLikePurchases: boolean;
}

/**
 * The checks the feature SQL depends on, with errors that name table, key and column. Row-level
 * validation of everything else is `churnkit validate`'s job.
 */
async function preflight(
  conn: DuckDBConnection,
  staged: ReadonlyMap<TableName, string>,
  tables: ReadonlySet<TableName>,
): Promise<Preflight> {
  const accounts = staged.get('accounts') ?? 'accounts';
  const usage = staged.get('usage') ?? 'usage';
  try {
    const today = runDate();
    const limit = latestPossibleDay({ today, otherLatest: await otherLatestDay(conn, staged, tables, today) }, 'usage');
    // Days from the latest timestamps, not the latest of every row's day (the same day: the cast is
    // monotone), and "on or before the limit day" as "before the next midnight": no cast per row.
    const dayOfMax = (max: string) => `strftime(CAST(${max} AS DATE), '%Y-%m-%d')`;
    const plausible = limit ? `occurred_at < CAST(DATE ${quoteLiteral(limit.day)} + 1 AS TIMESTAMP)` : 'true';
    const [acc] = await queryRows(
      conn,
      `SELECT COUNT(*) FILTER (WHERE account_id IS NULL) AS null_ids,
              MIN(account_id) FILTER (WHERE started_at IS NULL) AS no_start,
              strftime(MIN(started_at), '%Y-%m-%d') AS first_start
       FROM ${accounts}`,
    );
    if (Number(acc!['null_ids']) > 0)
      throw new InputError(
        { table: 'accounts', column: 'account_id' },
        `${acc!['null_ids']} row(s) have no account_id`,
      );
    if (acc!['no_start'] !== null)
      throw new InputError(
        { table: 'accounts', key: `account_id=${acc!['no_start']}`, column: 'started_at' },
        'is empty (required)',
      );
    const dup = await queryRows(
      conn,
      `SELECT account_id, COUNT(*) AS n FROM ${accounts} GROUP BY account_id HAVING COUNT(*) > 1 ORDER BY account_id LIMIT 1`,
    );
    if (dup.length)
      throw new InputError(
        { table: 'accounts', key: `account_id=${dup[0]!['account_id']}`, column: 'account_id' },
        `appears ${dup[0]!['n']} times (must be unique)`,
      );
    // One pass over usage: the latest timestamp (data_end), contract violations the SQL relies on,
    // and the feature event names (for the breadth bitmask).
    const perEvent = await queryRows(
      conn,
      `SELECT event, ${dayOfMax(`MAX(occurred_at) FILTER (WHERE ${plausible})`)} AS last_day,
              COUNT(*) FILTER (WHERE NOT (${plausible})) AS beyond,
              ${dayOfMax('MAX(occurred_at)')} AS max_day,
              COUNT(*) - COUNT(occurred_at) AS no_time, MIN(quantity) AS min_quantity,
              BOOL_AND(quantity = FLOOR(quantity)) AS whole, SUM(ABS(quantity)) AS total
       FROM ${usage} GROUP BY event ORDER BY event`,
    );
    const wholeQuantities =
      perEvent.every((r) => r['whole'] !== false) &&
      perEvent.reduce((a, r) => a + Number(r['total'] ?? 0), 0) < 2 ** 52;
    const lastDay = perEvent
      .map((r) => r['last_day'] as string | null)
      .reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
    if (perEvent.some((r) => Number(r['no_time']) > 0)) {
      const [ex] = await queryRows(
        conn,
        `SELECT account_id, COUNT(*) OVER () AS n FROM ${usage} WHERE occurred_at IS NULL LIMIT 1`,
      );
      throw new InputError(
        { table: 'usage', key: `account_id=${ex?.['account_id']}`, column: 'occurred_at' },
        `is empty in ${ex?.['n']} row(s) (required)`,
      );
    }
    if (perEvent.some((r) => r['min_quantity'] !== null && Number(r['min_quantity']) < 0)) {
      const [ex] = await queryRows(conn, `SELECT account_id, event FROM ${usage} WHERE quantity < 0 LIMIT 1`);
      throw new InputError(
        { table: 'usage', key: `account_id=${ex?.['account_id']}, event=${ex?.['event']}`, column: 'quantity' },
        'is negative (must be >= 0)',
      );
    }
    const featureEvents = perEvent
      .map((r) => r['event'] as string | null)
      .filter((e): e is string => e !== null && e !== 'login' && e !== 'api_call');
    const beyond = perEvent.reduce((a, r) => a + Number(r['beyond'] ?? 0), 0);
    const latest = perEvent
      .map((r) => r['max_day'] as string | null)
      .reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
    return {
      firstStart: (acc!['first_start'] as string | null) ?? null,
      latestUsageDay: lastDay,
      impossible: beyond > 0 && limit ? { rows: beyond, after: limit.day, why: limit.why, latest: latest! } : null,
      featureEvents,
      wholeQuantities,
      positiveQuantities: perEvent.every((r) => r['min_quantity'] === null || Number(r['min_quantity']) > 0),
      looksLikePurchases:
        perEvent.length > 0 &&
        perEvent.length <= 3 &&
        !perEvent.some((r) => r['event'] === 'login') &&
        perEvent.some((r) => r['whole'] === false),
    };
  } catch (err) {
    throw asInputProblem(err);
  }
}

/**
 * A bad value met while reading the typed views is bad input (exit 2), not a crash; the views
 * already name the table, column and value.
 */
function asInputProblem(err: unknown): unknown {
  if (err instanceof ChurnkitError || !(err instanceof Error)) return err;
  const line = err.message.split('\n')[0]!;
  const m = /^(?:Invalid Input Error|Conversion Error): (.*)$/.exec(line);
  if (m)
    return new ChurnkitError(
      /^table /.test(m[1]!)
        ? m[1]!
        : `history has a value of the wrong type: ${m[1]} (churnkit validate lists every bad row)`,
      2,
    );
  return err;
}
