import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { CONTRACT, INTERACTION_KINDS, TABLE_NAMES, type TableName } from './contract.js';
import { ChurnkitError } from '../util/index.js';
import { exists } from '../util/index.js';

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
  })
  .partial();

const FORMATS = ['csv', 'tsv', 'parquet', 'jsonl', 'json'] as const;

function tableMappingSchema(table: TableName) {
  const spec = CONTRACT[table];
  const columnKeys = Object.fromEntries(spec.columns.map((c) => [c.name, z.string().min(1)]));
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
      /** When the file name does not say (a .txt export, say). */
      format: z.enum(FORMATS),
      /** DuckDB database sources: the table (or view) name, and its schema. */
      table: z.string().min(1),
      schema: z.string().min(1),
      columns: z.strictObject(columnKeys).partial(),
      values: z.strictObject(valueKeys).partial(),
      csv: csvOptionsSchema,
      /** strptime formats for text dates/timestamps that are not ISO 8601, e.g. "%d/%m/%Y". */
      date_format: z.string().min(1),
      timestamp_format: z.string().min(1),
    })
    .partial();
}

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
    /** Interaction kinds (after value mapping) that count as a CSM touch for feature 6. */
    csm_kinds: z.array(z.enum(INTERACTION_KINDS)).min(1),
  })
  .partial();

export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type TableMapping = NonNullable<NonNullable<MappingConfig['tables']>[TableName]>;
export type CsvOptions = z.infer<typeof csvOptionsSchema>;

/** The mapping file's JSON Schema, for editors (`"$schema"`) and docs. */
export function mappingConfigJsonSchema(): unknown {
  return z.toJSONSchema(mappingConfigSchema);
}

/** The keys allowed where an unknown key was found, so the message can list them. */
function allowedKeys(path: readonly PropertyKey[]): readonly string[] | null {
  const p = path.map(String);
  if (p.length === 0) return Object.keys(mappingConfigSchema.shape);
  if (p.length === 1 && p[0] === 'tables') return TABLE_NAMES;
  if (p.at(-1) === 'csv') return Object.keys(csvOptionsSchema.shape);
  if (p[0] === 'tables' && p.length >= 2) {
    const spec = CONTRACT[p[1] as TableName];
    if (!spec) return null;
    if (p.length === 2) return Object.keys(tableMappingSchema(spec.name).shape);
    if (p[2] === 'columns') return spec.columns.map((c) => c.name);
    if (p[2] === 'values') return spec.columns.filter((c) => c.type === 'text').map((c) => c.name);
  }
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Checks a parsed mapping object; the error names the file and the offending field. */
export function parseMappingConfig(value: unknown, where = CONFIG_FILE_NAME): MappingConfig {
  const result = mappingConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
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

/** Reads and checks a mapping file. */
export async function loadMappingConfig(path: string): Promise<MappingConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ChurnkitError(`--config ${path}: no such file`, 2);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ChurnkitError(`${path}: not valid JSON (${(err as Error).message})`, 2);
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

/** A table's CSV options: the file-wide defaults overridden by the table's own. */
export function csvOptionsFor(config: MappingConfig, table: TableName): CsvOptions {
  return { ...config.csv, ...config.tables?.[table]?.csv };
}
