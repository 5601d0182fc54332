import { CONTRACT, DEFAULT_CSM_KINDS } from './contract.js';
import { openDuckDB, quoteIdent } from './duckdb.js';
import { convertColumn, SEE_VALIDATE, strictColumnExpr } from './convert.js';
import { columnRules, intervalRule } from './rules.js';
import { DataIssueError } from './issues.js';
import { resolveLocalHistory } from './sources.js';
import { ChurnkitError } from '../util/index.js';
/** A `postgres://` or `postgresql://` connection URL. */
export function isPostgresUrl(source) {
    return /^postgres(ql)?:\/\//i.test(source);
}
/**
 * A URL where a folder or a DuckDB file is expected: only `features` reads PostgreSQL (its SQL
 * runs in the database), so every other reader says what to do instead of failing on a path.
 */
export function rejectUrlSource(source) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source);
    if (!scheme)
        return;
    const what = isPostgresUrl(source)
        ? 'PostgreSQL is read by `churnkit features --data postgres://...` only (the feature SQL runs in the database)'
        : `no reader for ${scheme[1]}:// sources`;
    throw new ChurnkitError(`--data ${source}: ${what}; use a folder of CSV/Parquet/JSONL files or a DuckDB file`, 2);
}
/** The effective CSM interaction kinds of a mapping. */
export function csmKindsOf(config) {
    return config.csm_kinds ?? DEFAULT_CSM_KINDS;
}
/** "table usage (usage.csv), column quantity" for the errors a typed view raises. */
function whereOf(source, column) {
    const theirs = source.columns.get(column)?.source;
    const col = theirs && theirs !== column ? `column ${JSON.stringify(theirs)} (${column})` : `column ${column}`;
    return `table ${source.table} (${source.origin}), ${col}`;
}
/** Each contract column's conversion and the rules its values must meet (interval order on the end column). */
function columnsWithRules(source) {
    const conversions = CONTRACT[source.table].columns.map((spec) => ({
        spec,
        conversion: convertColumn(spec, source.columns.get(spec.name) ?? null, source.mapping),
    }));
    const convertedValue = (column) => source.columns.get(column) ? (conversions.find((c) => c.spec.name === column)?.conversion.value ?? null) : null;
    const interval = intervalRule(source.table, convertedValue);
    return conversions.map(({ spec, conversion }) => {
        const rules = source.columns.get(spec.name)
            ? columnRules(source.table, spec, conversion.value, conversion.present, conversion.absent)
            : [];
        if (interval?.column === spec.name)
            rules.push(interval);
        return { spec, conversion, rules };
    });
}
/** Text sources (CSV, JSON, aligned text) are parsed value by value anyway, so their views check the rules as they read. */
function checksInView(source) {
    return source.format !== 'parquet' && source.format !== 'duckdb';
}
/**
 * The typed view over one table: contract names and types, in contract column order. A value
 * that cannot be read fails the query that reads it; so does, for text sources, one that breaks
 * a rule of the contract (range, enumeration, a required value, an end before its start), as
 * validate reports it. Typed sources (Parquet, DuckDB) keep plain columns, so filters still
 * reach the scan; openHistory checks their rules in one pass instead.
 */
export function typedViewSql(source, viewName = quoteIdent(source.table)) {
    const inView = checksInView(source);
    const select = columnsWithRules(source).map(({ spec, conversion, rules }) => `${strictColumnExpr(spec, conversion, whereOf(source, spec.name), inView ? rules : [])} AS ${quoteIdent(spec.name)}`);
    return `CREATE VIEW ${viewName} AS SELECT ${select.join(', ')} FROM ${source.relation()}`;
}
/**
 * Whether any row of a typed source breaks a value rule (stops at the first): what validate
 * rejects, found before any feature is computed. (Duplicate account ids: the feature build's
 * preflight.)
 */
async function breaksRules(conn, source) {
    if (checksInView(source))
        return false;
    // One query per rule: a condition on one column can skip row groups by their statistics (a
    // missing value, a negative quantity), an OR across columns reads every value.
    for (const { rules } of columnsWithRules(source))
        for (const rule of rules) {
            const hit = await conn.runAndReadAll(`SELECT 1 FROM ${source.relation()} WHERE ${rule.cond} LIMIT 1`);
            if (hit.currentRowCount > 0)
                return true;
        }
    return false;
}
/** The files a resolved history reads. */
export function inputFilesOf(resolved) {
    const files = resolved.tables.map((t) => t.path ?? resolved.location);
    if (resolved.configPath)
        files.push(resolved.configPath);
    return [...new Set(files)];
}
function firstError(issues) {
    return issues.find((i) => i.severity === 'error');
}
/**
 * Opens a history: a folder of files named after the tables (accounts.csv, usage.parquet, ...),
 * or a DuckDB database file (attached read-only). The
 * mapping file renames files, tables, columns and values. A missing table or column, an empty
 * file or a wrong CSV delimiter fails here (exit 2); values are checked as they are read, so a
 * bad one fails the query that reads it, naming table, column and value: run `validate` first
 * for every bad row at once.
 */
export async function openHistory(source, options = {}) {
    rejectUrlSource(source);
    const db = await openDuckDB();
    try {
        const resolved = await resolveLocalHistory(db.connection, source, options.config, {
            allowOutsideData: Boolean(options.allowOutsideData),
        });
        const problem = firstError(resolved.issues);
        if (problem)
            throw new DataIssueError(problem);
        for (const table of resolved.tables) {
            try {
                await db.connection.run(typedViewSql(table));
            }
            catch (err) {
                // DuckDB sniffs a CSV sample when the view binds: rows that do not split fail here.
                const why = String(err.message)
                    .split('\n')[0]
                    .replace(/^[A-Za-z ]+Error: /, '');
                throw new ChurnkitError(`table ${table.table} (${table.origin}): cannot read the file: ${why}; run churnkit validate --data ${source} for the lines at fault`, 2);
            }
            if (await breaksRules(db.connection, table))
                throw new ChurnkitError(`table ${table.table} (${table.origin}): values break the contract${SEE_VALIDATE}`, 2);
        }
        return {
            ...db,
            tables: new Set(resolved.tables.map((t) => t.table)),
            sources: new Map(resolved.tables.map((t) => [t.table, t.origin])),
            csmKinds: csmKindsOf(resolved.config),
            kind: resolved.kind,
            configPath: resolved.configPath,
            columnSources: new Map(resolved.tables.map((t) => [t.table, new Map([...t.columns].map(([k, v]) => [k, v?.source ?? null]))])),
            inputFiles: inputFilesOf(resolved),
        };
    }
    catch (err) {
        db.close();
        throw err;
    }
}
//# sourceMappingURL=history.js.map