import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CONTRACT, INTERACTION_KINDS, TABLE_NAMES, type TableName } from './contract.js';
import { ChurnkitError } from '../util/index.js';
import { exists, publishedSchema } from '../util/index.js';

/**
 * The mapping file (`churnkit.config.json` in the data folder, or `--config FILE`): how a
 * user's own files, tables, columns and values map onto the input contract. Every name in it
 * is the user's and reaches SQL only through quoteIdent / quoteLiteral.
 *
 * ```json
 * {
 *   "csv": { "delimiter": ";" },
 *   "tables": {
 *     "usage": { "file": "product_events.csv", "columns": { "occurred_at": "Event Time" } },
 *     "interactions": { "table": "activities", "schema": "crm", "values": { "kind": { "Meeting": "csm_meeting" } } }
 *   },
 *   "csm_kinds": ["csm_meeting", "qbr"]
 * }
 * ```
 * `columns` and `values` map ours <- theirs: the key is the contract name, the value the user's.
 */
export const CONFIG_FILE_NAME = 'churnkit.config.json';

const csvOptionsSchema = z
  .strictObject({
    /** Field separator; "\t" for tab. Default "," (and tab for .tsv files). */
    delimiter: z.string().min(1).max(4),
    quote: z.string().length(1),
    escape: z.string().length(1),
    /** Lines to skip before the header (a title line in an export, say). */
    skip: z.int().min(0).max(1000),
    /** Extra strings that mean NULL (an empty field always does). */
    null: z.union([z.string(), z.array(z.string())]),
    /** false: the file has no header line; name its columns with `names`. Default true. */
    header: z.boolean(),
    /** The columns' names, in file order: for files without a header, or to replace the header's. */
    names: z.array(z.string().min(1)).min(1),
    /** Rows to drop right under the header (Qualtrics writes two rows of question text and ids there). */
    skip_rows_after_header: z.int().min(0).max(1000),
  })
  .partial();

const FORMATS = ['csv', 'tsv', 'parquet', 'jsonl', 'json', 'whitespace', 'fixed_width'] as const;

/**
 * A column of the user's file: its name, or a dotted path into a JSON column
 * (`"context.groupId"` reads key groupId of the JSON object in column context) when no column
 * has that exact name.
 */
const columnRefSchema = z.string().min(1);

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export interface Condition {
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
  column?: string | undefined;
  field?: string | undefined;
  equals?: string | number | boolean | undefined;
  in?: (string | number | boolean)[] | undefined;
  contains?: string | undefined;
  starts_with?: string | undefined;
  ends_with?: string | undefined;
  matches?: string | undefined;
  empty?: boolean | undefined;
  case_sensitive?: boolean | undefined;
  /** Set by applyRoutes, not in files: a field bound to the routing table's column source. */
  source?: ColumnSource | undefined;
}

const CONDITION_OPS = ['equals', 'in', 'contains', 'starts_with', 'ends_with', 'matches', 'empty'] as const;
const CONDITION_GROUPS = ['all', 'any', 'not'] as const;

/**
 * A row condition, for filters (`where`), routing (`route`) and booleans (`when`): a test of one
 * column (`column`, the user's) or one mapped contract column (`field`), or a combination.
 * Text tests ignore case unless `case_sensitive` is true; a NULL value fails every test but `empty`.
 */
export const conditionSchema: z.ZodType<Condition> = z
  .strictObject({
    get all() {
      return z.array(conditionSchema).min(1).optional();
    },
    get any() {
      return z.array(conditionSchema).min(1).optional();
    },
    get not() {
      return conditionSchema.optional();
    },
    column: columnRefSchema.optional(),
    field: z.string().min(1).optional(),
    equals: scalarSchema.optional(),
    in: z.array(scalarSchema).min(1).optional(),
    contains: z.string().min(1).optional(),
    starts_with: z.string().min(1).optional(),
    ends_with: z.string().min(1).optional(),
    /** A regular expression (RE2 syntax), matched anywhere in the value. */
    matches: z.string().min(1).optional(),
    /** true: the value is NULL or blank; false: it is not. */
    empty: z.boolean().optional(),
    case_sensitive: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const groups = CONDITION_GROUPS.filter((k) => c[k] !== undefined);
    const ops = CONDITION_OPS.filter((k) => c[k] !== undefined);
    const subjects = (['column', 'field'] as const).filter((k) => c[k] !== undefined);
    const say = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (groups.length > 1) say(`use one of ${groups.join(', ')} per condition (nest them)`);
    else if (groups.length === 1) {
      if (ops.length || subjects.length) say(`a condition is either ${groups[0]} or a test of a column, not both`);
    } else if (subjects.length !== 1) say('a test names exactly one of column (yours) or field (a contract column)');
    else if (ops.length !== 1) say(`a test takes exactly one of ${CONDITION_OPS.join(', ')}`);
  });

