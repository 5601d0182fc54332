import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTRACT, TABLE_NAMES } from './contract.js';
import { quoteIdent, quoteLiteral } from './duckdb.js';
import { applyRoutes, CONFIG_FILE_NAME, resolveMappingConfig, } from './config.js';
import { csvDialect, csvReaderSql, readCsvHeader, readFirstLines, splitFirstRecord, } from './csv.js';
import { conditionPatterns, ExtractScope, MappingReferenceError, parseOptionsOf, sourcePatterns, } from './transforms.js';
import { gzipProblem, isGzipPath } from './compressed.js';
import { ChurnkitError } from '../util/index.js';
/** The row-number column a numbered relation carries. */
export const ROW_COLUMN = '__churnkit_row';
export const DATA_FILE_EXTENSIONS = [
    '.parquet',
    '.csv',
    '.tsv',
    '.jsonl',
    '.ndjson',
    '.json',
    '.csv.gz',
    '.tsv.gz',
    '.jsonl.gz',
    '.ndjson.gz',
    '.json.gz',
];
/** The alias a DuckDB database source is attached under (read-only). */
export const ATTACHED_SOURCE = 'churnkit_source';
export function formatOf(path, declared) {
    if (declared === 'csv' || declared === 'tsv')
        return 'csv';
    if (declared === 'whitespace' || declared === 'fixed_width')
        return 'text';
    if (declared === 'parquet')
        return 'parquet';
    if (declared === 'jsonl' || declared === 'json')
        return 'json';
    const lower = path.toLowerCase().replace(/\.gz$/, '');
    if (lower.endsWith('.parquet'))
        return 'parquet';
    if (lower.endsWith('.csv') || lower.endsWith('.tsv'))
        return 'csv';
    if (/\.(jsonl|ndjson|json)$/.test(lower))
        return 'json';
    return null;
}
/** DuckDB database files carry "DUCK" at byte 8. */
async function isDuckDBFile(path) {
    const fh = await open(path, 'r');
    try {
        const buf = Buffer.alloc(12);
        const { bytesRead } = await fh.read(buf, 0, 12, 0);
        return bytesRead === 12 && buf.subarray(8, 12).toString('latin1') === 'DUCK';
    }
    finally {
        await fh.close();
    }
}
/** What a local --data path is, with a usage error for anything else. */
export async function localSourceKind(source) {
    let info;
    try {
        info = await stat(source);
    }
    catch {
        throw new ChurnkitError(`--data ${source}: no such file or folder`, 2);
    }
    if (info.isDirectory())
        return 'folder';
    if (info.isFile() && (await isDuckDBFile(source)))
        return 'duckdb';
    const hint = formatOf(source)
        ? `; put it in a folder named after its table (e.g. data/${basename(source).replace(/^[^.]*/, 'usage')}) with the other tables`
        : '';
    throw new ChurnkitError(`--data ${source}: expected a folder of table files or a DuckDB database file${hint}`, 2);
}
function issue(table, source, code, message, extra = {}) {
    return { severity: 'error', code, table, source, message, examples: [], ...extra };
}
/**
 * Where a mapping's `file` resolves, following symlinks, and whether that is inside the data
 * folder: a mapping file can come from anyone, so it does not get to read /etc/passwd into error
 * messages unless the user says --allow-outside-data.
 */
