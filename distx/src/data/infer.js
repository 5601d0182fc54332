import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CONTRACT, TABLE_NAMES } from './contract.js';
import { openDuckDB, quoteIdent, quoteLiteral } from './duckdb.js';
import { CONFIG_FILE_NAME, MAPPING_SCHEMA_ID, parseMappingConfig, } from './config.js';
import { csvDialect, readCsvHeader, readFirstLines } from './csv.js';
import { DATA_FILE_EXTENSIONS, formatOf, openFile, resolveLocalHistory, } from './sources.js';
import { SIGNATURES, SYNONYMS } from './signatures.js';
import { ExtractScope } from './transforms.js';
import { ChurnkitError } from '../util/index.js';
const SAMPLE_ROWS = 200;
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** The column or nested key of a probe spelled as the probe spells it, matched in any case. */
function spelled(probe, name) {
    const all = [...probe.columns.map((c) => c.name), ...probe.nested];
    return all.find((c) => c === name) ?? all.find((c) => c.toLowerCase() === name.toLowerCase()) ?? null;
}
/** A value at a dotted path of a sample row (JSON text parsed on the way). */
function valueAt(row, path, probe) {
    const top = probe.columns.find((c) => path === c.name || path.startsWith(`${c.name}.`));
    if (!top)
        return undefined;
    let v = row[top.name];
    for (const key of path === top.name ? [] : path.slice(top.name.length + 1).split('.')) {
        if (typeof v === 'string' && /^[[{]/.test(v.trim())) {
            try {
                v = JSON.parse(v);
            }
            catch {
                return undefined;
            }
        }
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[key];
    }
    return v;
}
function nestedKeys(value, prefix, depth, out) {
    let v = value;
    if (typeof v === 'string' && /^[[{]/.test(v.trim())) {
        try {
            v = JSON.parse(v);
        }
        catch {
            return;
        }
    }
    if (v === null || typeof v !== 'object' || depth === 0)
        return;
    for (const [k, x] of Object.entries(v)) {
        const path = `${prefix}.${k}`;
        out.add(path);
        nestedKeys(x, path, depth - 1, out);
    }
}
async function sampleRows(conn, relation) {
    return (await conn.runAndReadAll(`SELECT * FROM ${relation} LIMIT ${SAMPLE_ROWS}`)).getRowObjectsJS();
}
/** Reads a file's columns and first rows, choosing its CSV dialect and spotting rows to skip. */
async function probeFile(conn, dir, file) {
    const path = join(dir, file);
    const bytes = (await stat(path)).size;
    let format = formatOf(path);
    let declared;
    const csv = {};
    if (format === null && /\.(txt|dat)$/i.test(file)) {
        // Aligned text (a report or log printed to a file): whitespace-separated, header when not numeric.
        const lines = (await readFirstLines(path, 5)).filter((l) => l.trim() !== '');
        if (lines.length === 0)
            return null;
        const first = lines[0].trim().split(/\s+/);
        format = 'text';
        declared = 'whitespace';
        if (first.every((f) => /^[-+0-9.,:/]+$/.test(f))) {
            csv.header = false;
            csv.names = first.map((_, i) => `column${i + 1}`);
        }
    }
    if (format === null)
        return null;
    if (format === 'csv') {
        const header = await readCsvHeader(path, csvDialect(path, {}), bytes);
        if (!header.ok && header.problem === 'wrong_delimiter' && header.suggested)
            csv.delimiter = header.suggested;
    }
    const spec = {
        table: 'accounts',
        origin: file,
        path,
        bytes,
        format,
        declared,
        csv,
        widths: undefined,
        key: file,
    };
    let opened = await openFile(conn, spec);
    if ('code' in opened)
        return null;
    let sample;
    try {
        sample = await sampleRows(conn, opened.relation());
    }
    catch {
        return null;
    }
    let timezone;
    // Qualtrics writes the question text and a row of {"ImportId": ...} under the header.
    const importRow = sample.findIndex((r) => Object.values(r).some((v) => typeof v === 'string' && v.startsWith('{"ImportId"')));
    if (format === 'csv' && importRow >= 0 && importRow < 3) {
        csv.skip_rows_after_header = importRow + 1;
        for (const v of Object.values(sample[importRow])) {
            const m = typeof v === 'string' ? /"timeZone"\s*:\s*"([^"]+)"/.exec(v) : null;
            if (m)
                timezone = m[1];
        }
        opened = await openFile(conn, { ...spec, csv });
        if ('code' in opened)
            return null;
        sample = await sampleRows(conn, opened.relation());
    }
    const nested = new Set();
    for (const c of opened.columns)
        for (const row of sample.slice(0, 50))
            nestedKeys(row[c.name], c.name, 7, nested);
    return {
        file,
        path,
        format: declared ?? (format === 'csv' && /\.tsv/i.test(file) ? 'tsv' : undefined),
        csv,
        raw: opened,
        columns: opened.columns,
        nested: [...nested],
        sample,
        ...(timezone ? { timezone } : {}),
    };
}
/** Distinct values of a column or JSON path over the whole file (at most `limit`), as text. */
async function distinctOf(conn, probe, column, limit = 200) {
    let sql;
    try {
        sql = new ExtractScope('"s"', probe.columns, new Map(), () => null).ref(column).sql;
    }
    catch {
        return [];
    }
    const rows = (await conn.runAndReadAll(`SELECT DISTINCT trim(CAST(${sql} AS VARCHAR)) AS v FROM ${probe.raw.relation()} AS "s" WHERE ${sql} IS NOT NULL ORDER BY 1 LIMIT ${limit}`)).getRowsJS();
    return rows.map((r) => String(r[0])).filter((v) => v !== '');
}
function matches(sig, probe) {
    if (!sig.requires.every((c) => spelled(probe, c) !== null))
        return false;
    if (sig.anyOf && !sig.anyOf.every((group) => group.some((c) => spelled(probe, c) !== null)))
        return false;
    if (sig.forbids?.some((c) => probe.columns.some((x) => x.name.toLowerCase() === c.toLowerCase())))
        return false;
    return true;
}
/** The most specific signature a file matches. */
function recognise(probe) {
    const hits = SIGNATURES.filter((s) => matches(s, probe));
    hits.sort((a, b) => b.requires.length - a.requires.length);
    return hits[0] ?? null;
}
/** A source with each column name spelled as the file spells it; null when a needed column is absent. */
function respell(source, probe, lookups) {
    if (typeof source === 'string')
        return spelled(probe, source);
    const out = { ...source };
    if (source.column !== undefined) {
        const c = spelled(probe, source.column);
        if (c === null)
            return null;
        out.column = c;
    }
    if (source.coalesce) {
        const parts = source.coalesce.map((s) => respell(s, probe, lookups)).filter((s) => s !== null);
        if (parts.length === 0)
            return null;
        if (parts.length === 1 && Object.keys(source).length === 1)
            return parts[0];
        out.coalesce = parts;
    }
    if (source.lookup !== undefined) {
        const from = respell(source.from, probe, lookups);
        if (from === null || !lookups.has(source.lookup))
            return null;
        out.from = from;
    }
    for (const key of ['when', 'if']) {
        const cond = source[key];
        if (cond && 'column' in cond && cond.column !== undefined) {
            const c = spelled(probe, cond.column);
            if (c === null) {
                if (key === 'when')
                    return null;
                delete out.if;
            }
            else
                out[key] = { ...cond, column: c };
        }
    }
    return out;
}
/** Columns whose name looks like the contract column's, best first. */
function similar(probe, column) {
    const names = [...probe.columns.map((c) => c.name), ...probe.nested];
    const syn = (SYNONYMS[column] ?? [column]).map(norm);
    const score = (name) => {
        const last = norm(name.split('.').at(-1));
        const whole = norm(name);
        const i = syn.indexOf(last);
        if (i >= 0)
            return 100 - i - (name.includes('.') ? 1 : 0);
        if (syn.includes(whole))
            return 90;
        if (syn.some((s) => s.length > 3 && (last.includes(s) || s.includes(last)) && last.length > 1))
            return 40;
        return 0;
    };
    return names
        .map((n) => ({ n, s: score(n) }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || a.n.localeCompare(b.n))
        .map((x) => x.n);
}
/** The account id of an event or response export that keeps it in a property (`properties.company_id`). */
function accountCandidates(probe) {
    const names = [...probe.nested, ...probe.columns.map((c) => c.name)];
    const objects = new Set(probe.nested.map((k) => k.split('.').slice(0, -1).join('.')));
    const score = (n) => {
        const last = norm(n.split('.').at(-1));
        // A JSON object (Amplitude's groups) holds the id; it is not the id.
        if (objects.has(n) || !/account|company|org|customer|group/.test(last))
            return 0;
        return (/id$/.test(last) ? 2 : 1) + (n.includes('.') ? 0 : 1);
    };
    return names.filter((n) => score(n) > 0).sort((a, b) => score(b) - score(a) || a.localeCompare(b));
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?$/;
/** How text dates or times are written, from sample values: ISO (nothing to say), Unix time or a strptime format. */
function timeFormat(values) {
    if (values.length === 0)
        return { naive: false };
    if (values.every((v) => ISO_DATE.test(v)))
        return { naive: false };
    if (values.every((v) => ISO_DATE.test(v) || ISO_TS.test(v)))
        return { naive: values.some((v) => ISO_TS.test(v) && !/([Zz]|[+-]\d{2}(:?\d{2})?)\s*$/.test(v.slice(10))) };
    if (values.every((v) => /^\d{9,10}(\.\d+)?$/.test(v)))
        return { epoch: 'seconds', naive: false };
    if (values.every((v) => /^\d{12,13}$/.test(v)))
        return { epoch: 'milliseconds', naive: false };
    if (values.every((v) => /^\d{8}$/.test(v)))
        return { format: '%Y%m%d', naive: true };
    const slash = values.map((v) => /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(.*)$/.exec(v));
    if (slash.every((m) => m !== null)) {
        const dayFirst = slash.some((m) => Number(m[1]) > 12) || values.every((v) => v.includes('.'));
        const sep = values[0].includes('.') ? '.' : '/';
        const date = dayFirst ? `%d${sep}%m${sep}%Y` : `%m${sep}%d${sep}%Y`;
        const rest = slash[0][4].trim();
        const time = rest === ''
            ? ''
            : /[AaPp][Mm]$/.test(rest)
                ? rest.split(':').length > 2
                    ? ' %I:%M:%S %p'
                    : ' %I:%M %p'
                : rest.split(':').length > 2
                    ? ' %H:%M:%S'
                    : ' %H:%M';
        return { format: `${date}${time}`, naive: time !== '' };
    }
    return null;
}
function isPlainNumber(v) {
    return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim());
}
/** A number format for sample values that are not plain numbers ("$5,200.00", "1.234,50 €"). */
function numberFormat(values) {
    const odd = values.filter((v) => !isPlainNumber(v));
    if (odd.length === 0)
        return null;
    const core = odd.map((v) => v.replace(/[^\d.,]/g, ''));
    const commaDecimal = core.some((c) => /,\d{1,2}$/.test(c) || /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(c));
    return commaDecimal ? { decimal: ',' } : true;
}
/** Builds one table's draft from a file and a signature (or from column similarity without one). */
async function draftTable(conn, table, probe, sig, lookups, notes, missing) {
    const key = `tables.${table}`;
    const mapping = { file: probe.file };
    if (probe.format)
        mapping.format = probe.format;
    if (Object.keys(probe.csv).length)
        mapping.csv = { ...probe.csv };
    const columns = {};
    for (const spec of CONTRACT[table].columns) {
        const proposed = sig?.columns?.[spec.name];
        let source = proposed === undefined ? null : respell(proposed, probe, lookups);
        if (proposed !== undefined && source === null && typeof proposed === 'object' && proposed.lookup !== undefined) {
            // A lookup whose file is not in the folder: read the key as the account id and say so.
            source = respell(proposed.from, probe, lookups);
            notes.push({
                where: `${key}.columns.${spec.name}`,
                message: `no ${proposed.lookup} file in the folder, so the ids are read as they are`,
            });
        }
        if (source === null && spec.name === 'account_id') {
            const c = accountCandidates(probe);
            if (c[0]) {
                source = c[0];
                if (c.length > 1)
                    notes.push({ where: `${key}.columns.account_id`, message: `chose ${c[0]}`, candidates: c });
            }
        }
        if (source === null && spec.name === 'score' && table === 'nps') {
            const group = probe.columns.find((c) => /_NPS_GROUP$/i.test(c.name));
            const q = group ? spelled(probe, group.name.replace(/_NPS_GROUP$/i, '')) : null;
            if (q)
                source = q;
        }
        if (source === null && (proposed === undefined || sig === null)) {
            const best = similar(probe, spec.name);
            if (best[0] && (sig === null || !spec.optional))
                source = best[0];
        }
        if (source === null) {
            if (!spec.optional && spec.default === undefined) {
                const candidates = similar(probe, spec.name);
                missing.push({
                    table,
                    column: spec.name,
                    candidates: candidates.length ? candidates : probe.columns.map((c) => c.name),
                });
            }
            continue;
        }
        columns[spec.name] = withFormat(spec, source, probe, table, notes, mapping);
    }
    mapping.columns = columns;
    const values = await valueMaps(conn, table, sig, probe, columns, notes);
    if (Object.keys(values).length)
        mapping.values = values;
    if (sig?.where) {
        const col = 'column' in sig.where && sig.where.column ? spelled(probe, sig.where.column) : null;
        if (col)
            mapping.where = { ...sig.where, column: col };
    }
    if (probe.timezone) {
        mapping.timezone = probe.timezone;
        notes.push({ where: `${key}.timezone`, message: `${probe.file} says its times are in ${probe.timezone}` });
    }
    for (const n of sig?.notes ?? [])
        notes.push({ where: key, message: n });
    return mapping;
}
/** The name of the column a source reads first (for sampling its values). */
function firstColumn(source) {
    if (typeof source === 'string')
        return source;
    if (source.column !== undefined)
        return source.column;
    if (source.coalesce)
        return firstColumn(source.coalesce[0]);
    if (source.from !== undefined)
        return null;
    return null;
}
/** Adds the number or time format the sample values need to a column source. */
function withFormat(spec, source, probe, table, notes, mapping) {
    const col = firstColumn(source);
    if (col === null || (typeof source === 'object' && (source.epoch || source.format || source.number)))
        return source;
    const values = probe.sample
        .map((r) => valueAt(r, col, probe))
        .filter((v) => v !== null && v !== undefined && String(v).trim() !== '')
        .map((v) => String(v).trim());
    const base = typeof source === 'string' ? { column: source } : { ...source };
    const simplify = (o) => Object.keys(o).length === 1 && o.column !== undefined ? o.column : o;
    if (spec.type === 'number' || spec.type === 'integer') {
        const fmt = numberFormat(values);
        if (fmt)
            return simplify({ ...base, number: fmt });
    }
    if (spec.type === 'date' || spec.type === 'timestamp') {
        const t = timeFormat(values);
        if (t === null) {
            notes.push({
                where: `tables.${table}.columns.${spec.name}`,
                message: `could not tell how ${col} writes times (e.g. ${JSON.stringify(values[0])}); add a strptime "format"`,
            });
            return source;
        }
        if (t.naive && spec.type === 'timestamp' && !probe.timezone && !mapping.timezone)
            notes.push({
                where: `tables.${table}.timezone`,
                message: `${col} has times without an offset, read as UTC; set the IANA time zone they are in if they are local`,
            });
        if (t.epoch)
            return simplify({ ...base, epoch: t.epoch });
        if (t.format)
            return simplify({ ...base, format: t.format });
    }
    return source;
}
/** Value maps for enumerated columns: the signature's, plus every sampled value the contract does not know. */
async function valueMaps(conn, table, sig, probe, columns, notes) {
    const out = {};
    for (const spec of CONTRACT[table].columns) {
        if (spec.type !== 'text' || !columns[spec.name])
            continue;
        const given = { ...(sig?.values?.[spec.name] ?? {}) };
        const col = firstColumn(columns[spec.name]);
        const seen = new Set(col === null ? [] : await distinctOf(conn, probe, col));
        if (spec.name === 'event') {
            for (const v of seen)
                if (/^(signed in|logged in|log ?in|sign ?in|user (signed|logged) in|session start(ed)?)$/i.test(v))
                    given[v] = 'login';
        }
        if (spec.values) {
            const unknown = [...seen].filter((v) => !spec.values.includes(v.toLowerCase()) && given[v] === undefined);
            if (unknown.length && spec.name === 'kind') {
                for (const v of unknown)
                    given[v] = 'other';
                notes.push({
                    where: `tables.${table}.values.kind`,
                    message: `read as other: ${unknown.join(', ')}; map the CSM touches among them to csm_meeting, csm_call, csm_email or qbr`,
                });
            }
            else if (unknown.length)
                notes.push({
                    where: `tables.${table}.values.${spec.name}`,
                    message: `map these values onto ${spec.values.join(', ')}`,
                    candidates: unknown,
                });
        }
        const used = Object.fromEntries(Object.entries(given).filter(([k]) => seen.size === 0 || seen.has(k) || sig?.values?.[spec.name]?.[k] !== undefined));
        if (Object.keys(used).length)
            out[spec.name] = used;
    }
    return out;
}
/** The contract table an unrecognised file most looks like, by its name and its columns. */
function guessTable(probe, taken) {
    const byName = [
        [/account|customer|compan|client/i, 'accounts'],
        [/contract|subscription|renewal/i, 'contracts'],
        [/event|usage|track|activity_log|purchase|order|transaction/i, 'usage'],
        [/ticket|case|conversation|support/i, 'tickets'],
        [/contact|people|person|user/i, 'contacts'],
        [/interaction|activit|meeting|touch|timeline|note/i, 'interactions'],
        [/nps|survey|response/i, 'nps'],
        [/integration|connector|install/i, 'integrations'],
    ];
    let best = null;
    for (const table of TABLE_NAMES) {
        if (taken.has(table))
            continue;
        const required = CONTRACT[table].columns.filter((c) => !c.optional);
        const found = required.filter((c) => similar(probe, c.name).length > 0).length;
        let score = found / required.length;
        if (byName.some(([re, t]) => t === table && re.test(probe.file)))
            score += 0.5;
        if (!best || score > best.score)
            best = { table, score };
    }
    return best && best.score >= 0.5 ? best : null;
}
async function distinctValues(conn, name, sql) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT DISTINCT v FROM (${sql}) WHERE v IS NOT NULL AND v <> ''`);
}
/** Share of the distinct values of table `a` found in table `b`. */
async function overlap(conn, a, b) {
    const r = (await conn.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE v IN (SELECT v FROM ${quoteIdent(b)})) AS hit FROM ${quoteIdent(a)}`)).getRowObjectsJS()[0];
    const n = Number(r['n']);
    return n === 0 ? 0 : Number(r['hit']) / n;
}
const text = (col) => `NULLIF(trim(CAST(${col} AS VARCHAR)), '')`;
/**
 * Account ids that are not the accounts file's are linked through another file by value: a
 * column of it holding them (an organization id), and another holding account ids (an
 * external id) or account names (then a second hop through the accounts file's names).
 */