export type NumberFormat = {
  decimal?: '.' | ',' | undefined;
  thousands?: ',' | '.' | ' ' | "'" | '' | undefined;
};

const numberFormatSchema = z.strictObject({
  /** The decimal separator; default ".". */
  decimal: z.enum(['.', ',']).optional(),
  /** The thousands separator; default "," (or "." when the decimal separator is ","); "" for none. Spaces are always allowed. */
  thousands: z.enum([',', '.', ' ', "'", '']).optional(),
});

export interface ColumnSourceObject {
  column?: string | undefined;
  coalesce?: ColumnSource[] | undefined;
  lookup?: string | undefined;
  from?: ColumnSource | undefined;
  value?: string | number | boolean | undefined;
  when?: Condition | undefined;
  number?: true | NumberFormat | undefined;
  epoch?: 'seconds' | 'milliseconds' | undefined;
  format?: string | undefined;
  add_days?: number | undefined;
  if?: Condition | undefined;
  true?: string[] | undefined;
  false?: string[] | undefined;
}
export type ColumnSource = string | ColumnSourceObject;

const SOURCE_KINDS = ['column', 'coalesce', 'lookup', 'value', 'when'] as const;

/**
 * Where a contract column's values come from, and how they are read. A string names the
 * user's column (or a JSON path, see columnRefSchema). An object picks exactly one source:
 * `column`, `coalesce` (the first non-blank of several), `lookup` (through a named lookup,
 * keyed by `from`), `value` (a constant) or `when` (a boolean from a condition); and may say how
 * to read text: `number` (currency symbols, separators, percent, accounting negatives), `epoch`
 * (Unix time), `format` (a strptime format for dates and timestamps), `true`/`false` (value
 * lists for a boolean).
 */
export const columnSourceSchema: z.ZodType<ColumnSource> = z.union([
  columnRefSchema,
  z
    .strictObject({
      column: columnRefSchema.optional(),
      get coalesce() {
        return z.array(columnSourceSchema).min(1).optional();
      },
      /** The name of a lookup under the top-level `lookups`. */
      lookup: z.string().min(1).optional(),
      /** The lookup's key: a column, or another lookup (several hops). */
      get from() {
        return columnSourceSchema.optional();
      },
      value: scalarSchema.optional(),
      get when() {
        return conditionSchema.optional();
      },
      /** Read text as a number as exported: "$5,200.00", "1.234,50 €", "12%" (0.12), "(1,200)" (-1200). */
      number: z.union([z.literal(true), numberFormatSchema]).optional(),
      /** The value is Unix time in seconds or milliseconds (UTC). */
      epoch: z.enum(['seconds', 'milliseconds']).optional(),
      /** The value only where this condition holds, NULL elsewhere (a close time only for solved tickets). */
      get if() {
        return conditionSchema.optional();
      },
      /** Days added to a date or timestamp (a renewal date one year after the close date: 365). */
      add_days: z.int().min(-36600).max(36600).optional(),
      /** strptime format of a text date or timestamp, e.g. "%m/%d/%Y %I:%M %p". */
      format: z.string().min(1).optional(),
      /** For a boolean: the values that mean true (any case); with `false`, anything else is an error. */
      true: z.array(z.string()).min(1).optional(),
      /** For a boolean: the values that mean false (any case). */
      false: z.array(z.string()).min(1).optional(),
    })
    .superRefine((s, ctx) => {
      const kinds = SOURCE_KINDS.filter((k) => s[k] !== undefined);
      const say = (message: string) => ctx.addIssue({ code: 'custom', message });
      if (kinds.length !== 1) say(`give exactly one of ${SOURCE_KINDS.join(', ')} (got ${kinds.join(', ') || 'none'})`);
      if ((s.lookup === undefined) !== (s.from === undefined)) say('lookup and from go together');
      if (s.true !== undefined && s.false === undefined && s.true.length === 0) say('true needs values');
    }),
]);

