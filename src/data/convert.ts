import { duckdbType, type ColumnSpec } from './contract.js';
import { quoteIdent, quoteLiteral } from './duckdb.js';
import type { TableMapping } from './config.js';
import type { IssueCode } from './issues.js';
import type { ResolvedColumn } from './sources.js';

/**
 * SQL that turns a user's column into a contract column. A column already stored in the
 * contract type (correct Parquet, a typed DuckDB table) passes through untouched, so DuckDB can
 * still push filters into the file; text (CSV, JSON, VARCHAR columns) is parsed leniently:
 * booleans as true/false/yes/no/1/0 in any case, timestamps as ISO 8601 with offsets converted
 * to UTC, dates as YYYY-MM-DD (or a configured strptime format).
 */
export interface ColumnConversion {
  /** The value in the contract type; NULL where it is missing or cannot be read. */
  value: string;
  /** True where the user gave a value (not NULL, not blank). */
  present: string;
  /** The raw value as text, for messages. */
  raw: string;
  /** True where a value was given but cannot be read; null when that cannot happen. */
  bad: string | null;
  code?: IssueCode;
  problem?: string;
}

export const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'on'] as const;
export const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'off'] as const;

const INT_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const FLOAT_TYPES = /^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const TEXT_TYPES = /^(VARCHAR|JSON)$/;

const list = (words: readonly string[]) => words.map(quoteLiteral).join(', ');

function describeExpected(spec: ColumnSpec, mapping: TableMapping): { code: IssueCode; problem: string } {
  switch (spec.type) {
    case 'date':
      return { code: 'bad_date', problem: `not a date (expected ${mapping.date_format ?? 'YYYY-MM-DD'})` };
    case 'timestamp':
      return {
        code: 'bad_timestamp',
        problem: `not a timestamp (expected ${mapping.timestamp_format ?? 'ISO 8601, e.g. 2024-03-01T09:30:00Z'})`,
      };
    case 'number':
      return { code: 'bad_number', problem: 'not a number' };
    case 'integer':
      return { code: 'bad_integer', problem: 'not a whole number' };
    case 'boolean':
      return { code: 'bad_boolean', problem: 'not a boolean (expected true/false, yes/no or 1/0)' };
    case 'text':
      return { code: 'bad_enum', problem: 'not text' };
  }
}

/**
 * An ISO 8601 text timestamp in UTC. The plain TIMESTAMP cast is about four times faster than
 * the ICU one but ignores a numeric offset, so it only takes strings with no sign after the
 * date (UTC "Z", or no zone); the rest, and named zones, go through TIMESTAMPTZ.
 */
function isoTimestamp(v: string): string {
  const tz = `CAST(TRY_CAST(${v} AS TIMESTAMPTZ) AS TIMESTAMP)`;
  return `(CASE WHEN strpos(substr(${v}, 11), '+') = 0 AND strpos(substr(${v}, 11), '-') = 0 THEN coalesce(TRY_CAST(${v} AS TIMESTAMP), ${tz}) ELSE ${tz} END)`;
}

/** Parses a VARCHAR expression `v` into the contract type, NULL when it cannot (or is blank). */
function parseText(spec: ColumnSpec, v: string, mapping: TableMapping): string {
  switch (spec.type) {
    case 'date': {
      const d = mapping.date_format
        ? `CAST(try_strptime(trim(${v}), ${quoteLiteral(mapping.date_format)}) AS DATE)`
        : `(CASE WHEN length(${v}) <= 10 THEN TRY_CAST(${v} AS DATE) ELSE CAST(${isoTimestamp(v)} AS DATE) END)`;
      return `(CASE WHEN isfinite(${d}) THEN ${d} END)`;
    }
    case 'timestamp': {
      const t = mapping.timestamp_format
        ? `CAST(try_strptime(trim(${v}), ${quoteLiteral(mapping.timestamp_format)}) AS TIMESTAMP)`
        : isoTimestamp(v);
      return `(CASE WHEN isfinite(${t}) THEN ${t} END)`;
    }
    case 'number':
      return `TRY_CAST(${v} AS DOUBLE)`;
    case 'integer':
      return `(CASE WHEN regexp_full_match(trim(${v}), '[+-]?[0-9]{1,18}(\\.0*)?') THEN TRY_CAST(${v} AS BIGINT) END)`;
    case 'boolean':
      return `(CASE WHEN lower(trim(${v})) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(trim(${v})) IN (${list(FALSE_WORDS)}) THEN false END)`;
    case 'text':
      return v;
  }
}