async function linkAccounts(conn, dir, config, probes, files, accountsSig, notes) {
    const accounts = config.tables?.accounts;
    if (!accounts?.file)
        return;
    let resolved;
    try {
        resolved = await resolveLocalHistory(conn, dir, config);
    }
    catch {
        return; // a draft the resolver rejects is reported by validate, with its reason
    }
    const acc = resolved.tables.find((t) => t.table === 'accounts');
    const accId = acc?.columns.get('account_id');
    if (!acc || !accId)
        return;
    await distinctValues(conn, 'ids_accounts', `SELECT ${text(accId.sql)} AS v FROM ${acc.relation()}`);
    const accProbe = probes.find((p) => p.file === accounts.file);
    const nameCol = accProbe && accountsSig?.name
        ? spelled(accProbe, accountsSig.name)
        : accProbe
            ? (similar(accProbe, 'name')[0] ?? null)
            : null;
    const idCol = accProbe
        ? typeof accounts.columns?.account_id === 'string'
            ? accounts.columns.account_id
            : null
        : null;
    if (accProbe && nameCol)
        await distinctValues(conn, 'names_accounts', `SELECT ${text(quoteIdent(nameCol))} AS v FROM ${accProbe.raw.relation()}`);
    // Files that link ids: recognised bridges, and files no contract table uses.
    const bridges = probes.filter((p) => {
        const f = files.find((x) => x.file === p.file);
        return !f || f.table === null || f.table === 'bridge';
    });
    for (const ts of resolved.tables) {
        if (ts.table === 'accounts')
            continue;
        const col = ts.columns.get('account_id');
        if (!col)
            continue;
        const mine = `ids_${ts.table}`;
        await distinctValues(conn, mine, `SELECT ${text(col.sql)} AS v FROM ${ts.relation()}`);
        const direct = await overlap(conn, mine, 'ids_accounts');
        if (direct >= 0.5)
            continue;
        const source = config.tables[ts.table].columns.account_id;
        let linked = false;
        for (const b of bridges) {
            if (b.file === ts.origin || linked)
                continue;
            const cols = b.columns.filter((c) => !/^(VARCHAR|JSON)$/i.test(c.type) ||
                !b.sample.some((r) => typeof r[c.name] === 'string' && /^[[{]/.test(String(r[c.name]))));
            for (const k of cols) {
                await distinctValues(conn, 'bridge_key', `SELECT ${text(quoteIdent(k.name))} AS v FROM ${b.raw.relation()}`);
                if ((await overlap(conn, mine, 'bridge_key')) < 0.5)
                    continue;
                // Ids first (an external id holding the account id), then names (two hops through the accounts' names).
                for (const pass of ['ids', 'names']) {
                    for (const v of cols) {
                        if (v.name === k.name || linked)
                            continue;
                        if (pass === 'names' && !(nameCol && idCol && accProbe))
                            continue;
                        await distinctValues(conn, 'bridge_value', `SELECT ${text(quoteIdent(v.name))} AS v FROM ${b.raw.relation()}`);
                        const name = `${basename(b.file)
                            .replace(/\.[^.]*$/, '')
                            .replace(/[^A-Za-z0-9_.-]/g, '_')}_${v.name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
                        const lookup = { file: b.file, key: k.name, value: v.name };
                        if (b.format)
                            lookup.format = b.format;
                        if (Object.keys(b.csv).length)
                            lookup.csv = b.csv;
                        if (pass === 'ids' && (await overlap(conn, 'bridge_value', 'ids_accounts')) >= 0.5) {
                            config.lookups = { ...config.lookups, [name]: lookup };
                            config.tables[ts.table].columns.account_id = { lookup: name, from: source };
                            notes.push({
                                where: `tables.${ts.table}.columns.account_id`,
                                message: `${ts.origin}'s ids are ${b.file}'s ${k.name}; its ${v.name} is the account id`,
                            });
                            linked = true;
                        }
                        else if (pass === 'names' && (await overlap(conn, 'bridge_value', 'names_accounts')) >= 0.5) {
                            const byName = { file: accProbe.file, key: nameCol, value: idCol };
                            if (accProbe.format)
                                byName.format = accProbe.format;
                            if (Object.keys(accProbe.csv).length)
                                byName.csv = accProbe.csv;
                            config.lookups = { ...config.lookups, [name]: lookup, accounts_by_name: byName };
                            config.tables[ts.table].columns.account_id = {
                                lookup: 'accounts_by_name',
                                from: { lookup: name, from: source },
                            };
                            notes.push({
                                where: `tables.${ts.table}.columns.account_id`,
                                message: `${ts.origin}'s ids are ${b.file}'s ${k.name}; its ${v.name} is the account's name in ${accProbe.file} (two hops)`,
                            });
                            linked = true;
                        }
                    }
                }
                if (linked)
                    break;
            }
            if (linked) {
                const f = files.find((x) => x.file === b.file);
                if (f && f.table === null)
                    f.table = 'bridge';
            }
        }
        if (!linked)
            notes.push({
                where: `tables.${ts.table}.columns.account_id`,
                message: `${Math.round(100 * (1 - direct))}% of the ids in ${ts.origin} are not account ids of ${accounts.file}, and no file in the folder links them; add a lookup`,
            });
    }
}
/** Drafts a mapping for every data file in a folder. */
export async function draftMapping(dir) {
    let entries;
    try {
        entries = (await readdir(dir, { withFileTypes: true }))
            .filter((e) => e.isFile())
            .map((e) => e.name)
            .sort();
    }
    catch {
        throw new ChurnkitError(`--data ${dir}: no such folder`, 2);
    }
    const candidates = entries.filter((f) => f !== CONFIG_FILE_NAME &&
        (DATA_FILE_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext)) || /\.(txt|dat)$/i.test(f)));
    if (candidates.length === 0)
        throw new ChurnkitError(`--data ${dir}: no data files (CSV, TSV, JSON, JSON lines, Parquet or text)`, 2);
    const db = await openDuckDB();
    try {
        const conn = db.connection;
        const probes = [];
        const files = [];
        for (const f of candidates) {
            const p = await probeFile(conn, dir, f);
            if (p)
                probes.push(p);
            else
                files.push({ file: f, tool: null, object: null, table: null });
        }
        const notes = [];
        const missing = [];
        const sigs = new Map(probes.map((p) => [p.file, recognise(p)]));
        // Bridges first: which lookups exist decides how the other files read their account ids.
        const lookups = {};
        for (const p of probes) {
            const s = sigs.get(p.file);
            if (s?.table !== 'bridge')
                continue;
            files.push({ file: p.file, tool: s.tool, object: s.object, table: 'bridge' });
            if (s.provides) {
                const l = {
                    file: p.file,
                    key: spelled(p, s.provides.key),
                    value: spelled(p, s.provides.value),
                };
                if (s.provides.latest_by && spelled(p, s.provides.latest_by))
                    l.latest_by = spelled(p, s.provides.latest_by);
                if (p.format)
                    l.format = p.format;
                if (Object.keys(p.csv).length)
                    l.csv = p.csv;
                lookups[s.provides.name] = l;
            }
        }
        const tables = {};
        const owner = new Map();
        const lookupNames = new Set(Object.keys(lookups));
        // Recognised files, then the rest by similarity.
        const rank = (p) => {
            const s = sigs.get(p.file);
            return s ? 10 + (s.priority ?? 0) : 0;
        };
        const ordered = [...probes].sort((a, b) => rank(b) - rank(a));
        for (const p of ordered) {
            const s = sigs.get(p.file) ?? null;
            if (s?.table === 'bridge')
                continue;
            const table = s ? s.table : guessTable(p, new Set(owner.keys()))?.table;
            if (!table) {
                files.push({ file: p.file, tool: null, object: null, table: null });
                notes.push({
                    where: p.file,
                    message: 'not recognised and not like any contract table; left out (it may still serve as a lookup)',
                });
                continue;
            }
            if (owner.has(table)) {
                files.push({ file: p.file, tool: s?.tool ?? null, object: s?.object ?? null, table: null });
                notes.push({
                    where: p.file,
                    message: `also holds ${table}, which ${owner.get(table)} already feeds; one file per table: combine them or choose one with tables.${table}.file`,
                });
                continue;
            }
            owner.set(table, p.file);
            files.push({ file: p.file, tool: s?.tool ?? null, object: s?.object ?? null, table });
            if (!s)
                notes.push({
                    where: `tables.${table}`,
                    message: `${p.file} was not recognised; its columns were matched by name: check them`,
                });
            tables[table] = await draftTable(conn, table, p, s, lookupNames, notes, missing);
        }
        // Events that connect an integration go to integrations, not to product usage.
        const usage = tables.usage;
        const usageProbe = usage ? probes.find((p) => p.file === usage.file) : undefined;
        if (usage && usageProbe && !tables.integrations && typeof usage.columns?.event === 'string') {
            const ev = usage.columns.event;
            const names = await distinctOf(conn, usageProbe, ev, 1000);
            const connect = names.filter((n) => /integration.*(connected|added|enabled|installed)/i.test(n));
            let nameKey;
            if (connect.length) {
                const evSql = new ExtractScope('"s"', usageProbe.columns, new Map(), () => null).ref(ev).sql;
                const rows = await sampleRows(conn, `(SELECT "s".* FROM ${usageProbe.raw.relation()} AS "s" WHERE ${evSql} IN (${connect.map(quoteLiteral).join(', ')}))`);
                const keys = new Set();
                for (const c of usageProbe.columns)
                    for (const r of rows.slice(0, 50))
                        nestedKeys(r[c.name], c.name, 3, keys);
                nameKey = [...keys].find((k) => /integration|app_?name|connector/i.test(k.split('.').at(-1)));
            }
            if (connect.length && nameKey) {
                usage.route = [{ when: { column: ev, in: connect }, to: 'integrations' }];
                tables.integrations = {
                    columns: {
                        account_id: usage.columns.account_id,
                        integration: nameKey,
                        connected_at: usage.columns.occurred_at,
                    },
                };
                notes.push({
                    where: 'tables.usage.route',
                    message: `${connect.join(', ')} events go to integrations (name from ${nameKey})`,
                });
            }
        }
        // Test and sandbox accounts are dropped (by name), and said so.
        const accounts = tables.accounts;
        const accountsProbe = accounts ? probes.find((p) => p.file === accounts.file) : undefined;
        if (accounts && accountsProbe && typeof accounts.columns?.name === 'string' && !accounts.where) {
            const nameCol = accounts.columns.name;
            const pattern = '(^|[^a-z])(test|sandbox)([^a-z]|$)';
            const hits = accountsProbe.sample
                .map((r) => valueAt(r, nameCol, accountsProbe))
                .filter((v) => typeof v === 'string' && new RegExp(pattern, 'i').test(v));
            if (hits.length) {
                accounts.where = { not: { column: nameCol, matches: pattern } };
                notes.push({
                    where: 'tables.accounts.where',
                    message: `accounts named test or sandbox are left out (e.g. ${hits.slice(0, 3).join(', ')})`,
                });
            }
        }
        const config = { $schema: MAPPING_SCHEMA_ID, tables };
        const used = Object.fromEntries(Object.entries(lookups).filter(([n]) => JSON.stringify(tables).includes(`"lookup":${JSON.stringify(n)}`)));
        if (Object.keys(used).length)
            config.lookups = used;
        const accountsSig = tables.accounts ? (sigs.get(tables.accounts.file) ?? null) : null;
        await linkAccounts(conn, dir, config, probes, files, accountsSig, notes);
        for (const t of ['accounts', 'usage'])
            if (!tables[t])
                notes.push({
                    where: `tables.${t}`,
                    message: `no file looks like ${t}, which is required`,
                    candidates: probes.map((p) => p.file),
                });
        // The draft must be a valid mapping: a mistake here is churnkit's, not the user's.
        parseMappingConfig(config, 'the drafted mapping');
        return { config, files: files.sort((a, b) => a.file.localeCompare(b.file)), notes, missing };
    }
    finally {
        db.close();
    }
}
function indent(textBlock, by) {
    return textBlock
        .split('\n')
        .map((l) => (l === '' ? l : by + l))
        .join('\n');
}
/** The draft as churnkit.config.json: JSON with comments saying where each part came from and what to check. */
export function renderDraft(draft, dir) {
    const lines = [
        `// churnkit.config.json, drafted by \`churnkit init\` from the files in ${dir}.`,
        '// Keys are churnkit\'s, values are your files\' names. Check every "NOTE" below, then run',
        '// `churnkit validate` and `churnkit features`. Schema: models/mapping.schema.json.',
        '//',
    ];
    for (const f of draft.files) {
        const what = f.tool ? `${f.tool} ${f.object}` : 'not recognised';
        const to = f.table === 'bridge' ? 'a lookup' : f.table ? `table ${f.table}` : 'not used';
        lines.push(`// ${f.file}: ${what} -> ${to}`);
    }
    for (const m of draft.missing)
        lines.push(`// MISSING: ${m.table}.${m.column} is required and no column was found (candidates: ${m.candidates.slice(0, 8).join(', ') || 'none'})`);
    const notesFor = (prefix) => draft.notes.filter((n) => n.where === prefix || n.where.startsWith(`${prefix}.`));
    const noteLines = (n) => `// NOTE ${n.where}: ${n.message}${n.candidates?.length ? ` (candidates: ${n.candidates.slice(0, 8).join(', ')})` : ''}`;
    const shown = new Set();
    for (const n of draft.notes.filter((x) => !x.where.startsWith('tables.') && !x.where.startsWith('lookups'))) {
        lines.push(noteLines(n));
        shown.add(n);
    }
    lines.push('{');
    const body = [`  "$schema": ${JSON.stringify(MAPPING_SCHEMA_ID)}`];
    const tables = draft.config.tables ?? {};
    const tableBlocks = TABLE_NAMES.filter((t) => tables[t]).map((t) => {
        const from = draft.files.find((f) => f.table === t);
        const head = from
            ? [`// ${t}: ${from.tool ? `${from.tool} ${from.object}` : 'matched by column names'} (${from.file})`]
            : [];
        const ns = notesFor(`tables.${t}`).map((n) => {
            shown.add(n);
            return noteLines(n);
        });
        return indent([...head, ...ns, `${JSON.stringify(t)}: ${JSON.stringify(tables[t], null, 2)}`].join('\n'), '    ');
    });
    body.push(`  "tables": {\n${tableBlocks.join(',\n')}\n  }`);
    if (draft.config.lookups)
        body.push(`  // Lookups: how ids of one file are found in another.\n  "lookups": ${indent(JSON.stringify(draft.config.lookups, null, 2), '  ').trimStart()}`);
    lines.push(body.join(',\n'));
    lines.push('}');
    const rest = draft.notes.filter((n) => !shown.has(n));
    for (const n of rest)
        lines.push(noteLines(n));
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=infer.js.map