const lookupSchema = z.strictObject({
  /** The file holding the lookup, relative to the data folder. */
  file: z.string().min(1),
  format: z.enum(FORMATS).optional(),
  csv: csvOptionsSchema.optional(),
  /** The column holding the key (what `from` values are matched against, as text). */
  key: columnRefSchema,
  /** The column holding the value the key maps to. */
  value: columnRefSchema,
  /** When a key maps to several values: take the one of the row where this column is greatest (ISO timestamps order as written); default the smallest value. */
  latest_by: columnRefSchema.optional(),
  /** Only rows meeting this condition are used. */
  get where() {
    return conditionSchema.optional();
  },
});
export type LookupMapping = z.infer<typeof lookupSchema>;

function tableMappingSchema(table: TableName) {
  const spec = CONTRACT[table];
  const columnKeys = Object.fromEntries(spec.columns.map((c) => [c.name, columnSourceSchema]));
  const valueKeys = Object.fromEntries(
    spec.columns
      .filter((c) => c.type === 'text')
      .map((c) => [
        c.name,
        z.record(z.string(), c.values ? z.enum(c.values as readonly [string, ...string[]]) : z.string()),
      ]),
  );
  return z
    .strictObject({
      /** Folder sources: the file holding this table, relative to the data folder. */
      file: z.string().min(1),
      /** When the file name does not say (a .txt export, say); whitespace and fixed_width read aligned text. */
      format: z.enum(FORMATS),
      /** fixed_width: the width of each column, in characters, in file order. */
      widths: z.array(z.int().min(1)).min(1),
      /** DuckDB database sources: the table (or view) name, and its schema. */
      table: z.string().min(1),
      schema: z.string().min(1),
      columns: z.strictObject(columnKeys).partial(),
      values: z.strictObject(valueKeys).partial(),
      csv: csvOptionsSchema,
      /** strptime formats for text dates/timestamps that are not ISO 8601, e.g. "%d/%m/%Y". */
      date_format: z.string().min(1),
      timestamp_format: z.string().min(1),
      /** IANA time zone of timestamps written without an offset (e.g. "America/New_York"); default UTC. */
      timezone: z.string().min(1),
      /** Only rows meeting this condition are read (drop test accounts, internal users, ...). */
      where: conditionSchema,
      /** "first": keep only the first row (in file order) of each key, e.g. one account per customer of a purchase log. */
      dedupe: z.enum(['first']),
      /** Rows meeting `when` go to table `to` (mapped by that table's own columns) instead of this one. */
      route: z.array(z.strictObject({ when: conditionSchema, to: z.enum(TABLE_NAMES) })).min(1),
    })
    .partial();
}

export const MAPPING_SCHEMA_ID = 'https://churnkit.dev/schemas/mapping.schema.json';

export const mappingConfigSchema = z
  .strictObject({
    $schema: z.string(),
    /** CSV options for every CSV file; a table's own `csv` overrides them field by field. */
    csv: csvOptionsSchema,
    tables: z
      .strictObject(
        Object.fromEntries(TABLE_NAMES.map((t) => [t, tableMappingSchema(t)])) as {
          [T in TableName]: ReturnType<typeof tableMappingSchema>;
        },
      )
      .partial(),
    /** Named lookups through other files (`{"lookup": NAME, "from": ...}` in a column). */
    lookups: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'lookup names use letters, digits, _ . -'), lookupSchema),
    /** Interaction kinds (after value mapping) that count as a CSM touch for feature 6. */
    csm_kinds: z.array(z.enum(INTERACTION_KINDS)).min(1),
  })
  .partial();

export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type TableMapping = NonNullable<NonNullable<MappingConfig['tables']>[TableName]>;
export type CsvOptions = z.infer<typeof csvOptionsSchema>;

/** The mapping file's JSON Schema (draft 2020-12), as published in models/mapping.schema.json. */
export function mappingConfigJsonSchema(): Record<string, unknown> {
  return publishedSchema(z.toJSONSchema(mappingConfigSchema, { target: 'draft-2020-12' }), {
    id: MAPPING_SCHEMA_ID,
    title: 'churnkit mapping file (churnkit.config.json)',
    description:
      "How a folder of exports maps onto churnkit's input contract: files, columns, values, transforms, lookups, filters and routing. Comments are allowed in the file.",
  });
}