function textConversion(spec: ColumnSpec, base: string, mapping: TableMapping): ColumnConversion {
  const map = (mapping.values as Record<string, Record<string, string>> | undefined)?.[spec.name];
  const entries = map ? Object.entries(map) : [];
  const mapped = entries.length
    ? `(CASE ${base} ${entries.map(([theirs, ours]) => `WHEN ${quoteLiteral(theirs)} THEN ${quoteLiteral(ours)}`).join(' ')} ELSE ${base} END)`
    : base;
  // Enumerated values match in any case and spacing ("High " is high); an empty one is NULL.
  const value = spec.values ? `NULLIF(lower(trim(${mapped})), '')` : mapped;
  return { value, present: `(${base} IS NOT NULL AND trim(${base}) <> '')`, raw: base, bad: null };
}

/** The conversion of one contract column from the user's column (null: absent, use the default). */
export function convertColumn(
  spec: ColumnSpec,
  column: ResolvedColumn | null,
  mapping: TableMapping,
): ColumnConversion {
  const target = duckdbType(spec.type);
  if (!column) {
    const dflt =
      spec.default === undefined
        ? 'NULL'
        : typeof spec.default === 'string'
          ? quoteLiteral(spec.default)
          : String(spec.default);
    return { value: `CAST(${dflt} AS ${target})`, present: 'false', raw: 'CAST(NULL AS VARCHAR)', bad: null };
  }
  const col = quoteIdent(column.source);
  const type = column.type.toUpperCase();
  const raw = TEXT_TYPES.test(type) ? col : `CAST(${col} AS VARCHAR)`;
  const expected = describeExpected(spec, mapping);
  const typed = (value: string, bad: string | null = null): ColumnConversion => ({
    value,
    present: `(${col} IS NOT NULL)`,
    raw,
    bad,
    ...(bad ? expected : {}),
  });

  if (spec.type === 'text') return textConversion(spec, raw, mapping);
  if (spec.type === 'date') {
    if (type === 'DATE') return typed(col);
    if (type.startsWith('TIMESTAMP')) return typed(`CAST(${col} AS DATE)`);
  }
  if (spec.type === 'timestamp') {
    if (type === 'TIMESTAMP') return typed(col);
    if (type.startsWith('TIMESTAMP') || type === 'DATE') return typed(`CAST(${col} AS TIMESTAMP)`);
  }
  if (spec.type === 'number') {
    if (INT_TYPES.test(type)) return typed(`CAST(${col} AS DOUBLE)`);
    if (FLOAT_TYPES.test(type)) {
      const d = type === 'DOUBLE' ? col : `CAST(${col} AS DOUBLE)`;
      return typed(d, `(NOT isfinite(${d}))`);
    }
  }
  if (spec.type === 'integer') {
    if (INT_TYPES.test(type)) return typed(type === 'BIGINT' ? col : `CAST(${col} AS BIGINT)`);
    if (FLOAT_TYPES.test(type)) {
      const d = `CAST(${col} AS DOUBLE)`;
      return typed(
        `(CASE WHEN ${d} = trunc(${d}) THEN CAST(${d} AS BIGINT) END)`,
        `(NOT (isfinite(${d}) AND ${d} = trunc(${d})))`,
      );
    }
  }
  if (spec.type === 'boolean') {
    if (type === 'BOOLEAN') return typed(col);
    if (INT_TYPES.test(type))
      return typed(`(CASE WHEN ${col} = 1 THEN true WHEN ${col} = 0 THEN false END)`, `(${col} NOT IN (0, 1))`);
  }
  // Anything else is read as text: VARCHAR from CSV/JSON, or an unexpected type. The casts
  // skip surrounding spaces themselves; trim() only runs to tell a blank from a bad value.
  const value = parseText(spec, raw, mapping);
  const blank = `trim(${raw}) = ''`;
  return {
    value,
    present: `(${raw} IS NOT NULL AND (${value} IS NOT NULL OR NOT ${blank}))`,
    raw,
    bad: `(${value} IS NULL AND ${raw} IS NOT NULL AND NOT ${blank})`,
    ...expected,
  };
}

/** A contract default (usage.quantity 1, tickets.escalated false) also fills a NULL value. */
function withDefault(spec: ColumnSpec, value: string): string {
  if (spec.default === undefined) return value;
  const dflt = typeof spec.default === 'string' ? quoteLiteral(spec.default) : String(spec.default);
  return `coalesce(${value}, CAST(${dflt} AS ${duckdbType(spec.type)}))`;
}

/**
 * The typed view's expression: the value, or a query error naming table, column and value
 * where it cannot be read (the view must not turn bad input into silent NULLs).
 */
export function strictColumnExpr(spec: ColumnSpec, conversion: ColumnConversion, where: string): string {
  if (!conversion.bad) return withDefault(spec, conversion.value);
  const message = `${where}: ${conversion.problem}: `;
  return `(CASE WHEN ${conversion.bad} THEN error(${quoteLiteral(message)} || ${conversion.raw} || ${quoteLiteral(' (churnkit validate lists every bad row)')}) ELSE ${withDefault(spec, conversion.value)} END)`;
}