async function containedPath(dir, file) {
    const path = isAbsolute(file) ? file : join(dir, file);
    const root = await realpath(dir);
    const real = await realpath(path).catch(() => resolve(path));
    const rel = relative(root, real);
    return { path, inside: rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) };
}
/** A column name as shown in a message: a header is data too, and a wrong file's first line may be anything. */
function clipName(name) {
    return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
/** Finds each table's file in a folder: the mapped file, else `<table>.<ext>` (any case). */
async function locateInFolder(dir, config, issues, allowOutsideData = false) {
    const listing = await readdir(dir, { withFileTypes: true });
    const entries = listing
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    // A folder named like a table file is not the table being absent: say what it is.
    const folders = listing.filter((e) => e.isDirectory()).map((e) => e.name);
    const tableFileName = (table, name) => DATA_FILE_EXTENSIONS.some((ext) => name.toLowerCase() === `${table}${ext}`);
    const found = [];
    for (const table of TABLE_NAMES) {
        const mapping = config.tables?.[table] ?? {};
        if (mapping.table !== undefined || mapping.schema !== undefined) {
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: tables.${table}.${mapping.table !== undefined ? 'table' : 'schema'} applies to DuckDB database sources; for a folder name the file with tables.${table}.file`, 2);
        }
        let candidates;
        if (mapping.file !== undefined) {
            const { path, inside } = await containedPath(dir, mapping.file);
            if (!inside && !allowOutsideData) {
                issues.push(issue(table, mapping.file, 'outside_data', `tables.${table}.file is outside the data folder ${dir}`, {
                    hint: 'move the file into the data folder, or pass --allow-outside-data to read it where it is',
                }));
                continue;
            }
            try {
                if (!(await stat(path)).isFile())
                    throw new Error('not a file');
            }
            catch {
                issues.push(issue(table, mapping.file, 'missing_table', `the file named by tables.${table}.file does not exist`));
                continue;
            }
            candidates = [path];
        }
        else {
            candidates = entries.filter((name) => tableFileName(table, name)).map((name) => join(dir, name));
            const folder = folders.find((name) => tableFileName(table, name));
            if (folder !== undefined) {
                issues.push(issue(table, folder, 'unreadable', `${folder} is a folder, not a file`));
                continue;
            }
        }
        if (candidates.length === 0) {
            if (CONTRACT[table].required) {
                const dataFiles = entries.filter((e) => formatOf(e) !== null);
                const seen = dataFiles.length
                    ? ` (found: ${dataFiles.slice(0, 8).join(', ')}${dataFiles.length > 8 ? ', ...' : ''})`
                    : '';
                issues.push(issue(table, null, 'missing_table', `required table is missing: expected ${table}.csv, ${table}.parquet or ${table}.jsonl in ${dir}${seen}`, {
                    hint: `name your file in ${CONFIG_FILE_NAME}: {"tables": {"${table}": {"file": "..."}}}`,
                }));
            }
            continue;
        }
        if (candidates.length > 1) {
            issues.push(issue(table, null, 'ambiguous_table', `more than one file holds this table: ${candidates.map((c) => basename(c)).join(', ')}`, { hint: `keep one, or choose with {"tables": {"${table}": {"file": "..."}}} in ${CONFIG_FILE_NAME}` }));
            continue;
        }
        const path = candidates[0];
        const format = formatOf(path, mapping.format);
        const origin = mapping.file ?? basename(path);
        if (!format) {
            issues.push(issue(table, origin, 'unreadable', `unknown file type ${JSON.stringify(extname(path))}`, {
                hint: `set tables.${table}.format to csv, parquet or jsonl`,
            }));
            continue;
        }
        found.push({ table, origin, format, path, bytes: (await stat(path)).size });
    }
    return found;
}
/** Finds each table in an attached DuckDB database: the mapped table (and schema), else one named after it. */
async function locateInDatabase(conn, config, issues) {
    const rows = (await conn.runAndReadAll(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = ${quoteLiteral(ATTACHED_SOURCE)} ORDER BY table_schema, table_name`)).getRowObjectsJS();
    const found = [];
    for (const table of TABLE_NAMES) {
        const mapping = config.tables?.[table] ?? {};
        if (mapping.file !== undefined)
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: tables.${table}.file applies to folder sources; for a DuckDB database name the table with tables.${table}.table (and .schema)`, 2);
        const wanted = mapping.table ?? table;
        let matches = rows.filter((r) => r.table_name === wanted && (mapping.schema === undefined || r.table_schema === mapping.schema));
        if (matches.length === 0)
            matches = rows.filter((r) => r.table_name.toLowerCase() === wanted.toLowerCase() &&
                (mapping.schema === undefined || r.table_schema.toLowerCase() === mapping.schema.toLowerCase()));
        if (matches.length > 1) {
            const inMain = matches.filter((r) => r.table_schema === 'main');
            if (inMain.length === 1)
                matches = inMain;
        }
        const shown = mapping.schema ? `${mapping.schema}.${wanted}` : wanted;
        if (matches.length === 0) {
            if (CONTRACT[table].required || mapping.table !== undefined) {
                issues.push(issue(table, null, 'missing_table', `${mapping.table !== undefined ? 'the mapped' : 'required'} table ${JSON.stringify(shown)} is not in the database`, { hint: `map yours with {"tables": {"${table}": {"table": "...", "schema": "..."}}} in the --config file` }));
            }
            continue;
        }
        if (matches.length > 1) {
            issues.push(issue(table, null, 'ambiguous_table', `table ${JSON.stringify(wanted)} exists in several schemas: ${matches.map((m) => m.table_schema).join(', ')}`, { hint: `choose one with tables.${table}.schema` }));
            continue;
        }
        const m = matches[0];
        found.push({
            table,
            origin: m.table_schema === 'main' ? m.table_name : `${m.table_schema}.${m.table_name}`,
            format: 'duckdb',
            path: null,
            bytes: null,
            sqlName: `${quoteIdent(ATTACHED_SOURCE)}.${quoteIdent(m.table_schema)}.${quoteIdent(m.table_name)}`,
        });
    }
    return found;
}
async function describe(conn, relation) {
    const rows = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjectsJS();
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}
function firstLine(message) {
    return message.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
}
/** Numbers the rows of a relation (file order) and drops the first `skipAfterHeader` of them. */
function numbering(raw, skipAfterHeader) {
    const row = quoteIdent(ROW_COLUMN);
    return (o = {}) => {
        if (!o.numbered && skipAfterHeader === 0)
            return raw(o);
        const numbered = `(SELECT row_number() OVER () AS ${row}, * FROM ${raw(o)})`;
        if (skipAfterHeader === 0)
            return numbered;
        const kept = `(SELECT * FROM ${numbered} WHERE ${row} > ${skipAfterHeader})`;
        return o.numbered ? kept : `(SELECT * EXCLUDE (${row}) FROM ${kept})`;
    };
}
/** Aligned text (CDNOW's log, a report printed to a file): one line per row, split by widths or by runs of spaces. */
async function openAligned(spec) {
    const skip = spec.csv.skip ?? 0;
    const header = spec.csv.header ?? spec.csv.names === undefined;
    const lines = await readFirstLines(spec.path, skip + 1);
    const first = lines[skip];
    if (first === undefined || first.trim() === '')
        return issue(spec.table, spec.origin, 'no_header', 'no lines to read after the skipped ones');
    const widths = spec.declared === 'fixed_width' ? spec.widths : undefined;
    if (spec.declared === 'fixed_width' && !widths)
        return issue(spec.table, spec.origin, 'unreadable', 'a fixed_width file needs its column widths', {
            hint: `set ${spec.key}.widths, e.g. [5, 9, 3, 8]`,
        });
    const cut = (line) => {
        if (!widths)
            return line.trim().split(/\s+/);
        let at = 0;
        return widths.map((w) => {
            const field = line.slice(at, at + w).trim();
            at += w;
            return field;
        });
    };
    const names = spec.csv.names ?? (header ? cut(first) : null);
    if (!names)
        return issue(spec.table, spec.origin, 'no_header', 'the file has no header line and no column names were given', {
            hint: `name the columns with ${spec.key}.csv.names`,
        });
    if (widths && names.length !== widths.length)
        return issue(spec.table, spec.origin, 'unreadable', `${names.length} column names for ${widths.length} widths`);
    const lower = names.map((n) => n.toLowerCase());
    const dup = names.find((n, i) => lower.indexOf(n.toLowerCase()) !== i);
    if (dup !== undefined)
        return issue(spec.table, spec.origin, 'duplicate_header', `column ${JSON.stringify(dup)} is named twice`);
    const reader = `read_csv(${quoteLiteral(spec.path)}, header = false, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', comment = '', skip = ${skip + (header ? 1 : 0)}, auto_detect = false)`;
    const line = '"line"';
    let starts = 1;
    const fields = widths
        ? widths.map((w) => {
            const sql = `NULLIF(trim(substr(${line}, ${starts}, ${w})), '')`;
            starts += w;
            return sql;
        })
        : names.map((_, i) => `"fields"[${i + 1}]`);
    const select = names.map((n, i) => `${fields[i]} AS ${quoteIdent(n)}`).join(', ');
    const split = widths ? line : `regexp_split_to_array(trim(${line}), '\\s+') AS "fields"`;
    const raw = () => `(SELECT ${select} FROM (SELECT ${split} FROM ${reader} WHERE trim(${line}) <> ''))`;
    return {
        relation: numbering(raw, spec.csv.skip_rows_after_header ?? 0),
        columns: names.map((name) => ({ name, type: 'VARCHAR' })),
    };
}
async function openCsv(spec) {
    const dialect = csvDialect(spec.declared === 'tsv' ? `${spec.path}.tsv` : spec.path, spec.csv);
    let columns;
    const headerless = spec.csv.header === false;
    if (headerless) {
        if (!spec.csv.names)
            return issue(spec.table, spec.origin, 'no_header', 'csv.header is false but no column names were given', {
                hint: `name the columns with ${spec.key}.csv.names`,
            });
        if (spec.bytes === 0)
            return issue(spec.table, spec.origin, 'empty_file', 'the file is empty (0 bytes)');
        const lines = await readFirstLines(spec.path, dialect.skip + 1);
        const record = splitFirstRecord(`${lines[dialect.skip] ?? ''}\n`, dialect, true);
        const n = record?.fields.length ?? 0;
        if (n !== spec.csv.names.length)
            return issue(spec.table, spec.origin, 'unreadable_header', `the first line has ${n} field${n === 1 ? '' : 's'} but ${spec.csv.names.length} column names were given`, { hint: `check ${spec.key}.csv.names and the delimiter` });
        columns = spec.csv.names;
    }
    else {
        const header = await readCsvHeader(spec.path, dialect, spec.bytes);
        if (!header.ok) {
            const hint = header.problem === 'wrong_delimiter'
                ? `set the delimiter in ${CONFIG_FILE_NAME}: {"tables": {"${spec.table}": {"csv": {"delimiter": ${JSON.stringify(header.suggested)}}}}} (or "csv": {"delimiter": ...} at the top for every file)`
                : undefined;
            return issue(spec.table, spec.origin, header.problem, header.message, hint ? { hint } : {});
        }
        columns = header.columns;
        if (spec.csv.names) {
            if (spec.csv.names.length !== columns.length)
                return issue(spec.table, spec.origin, 'unreadable_header', `the header has ${columns.length} columns but ${spec.csv.names.length} names were given`, { hint: `check ${spec.key}.csv.names` });
            columns = spec.csv.names;
        }
    }
    const raw = (o) => csvReaderSql(spec.path, dialect, columns, o, !headerless);
    return {
        relation: numbering(raw, spec.csv.skip_rows_after_header ?? 0),
        columns: columns.map((name) => ({ name, type: 'VARCHAR' })),
    };
}
/** The raw relation of one file, or an issue when it cannot be read. */
export async function openFile(conn, spec) {
    // A gzip stream cut short or with a bad CRC would be read as its first rows, as if whole.
    if (isGzipPath(spec.path) && spec.bytes > 0) {
        const damaged = await gzipProblem(spec.path);
        if (damaged)
            return issue(spec.table, spec.origin, 'unreadable', `cannot read the file: ${damaged}`);
    }
    if (spec.format === 'csv')
        return openCsv(spec);
    if (spec.format === 'text')
        return openAligned(spec);
    if (spec.bytes === 0)
        return issue(spec.table, spec.origin, 'empty_file', 'the file is empty (0 bytes)');
    const skipAfterHeader = spec.csv.skip_rows_after_header ?? 0;
    try {
        if (spec.format === 'parquet') {
            const raw = () => `read_parquet(${quoteLiteral(spec.path)})`;
            return { relation: numbering(raw, skipAfterHeader), columns: await describe(conn, raw()) };
        }
        // JSON is read as text, like CSV, so a value of the wrong type is a validation message and
        // not a failed read; the keys come from DuckDB's sample of the first records. A nested
        // object arrives as its JSON text, which paths (`context.groupId`) read.
        const jsonFormat = /\.json(\.gz)?$/i.test(spec.path) || spec.declared === 'json' ? 'auto' : 'newline_delimited';
        const keys = await describe(conn, `read_json(${quoteLiteral(spec.path)}, format = ${quoteLiteral(jsonFormat)})`);
        const columns = keys.map((k) => `${quoteLiteral(k.name)}: 'VARCHAR'`).join(', ');
        const raw = () => `read_json(${quoteLiteral(spec.path)}, format = ${quoteLiteral(jsonFormat)}, columns = {${columns}})`;
        return { relation: numbering(raw, skipAfterHeader), columns: keys.map((k) => ({ name: k.name, type: 'VARCHAR' })) };
    }
    catch (err) {
        return issue(spec.table, spec.origin, 'unreadable', `cannot read the file: ${firstLine(err.message)}`);
    }
}
/** The raw relation and its columns for a located table, or an issue when it cannot be read. */
async function openRelation(conn, loc, config) {
    const mapping = config.tables?.[loc.table] ?? {};
    if (loc.format === 'duckdb') {
        const relation = numbering(() => loc.sqlName, 0);
        return { relation, columns: await describe(conn, loc.sqlName) };
    }
    return openFile(conn, {
        table: loc.table,
        origin: loc.origin,
        path: loc.path,
        bytes: loc.bytes ?? 0,
        format: loc.format,
        declared: mapping.format,
        csv: { ...config.csv, ...mapping.csv },
        widths: mapping.widths,
        key: `tables.${loc.table}`,
    });
}
/** Opens every lookup the mapping defines, as one row per key with its value. */
async function openLookups(conn, dir, config, issues, allowOutsideData = false) {
    const out = new Map();
    for (const [name, l] of Object.entries(config.lookups ?? {})) {
        const key = `lookups.${name}`;
        if (dir === null)
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: ${key}: lookups read files, so they need a folder source`, 2);
        const { path, inside } = await containedPath(dir, l.file);
        if (!inside && !allowOutsideData)
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: ${key}.file is outside the data folder ${dir}: move the file into the data folder, or pass --allow-outside-data to read it where it is`, 2);
        let bytes;
        try {
            const info = await stat(path);
            if (!info.isFile())
                throw new Error('not a file');
            bytes = info.size;
        }
        catch {
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: ${key}.file: no file ${JSON.stringify(l.file)} in ${dir}`, 2);
        }
        const format = formatOf(path, l.format);
        if (!format)
            throw new ChurnkitError(`${CONFIG_FILE_NAME}: ${key}.format: say what kind of file ${l.file} is`, 2);
        // Issues of a lookup file are reported against the first table that uses it.
        const user = TABLE_NAMES.find((t) => JSON.stringify(config.tables?.[t]?.columns ?? {}).includes(`"lookup":${JSON.stringify(name)}`)) ?? 'accounts';
        const opened = await openFile(conn, {
            table: user,
            origin: l.file,
            path,
            bytes,
            format,
            declared: l.format,
            csv: { ...config.csv, ...l.csv },
            widths: undefined,
            key,
        });
        if ('code' in opened) {
            issues.push({ ...opened, message: `lookup ${name}: ${opened.message}` });
            continue;
        }
        const scope = new ExtractScope('"s"', opened.columns, new Map(), () => null);
        let keySql;
        let valueSql;
        let latest = null;
        let where = null;
        try {
            keySql = scope.ref(l.key);
            valueSql = scope.ref(l.value);
            if (l.latest_by !== undefined)
                latest = scope.ref(l.latest_by);
            if (l.where)
                where = scope.condition(l.where);
        }
        catch (err) {
            if (!(err instanceof MappingReferenceError))
                throw err;
            const names = opened.columns.map((c) => clipName(c.name));
            issues.push(issue(user, l.file, 'missing_column', `lookup ${name}: ${err.message} (columns found: ${names.slice(0, 20).join(', ')})`, {
                hint: `fix ${key}`,
            }));
            continue;
        }
        const text = (e) => (/^(VARCHAR|JSON)$/i.test(e.type) ? e.sql : `CAST(${e.sql} AS VARCHAR)`);
        const pick = latest ? `arg_max(v, latest)` : 'min(v)';
        const rows = `SELECT NULLIF(trim(${text(keySql)}), '') AS k, NULLIF(trim(${text(valueSql)}), '') AS v${latest ? `, ${latest.sql} AS latest` : ''} FROM ${opened.relation()} AS "s"${where ? ` WHERE coalesce(${where}, false)` : ''}`;
        out.set(name, {
            name,
            mapping: l,
            origin: l.file,
            relation: `SELECT k, ${pick} AS v, count(DISTINCT v) AS n_values FROM (${rows}) WHERE k IS NOT NULL AND v IS NOT NULL GROUP BY k`,
        });
    }
    return out;
}
const CONTRACT_ALIAS = '"s"';
/**
 * Matches contract columns to the user's: the mapped source, else the contract name (exact, then
 * any case). A plain mapping reads the user's relation as it is; transforms (paths, lookups,
 * constants, conditions, filters) wrap it in a SELECT that yields each contract column under its
 * own name, filtered by `where`.
 */
function matchColumns(loc, mapping, raw, lookups, issues) {
    const available = raw.columns;
    const sources = (mapping.columns ?? {});
    const extracted = new Map();
    const fieldScope = new ExtractScope(CONTRACT_ALIAS, available, lookups, (name) => extract(name));
    function extract(name) {
        if (extracted.has(name))
            return extracted.get(name);
        const source = sources[name];
        let e;
        try {
            e = fieldScope.source(source ?? name);
        }
        catch (err) {
            if (!(err instanceof MappingReferenceError) || source !== undefined)
                throw err;
            e = null;
        }
        extracted.set(name, e);
        return e;
    }
    const missing = [];
    const missingRef = (err, message, key, column) => {
        if (!(err instanceof MappingReferenceError))
            throw err;
        return issue(loc.table, loc.origin, 'missing_column', message, {
            ...(column ? { column } : {}),
            sourceColumn: err.ref,
            hint: `fix ${key}`,
        });
    };
    const names = available.map((c) => clipName(c.name));
    const found = `columns found: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}`;
    for (const spec of CONTRACT[loc.table].columns) {
        const source = sources[spec.name];
        try {
            const e = extract(spec.name);
            if (e === null && !spec.optional)
                missing.push(issue(loc.table, loc.origin, 'missing_column', `required column is missing (${found})`, {
                    column: spec.name,
                    hint: `if yours has another name, map it: {"tables": {"${loc.table}": {"columns": {"${spec.name}": "<your column>"}}}}`,
                }));
        }
        catch (err) {
            const what = typeof source === 'string'
                ? 'the column mapped to'
                : `a column that tables.${loc.table}.columns.${spec.name} reads,`;
            missing.push(missingRef(err, `${what} ${spec.name} is missing (${found})`, `tables.${loc.table}.columns.${spec.name}`, spec.name));
        }
    }
    let where = null;
    if (missing.length === 0 && mapping.where) {
        try {
            where = fieldScope.condition(mapping.where);
        }
        catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            missing.push(missingRef(err, `the filter reads a column that is missing: ${why} (${found})`, `tables.${loc.table}.where`));
        }
    }
    issues.push(...missing);
    if (missing.length)
        return null;
    const present = CONTRACT[loc.table].columns.filter((c) => extracted.get(c.name));
    if (mapping.dedupe && CONTRACT[loc.table].key.length === 0)
        throw new ChurnkitError(`${CONFIG_FILE_NAME}: tables.${loc.table}.dedupe: ${loc.table} has no key column to dedupe on`, 2);
    const plain = where === null &&
        !mapping.dedupe &&
        fieldScope.joins.length === 0 &&
        present.every((c) => extracted.get(c.name).plain);
    const columns = new Map();
    for (const spec of CONTRACT[loc.table].columns) {
        const e = extracted.get(spec.name);
        if (!e) {
            columns.set(spec.name, null);
            continue;
        }
        const parse = parseOptionsOf(sources[spec.name]);
        const base = { spec, source: e.describe, type: e.type, mapped: sources[spec.name] !== undefined, parse };
        if (plain) {
            columns.set(spec.name, { ...base, sql: e.sql.slice(CONTRACT_ALIAS.length + 1), unresolved: [] });
            continue;
        }
        columns.set(spec.name, {
            ...base,
            sql: quoteIdent(spec.name),
            unresolved: e.unresolved.map((u, i) => ({
                ...u,
                cond: quoteIdent(`${spec.name}:unresolved:${i}`),
                raw: quoteIdent(`${spec.name}:raw:${i}`),
            })),
        });
    }
    if (plain)
        return { columns, relation: raw.relation };
    const select = present.flatMap((spec) => {
        const e = extracted.get(spec.name);
        return [
            `${e.sql} AS ${quoteIdent(spec.name)}`,
            ...e.unresolved.flatMap((u, i) => [
                `${u.cond} AS ${quoteIdent(`${spec.name}:unresolved:${i}`)}`,
                `CAST(${u.raw} AS VARCHAR) AS ${quoteIdent(`${spec.name}:raw:${i}`)}`,
            ]),
        ];
    });
    const joins = fieldScope.joins.join(' ');
    const filter = where === null ? '' : ` WHERE coalesce(${where}, false)`;
    // dedupe "first": the first row of each key in file order, so the relation is always numbered.
    const key = mapping.dedupe ? CONTRACT[loc.table].key[0] : undefined;
    const relation = (o = {}) => {
        const numbered = o.numbered || key !== undefined;
        const rows = `(SELECT ${numbered ? `${CONTRACT_ALIAS}.${quoteIdent(ROW_COLUMN)}, ` : ''}${select.join(', ')} FROM ${raw.relation({ ...o, numbered })} AS ${CONTRACT_ALIAS} ${joins}${filter})`;
        if (key === undefined)
            return rows;
        const first = `(SELECT * FROM ${rows} QUALIFY row_number() OVER (PARTITION BY ${quoteIdent(key)} ORDER BY ${quoteIdent(ROW_COLUMN)}) = 1)`;
        return o.numbered ? first : `(SELECT * EXCLUDE (${quoteIdent(ROW_COLUMN)}) FROM ${first})`;
    };
    return { columns, relation };
}
/** A table that receives routed rows reads the file (or table) of the table routing them. */
function withRoutedTables(located, config) {
    let out = located;
    for (const table of TABLE_NAMES) {
        const from = out.find((l) => l.table === table);
        for (const r of config.tables?.[table]?.route ?? []) {
            out = out.filter((l) => l.table !== r.to);
            if (from)
                out.push({ ...from, table: r.to });
        }
    }
    return TABLE_NAMES.flatMap((t) => out.filter((l) => l.table === t));
}
/** Checks what DuckDB would otherwise reject mid-query: regular expressions and time zone names. */
async function checkMappingValues(conn, config, where) {
    const checks = [];
    for (const table of TABLE_NAMES) {
        const m = config.tables?.[table];
        if (!m)
            continue;
        for (const p of [
            ...conditionPatterns(m.where),
            ...(m.route ?? []).flatMap((r) => conditionPatterns(r.when)),
            ...Object.values(m.columns ?? {}).flatMap((c) => (c === undefined ? [] : sourcePatterns(c))),
        ])
            checks.push([
                `tables.${table}: the regular expression ${JSON.stringify(p)}`,
                `SELECT regexp_matches('', ${quoteLiteral(p)})`,
            ]);
        if (m.timezone !== undefined)
            checks.push([
                `tables.${table}.timezone: ${JSON.stringify(m.timezone)} is not an IANA time zone name (e.g. "America/New_York")`,
                `SELECT timezone(${quoteLiteral(m.timezone)}, TIMESTAMP '2000-01-01')`,
            ]);
    }
    for (const [name, l] of Object.entries(config.lookups ?? {}))
        for (const p of conditionPatterns(l.where))
            checks.push([
                `lookups.${name}: the regular expression ${JSON.stringify(p)}`,
                `SELECT regexp_matches('', ${quoteLiteral(p)})`,
            ]);
    for (const [what, sql] of checks) {
        try {
            await conn.run(sql);
        }
        catch (err) {
            const why = what.includes('timezone') ? '' : `: ${firstLine(err.message)}`;
            throw new ChurnkitError(`${where}: ${what}${why}`, 2);
        }
    }
}
/**
 * Resolves a local source on an open connection: attaches a DuckDB file (read-only), reads
 * CSV headers, describes Parquet/JSON/tables and matches columns. Problems become issues; only
 * a bad --data path or mapping file throws.
 */
export async function resolveLocalHistory(conn, source, config, options = {}) {
    const kind = await localSourceKind(source);
    const resolved = await resolveMappingConfig(config, kind === 'folder' ? source : null);
    await checkMappingValues(conn, resolved.config, resolved.path ?? CONFIG_FILE_NAME);
    const effective = applyRoutes(resolved.config);
    const issues = [];
    let located;
    if (kind === 'duckdb') {
        try {
            await conn.run(`ATTACH ${quoteLiteral(source)} AS ${quoteIdent(ATTACHED_SOURCE)} (READ_ONLY)`);
        }
        catch (err) {
            throw new ChurnkitError(`--data ${source}: cannot open the DuckDB database: ${firstLine(err.message)}`, 2);
        }
        located = await locateInDatabase(conn, effective, issues);
    }
    else {
        located = await locateInFolder(source, effective, issues, options.allowOutsideData);
    }
    located = withRoutedTables(located, resolved.config);
    const lookups = await openLookups(conn, kind === 'folder' ? source : null, effective, issues, options.allowOutsideData);
    const tables = [];
    for (const loc of located) {
        const opened = await openRelation(conn, loc, effective);
        if ('code' in opened) {
            issues.push(opened);
            continue;
        }
        const mapping = effective.tables?.[loc.table] ?? {};
        const matched = matchColumns(loc, mapping, opened, lookups, issues);
        if (!matched)
            continue;
        tables.push({
            table: loc.table,
            origin: loc.origin,
            format: loc.format,
            path: loc.path,
            bytes: loc.bytes,
            relation: matched.relation,
            columns: matched.columns,
            mapping,
        });
    }
    return {
        kind,
        location: source,
        config: effective,
        configPath: resolved.path,
        tables,
        issues,
        lookups: [...lookups.values()],
    };
}
//# sourceMappingURL=sources.js.map