/** The keys allowed where an unknown key was found, so the message can list them. */
function allowedKeys(path: readonly PropertyKey[]): readonly string[] | null {
  const p = path.map(String);
  if (p.length === 0) return Object.keys(mappingConfigSchema.shape);
  if (p.length === 1 && p[0] === 'tables') return TABLE_NAMES;
  if (p.at(-1) === 'csv') return Object.keys(csvOptionsSchema.shape);
  if (p[0] === 'lookups' && p.length === 2) return Object.keys(lookupSchema.shape);
  if (p[0] === 'tables' && p.length >= 2) {
    const spec = CONTRACT[p[1] as TableName];
    if (!spec) return null;
    if (p.length === 2) return Object.keys(tableMappingSchema(spec.name).shape);
    if (p[2] === 'columns' && p.length === 3) return spec.columns.map((c) => c.name);
    if (p[2] === 'values' && p.length === 3) return spec.columns.filter((c) => c.type === 'text').map((c) => c.name);
  }
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/**
 * The most specific of zod's issues: a failed union (a column given as a name or as an object)
 * reports the branch that got furthest, so a typo inside an object is named, not "invalid input".
 */
function deepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors
    .filter((errs) => errs.length > 0)
    .map((errs) => errs.map((e) => deepestIssue({ ...e, path: [...issue.path, ...e.path] })));
  // A branch that failed on the value's own type (a string expected, an object given) says least.
  const scored = branches.map((errs) => ({
    first: errs[0]!,
    score: errs[0]!.path.length * 2 + (errs[0]!.code === 'invalid_type' ? 0 : 1),
  }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.first ?? issue;
}

/** Checks a parsed mapping object; the error names the file and the offending field. */
export function parseMappingConfig(value: unknown, where = CONFIG_FILE_NAME): MappingConfig {
  const result = mappingConfigSchema.safeParse(value);
  if (result.success) {
    checkReferences(result.data, where);
    return result.data;
  }
  const issue = deepestIssue(result.error.issues[0]!);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(issue.path);
    message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${allowed ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
  }
  const more =
    result.error.issues.length > 1
      ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})`
      : '';
  throw new ChurnkitError(`${where}: ${formatPath(issue.path)}: ${message}${more}`, 2);
}

/** Every place a column source appears in a table mapping, with its path for messages. */
function* columnSources(source: ColumnSource, path: string): Generator<[ColumnSourceObject, string]> {
  if (typeof source === 'string') return;
  yield [source, path];
  if (source.coalesce)
    for (const [i, s] of source.coalesce.entries()) yield* columnSources(s, `${path}.coalesce[${i}]`);
  if (source.from !== undefined) yield* columnSources(source.from, `${path}.from`);
}

function* conditionTests(c: Condition, path: string): Generator<[Condition, string]> {
  if (c.all) for (const [i, x] of c.all.entries()) yield* conditionTests(x, `${path}.all[${i}]`);
  else if (c.any) for (const [i, x] of c.any.entries()) yield* conditionTests(x, `${path}.any[${i}]`);
  else if (c.not) yield* conditionTests(c.not, `${path}.not`);
  else yield [c, path];
}

/** Names that must exist elsewhere in the file: lookups, contract fields in conditions, route targets. */
function checkReferences(config: MappingConfig, where: string): void {
  const fail = (path: string, message: string) => {
    throw new ChurnkitError(`${where}: ${path}: ${message}`, 2);
  };
  const lookups = Object.keys(config.lookups ?? {});
  for (const table of TABLE_NAMES) {
    const mapping = config.tables?.[table];
    if (!mapping) continue;
    const fields = CONTRACT[table].columns.map((c) => c.name);
    const conditions: [Condition, string][] = [];
    if (mapping.where) conditions.push([mapping.where, `tables.${table}.where`]);
    for (const [name, source] of Object.entries(mapping.columns ?? {})) {
      if (source === undefined) continue;
      for (const [s, path] of columnSources(source, `tables.${table}.columns.${name}`)) {
        if (s.lookup !== undefined && !lookups.includes(s.lookup))
          fail(
            `${path}.lookup`,
            `no lookup named ${JSON.stringify(s.lookup)} (lookups: ${lookups.join(', ') || 'none defined'})`,
          );
        if (s.when) conditions.push([s.when, `${path}.when`]);
      }
    }
    for (const [i, r] of (mapping.route ?? []).entries()) {
      if (r.to === table) fail(`tables.${table}.route[${i}].to`, 'a table cannot route rows to itself');
      const target = config.tables?.[r.to];
      if (target?.file !== undefined || target?.table !== undefined)
        fail(
          `tables.${table}.route[${i}].to`,
          `tables.${r.to} reads its own ${target.file !== undefined ? 'file' : 'table'}; rows routed to it come from ${table}'s`,
        );
      // A route's condition is tested on this table's rows, so its fields are this table's.
      conditions.push([r.when, `tables.${table}.route[${i}].when`]);
    }
    for (const [c, path] of conditions.flatMap(([c, p]) => [...conditionTests(c, p)]))
      if (c.field !== undefined && !fields.includes(c.field))
        fail(`${path}.field`, `${JSON.stringify(c.field)} is not a column of ${table} (${fields.join(', ')})`);
  }
  for (const [name, l] of Object.entries(config.lookups ?? {}))
    if (l.where)
      for (const [c, path] of conditionTests(l.where, `lookups.${name}.where`))
        if (c.field !== undefined) fail(`${path}.field`, 'a lookup filters on its own columns: use column');
}

/**
 * Routing, resolved: a table that receives routed rows reads the routing table's source with the
 * route's condition, and the routing table drops those rows. Afterwards only `where` remains.
 */
export function applyRoutes(config: MappingConfig): MappingConfig {
  const tables: Partial<Record<TableName, TableMapping>> = { ...config.tables };
  for (const table of TABLE_NAMES) {
    const mapping = config.tables?.[table];
    if (!mapping?.route) continue;
    const { route, ...rest } = mapping;
    // The route tests this table's rows: its fields are read through this table's column mapping,
    // also where the condition is applied to the receiving table.
    const bind = (c: Condition): Condition => bindFields(c, rest.columns ?? {});
    const conds = (extra: Condition[]): Condition | undefined => {
      const all = [...(rest.where ? [bind(rest.where)] : []), ...extra];
      return all.length === 0 ? undefined : all.length === 1 ? all[0] : { all };
    };
    for (const r of route) {
      const target = tables[r.to] ?? {};
      const where = conds([bind(r.when), ...(target.where ? [target.where] : [])]);
      tables[r.to] = {
        ...pick(rest, [
          'file',
          'format',
          'widths',
          'table',
          'schema',
          'csv',
          'timezone',
          'date_format',
          'timestamp_format',
        ]),
        ...target,
        ...(where ? { where } : {}),
      };
    }
    const where = conds(route.map((r) => ({ not: bind(r.when) })));
    tables[table] = { ...rest, ...(where ? { where } : {}) };
  }
  return { ...config, tables };
}

function bindFields(c: Condition, columns: Partial<Record<string, ColumnSource>>): Condition {
  if (c.all) return { ...c, all: c.all.map((x) => bindFields(x, columns)) };
  if (c.any) return { ...c, any: c.any.map((x) => bindFields(x, columns)) };
  if (c.not) return { ...c, not: bindFields(c.not, columns) };
  if (c.field === undefined) return c;
  const { field, ...test } = c;
  return { ...test, source: columns[field] ?? field };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Reads and checks a mapping file (JSON with comments and trailing commas allowed). */
export async function loadMappingConfig(path: string): Promise<MappingConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ChurnkitError(`--config ${path}: no such file`, 2);
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0]!;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    throw new ChurnkitError(
      `${path}: not valid JSON: ${printParseErrorCode(e.error)} at line ${line}, column ${column}`,
      2,
    );
  }
  return parseMappingConfig(value, path);
}

export interface ResolvedConfig {
  config: MappingConfig;
  /** Where it came from, for messages; null when there is none. */
  path: string | null;
}

/**
 * The mapping that applies to a source: the explicit one (a path or an object), else
 * `churnkit.config.json` inside a data folder, else none.
 */
export async function resolveMappingConfig(
  explicit: string | MappingConfig | undefined,
  dataFolder: string | null,
): Promise<ResolvedConfig> {
  if (typeof explicit === 'string') return { config: await loadMappingConfig(explicit), path: explicit };
  if (explicit) return { config: parseMappingConfig(explicit, 'mapping config'), path: null };
  if (dataFolder) {
    const candidate = join(dataFolder, CONFIG_FILE_NAME);
    if (await exists(candidate)) return { config: await loadMappingConfig(candidate), path: candidate };
  }
  return { config: {}, path: null };
}
