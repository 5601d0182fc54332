import { openDuckDB, quoteIdent, quoteLiteral, queryRows } from '../data/index.js';
import { LABEL_COLUMN, FEATURE_TABLE_TYPES, TRANSACTION_FEATURES, featureSet, featureSetOfColumns, featureSpec, signalSpec, } from './registry.js';
import { featureFileFormat } from './build.js';
import { isoDay, UsageError, withAtomicFile } from '../util/index.js';
const QUANTILES = [
    ['p0', 0],
    ['p1', 0.01],
    ['p5', 0.05],
    ['p25', 0.25],
    ['p50', 0.5],
    ['p75', 0.75],
    ['p95', 0.95],
    ['p99', 0.99],
    ['p100', 1],
];
/** segment, the ten features, then the signals: the feature table's column order. */
function qaColumns(set) {
    const { features, signals } = featureSet(set);
    const cols = [{ name: 'segment', role: 'signal', type: 'text' }];
    for (const f of features)
        cols.push({ name: f.name, role: 'feature', type: 'number' });
    for (const s of signals)
        cols.push({
            name: s.name,
            role: 'signal',
            type: s.type === 'boolean' ? 'boolean' : s.type === 'text' ? 'text' : 'number',
        });
    return cols;
}
const num = (v) => (v === null || v === undefined ? null : Number(v));
const rate = (positives, labeled) => (labeled > 0 ? positives / labeled : null);
/** QA summary of `relation` (a table name, or any FROM item such as read_parquet('...')). */
export async function featureQa(conn, relation, options = {}) {
    const from = /^[A-Za-z_][A-Za-z0-9_]*$/.test(relation) ? quoteIdent(relation) : relation;
    return computeQa(conn, from, options.nullColumns ?? [], options.featureSet ?? 'saas');
}
/**
 * Runs floating-point sums (AVG, STDDEV, CORR) on one thread: added in parallel their partial sums
 * combine in a varying order and the last bits of the result change from run to run. Counts,
 * quantiles and NTILE over a total order are exact and stay parallel.
 */
async function singleThreaded(conn, run) {
    const [threads] = await queryRows(conn, `SELECT current_setting('threads') AS t`);
    await conn.run(`SET threads = 1`);
    try {
        return await run();
    }
    finally {
        await conn.run(`SET threads = ${Number(threads.t)}`);
    }
}
async function computeQa(conn, from, nullColumns, set) {
    const cols = qaColumns(set);
    const label = quoteIdent(LABEL_COLUMN);
    const q = (c) => quoteIdent(c);
    const asNumber = (c) => `CAST(${q(c.name)} AS DOUBLE)`;
    const overviewSql = `SELECT COUNT(*) AS rows, COUNT(DISTINCT account_id) AS accounts,
  strftime(MIN(as_of), '%Y-%m-%d') AS first, strftime(MAX(as_of), '%Y-%m-%d') AS last, COUNT(DISTINCT as_of) AS dates,
  COUNT(${label}) AS labeled, COALESCE(SUM(${label}), 0) AS positives
FROM ${from}`;
    const [ov] = await queryRows(conn, overviewSql);
    const rows = Number(ov['rows']);
    const labeled = Number(ov['labeled']);
    const positives = Number(ov['positives']);
    // Counts and churn for NULL / non-NULL rows of every column (CASE sums: DuckDB runs ~90
    // FILTER clauses an order of magnitude slower), then quantiles.
    const parts = [];
    cols.forEach((c, i) => {
        parts.push(`COUNT(${q(c.name)}) AS n${i}`);
        parts.push(`SUM(CASE WHEN ${q(c.name)} IS NULL AND ${label} IS NOT NULL THEN 1 ELSE 0 END) AS ln${i}`, `SUM(CASE WHEN ${q(c.name)} IS NULL THEN ${label} ELSE 0 END) AS pn${i}`);
    });
    const [agg] = await queryRows(conn, `SELECT ${parts.join(',\n  ')} FROM ${from}`);
    cols.forEach((_, i) => {
        agg[`lv${i}`] = labeled - Number(agg[`ln${i}`]);
        agg[`pv${i}`] = positives - Number(agg[`pn${i}`]);
    });
    const moments = cols.flatMap((c, i) => c.type === 'number' ? [`AVG(${asNumber(c)}) AS mean${i}`, `STDDEV_SAMP(${asNumber(c)}) AS std${i}`] : []);
    const corrCols = [...featureSet(set).features.map((f) => f.name), LABEL_COLUMN];
    for (let i = 0; i < corrCols.length; i++)
        for (let j = i + 1; j < corrCols.length; j++)
            moments.push(`CORR(CAST(${q(corrCols[i])} AS DOUBLE), CAST(${q(corrCols[j])} AS DOUBLE)) AS c${i}_${j}`);
    const [mom] = await singleThreaded(conn, () => queryRows(conn, `SELECT ${moments.join(', ')} FROM ${from}`));
    const a = { ...agg, ...mom };
    // Deciles and quantiles from one sort per column: the non-NULL values ordered by value, ties
    // broken by the row's place in (as_of, account_id) order. NTILE(10) gives the deciles (churn
    // among their labeled rows); the order statistics at the positions linear interpolation needs
    // give the quantiles.
    const numeric = cols.filter((c) => c.type === 'number');
    const base = quoteIdent(`feature_qa_rows_${process.pid}`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${base} AS SELECT ROW_NUMBER() OVER (ORDER BY as_of, account_id) AS rn, ${label} AS label, ${numeric.map((c) => `${asNumber(c)} AS ${q(c.name)}`).join(', ')}
     FROM ${from}`);
    const deciles = new Map();
    const quantiles = new Map();
    try {
        for (const c of numeric) {
            const n = Number(a[`n${cols.indexOf(c)}`]);
            const positions = [
                ...new Set(QUANTILES.flatMap(([, p]) => [Math.floor(p * (n - 1)), Math.ceil(p * (n - 1))])),
            ].filter((x) => x >= 0);
            const picks = positions.map((x) => `MAX(CASE WHEN pos = ${x} THEN value END) AS at${x}`);
            const rows = await queryRows(conn, `SELECT decile, COUNT(*) AS n, COUNT(label) AS labeled, COALESCE(SUM(label), 0) AS positives, MIN(value) AS lo, MAX(value) AS hi${picks.length ? `, ${picks.join(', ')}` : ''}
         FROM (SELECT ${q(c.name)} AS value, label, NTILE(10) OVER w AS decile, ROW_NUMBER() OVER w - 1 AS pos
               FROM ${base} WHERE ${q(c.name)} IS NOT NULL WINDOW w AS (ORDER BY ${q(c.name)}, rn)) AS ranked
         GROUP BY decile ORDER BY decile`);
            const at = new Map();
            for (const r of rows)
                for (const x of positions)
                    if (r[`at${x}`] !== null && r[`at${x}`] !== undefined)
                        at.set(x, Number(r[`at${x}`]));
            quantiles.set(c.name, Object.fromEntries(QUANTILES.map(([k, p]) => {
                if (n === 0)
                    return [k, null];
                const h = p * (n - 1);
                const lo = at.get(Math.floor(h));
                const hi = at.get(Math.ceil(h));
                return [k, lo + (h - Math.floor(h)) * (hi - lo)];
            })));
            deciles.set(c.name, rows.map((r) => {
                const l = Number(r['labeled']);
                const p = Number(r['positives']);
                return {
                    decile: Number(r['decile']),
                    rows: Number(r['n']),
                    labeled: l,
                    positives: p,
                    rate: rate(p, l),
                    min: Number(r['lo']),
                    max: Number(r['hi']),
                };
            }));
        }
    }
    finally {
        await conn.run(`DROP TABLE IF EXISTS ${base}`);
    }
    const levels = new Map();
    for (const c of cols.filter((c) => c.type !== 'number')) {
        const lv = await queryRows(conn, `SELECT CAST(${q(c.name)} AS VARCHAR) AS value, COUNT(*) AS n, COUNT(${label}) AS labeled, COALESCE(SUM(${label}), 0) AS positives
FROM ${from} WHERE ${q(c.name)} IS NOT NULL GROUP BY 1 ORDER BY 1`);
        levels.set(c.name, lv.map((r) => ({
            value: String(r['value']),
            rows: Number(r['n']),
            labeled: Number(r['labeled']),
            positives: Number(r['positives']),
            rate: rate(Number(r['positives']), Number(r['labeled'])),
        })));
    }
    const reasons = new Map(nullColumns.map((n) => [n.column, n.reason]));
    const columns = cols.map((c, i) => {
        const nonNull = Number(a[`n${i}`]);
        const lnull = Number(a[`ln${i}`]);
        const pnull = Number(a[`pn${i}`]);
        const lval = Number(a[`lv${i}`]);
        const pval = Number(a[`pv${i}`]);
        const out = {
            name: c.name,
            role: c.role,
            type: c.type,
            non_null: nonNull,
            coverage: rows > 0 ? nonNull / rows : 0,
            churn: {
                null: { rows: rows - nonNull, labeled: lnull, positives: pnull, rate: rate(pnull, lnull) },
                non_null: { rows: nonNull, labeled: lval, positives: pval, rate: rate(pval, lval) },
            },
        };
        const reason = reasons.get(c.name);
        if (reason !== undefined)
            out.null_reason = reason;
        if (c.type === 'number') {
            out.mean = num(a[`mean${i}`]);
            out.std = num(a[`std${i}`]);
            out.quantiles = quantiles.get(c.name) ?? {};
            out.deciles = deciles.get(c.name) ?? [];
        }
        else {
            out.levels = levels.get(c.name) ?? [];
        }
        return out;
    });
    const matrix = corrCols.map((_, i) => corrCols.map((__, j) => {
        if (i === j)
            return columns.find((c) => c.name === corrCols[i])?.non_null === 0 ? null : 1;
        const v = num(a[`c${Math.min(i, j)}_${Math.max(i, j)}`]);
        return v === null || Number.isNaN(v) ? null : v;
    }));
    return {
        kind: 'churnkit.feature_qa',
        version: 1,
        rows,
        accounts: Number(ov['accounts']),
        as_of: {
            first: ov['first'] ?? null,
            last: ov['last'] ?? null,
            count: Number(ov['dates']),
        },
        label: { column: LABEL_COLUMN, labeled, censored: rows - labeled, positives, rate: rate(positives, labeled) },
        columns,
        correlation: { columns: corrCols, matrix },
    };
}
/** FROM item reading a feature table file (.csv or .parquet) with the feature table's column types. */
export function featureTableReader(path) {
    if (featureFileFormat(path) === 'parquet')
        return `read_parquet(${quoteLiteral(path)})`;
    const columns = Object.entries(FEATURE_TABLE_TYPES)
        .map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`)
        .join(', ');
    return `read_csv(${quoteLiteral(path)}, header = true, columns = {${columns}})`;
}
/** QA summary of a feature table file, in a private DuckDB (for reports and notebooks). */
export async function featureQaOfFile(path) {
    const db = await openDuckDB();
    try {
        await db.connection.run(`CREATE VIEW feature_file AS SELECT * FROM ${featureTableReader(path)}`);
        const names = (await db.connection.runAndReadAll('DESCRIBE feature_file')).getRowsJS().map((r) => String(r[0]));
        return await featureQa(db.connection, 'feature_file', { featureSet: featureSetOfColumns(names) });
    }
    finally {
        db.close();
    }
}
/**
 * Copies a churnkit feature table file to Parquet, keeping the rows with as_of on or after `from`
 * (all rows without it), through a temporary sibling. Returns the rows kept.
 */
export async function copyFeatureTable(path, out, from) {
    if (from !== undefined && isoDay(from) === undefined)
        throw new UsageError(`--from must be a date YYYY-MM-DD, got "${from}"`);
    const db = await openDuckDB();
    try {
        const where = from === undefined ? '' : ` WHERE as_of >= DATE ${quoteLiteral(from)}`;
        const rows = await withAtomicFile(out, async (tmp) => {
            const reader = await db.connection.runAndReadAll(`COPY (SELECT * FROM ${featureTableReader(path)}${where} ORDER BY as_of, account_id) TO ${quoteLiteral(tmp)} (FORMAT parquet, COMPRESSION zstd)`);
            const n = Number(reader.getRowsJS()[0]?.[0] ?? 0);
            if (n === 0)
                throw new UsageError(`--from ${from}: ${path} has no row with as_of on or after it`);
            return n;
        });
        return rows;
    }
    finally {
        db.close();
    }
}
const fmt = (v, digits = 3) => {
    if (v === null || v === undefined || Number.isNaN(v))
        return '—';
    if (Number.isInteger(v) && Math.abs(v) < 1e12)
        return String(v);
    const a = Math.abs(v);
    return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(2) : v.toFixed(digits);
};
const pct = (v) => v === null || v === undefined ? '—' : `${(100 * v).toFixed(1)}%`;
/** The QA summary as Markdown, for `<out>.qa.md` and reports. */
/** The data coverage section: each source's first and last record and the snapshot rows outside them. */
function coverageMarkdown(c) {
    const out = [
        '',
        '## Data coverage',
        '',
        `First account started ${c.first_start ?? '—'}; data_end ${c.data_end}. A source starts late (ends early) when its first (last) record is more than ${c.grace_days} days after the first account started (before data_end). Rows outside a source keep their feature definitions: a row before usage begins has zero_usage_14d = true.`,
        '',
        '| source | by | records | first | last | rows on or before first | rows after last | |',
        '|---|---|---:|---|---|---:|---:|---|',
    ];
    for (const s of c.sources) {
        const flags = [s.starts_late ? 'starts late' : '', s.ends_early ? 'ends early' : ''].filter(Boolean).join(', ');
        out.push(`| ${s.table} | \`${s.column}\` | ${s.rows} | ${s.first ?? '—'} | ${s.last ?? '—'} | ${s.rows_before} | ${s.rows_after} | ${flags} |`);
    }
    if (c.absent.length)
        out.push('', `Absent tables: ${c.absent.join(', ')}.`);
    if (c.usage.windows_covered_from)
        out.push('', `Usage windows (${c.usage.windows_days} days) are wholly covered from ${c.usage.windows_covered_from}; ${c.usage.rows_partial} rows see only part of them.${c.usage.suggested_from ? ` Suggested: \`--from ${c.usage.suggested_from}\`.` : ''}`);
    if (c.warnings.length) {
        out.push('', '**Warnings**', '');
        for (const w of c.warnings)
            out.push(`- ${w}`);
    }
    return out;
}
export function renderQaMarkdown(qa, title = 'Feature QA') {
    const lines = [];
    const l = (s = '') => lines.push(s);
    l(`# ${title}`);
    l();
    l(`- rows: ${qa.rows} (${qa.accounts} accounts, ${qa.as_of.count} as-of dates ${qa.as_of.first ?? '—'} … ${qa.as_of.last ?? '—'})`);
    l(`- label \`${qa.label.column}\`: ${qa.label.labeled} labeled, ${qa.label.censored} censored, ${qa.label.positives} positive (churn rate ${pct(qa.label.rate)})`);
    const allNull = qa.columns.filter((c) => c.non_null === 0);
    if (allNull.length) {
        l();
        l('NULL for all rows:');
        for (const c of allNull)
            l(`- \`${c.name}\`${c.null_reason ? ` (${c.null_reason})` : ''}`);
    }
    if (qa.coverage)
        lines.push(...coverageMarkdown(qa.coverage));
    l();
    l('## Coverage and distribution');
    l();
    l('| column | coverage | mean | p1 | p25 | p50 | p75 | p99 | churn if NULL | churn if not NULL |');
    l('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const c of qa.columns) {
        const qv = c.quantiles ?? {};
        l(`| \`${c.name}\` | ${pct(c.coverage)} | ${fmt(c.mean)} | ${fmt(qv['p1'])} | ${fmt(qv['p25'])} | ${fmt(qv['p50'])} | ${fmt(qv['p75'])} | ${fmt(qv['p99'])} | ${pct(c.churn.null.rate)} | ${pct(c.churn.non_null.rate)} |`);
    }
    l();
    l('## Churn rate per decile (of non-NULL rows, low to high value)');
    l();
    l(`| column | ${Array.from({ length: 10 }, (_, i) => `D${i + 1}`).join(' | ')} |`);
    l(`|---|${Array.from({ length: 10 }, () => '---:').join('|')}|`);
    for (const c of qa.columns.filter((c) => c.deciles?.length)) {
        const cells = Array.from({ length: 10 }, (_, i) => pct(c.deciles.find((d) => d.decile === i + 1)?.rate ?? null));
        l(`| \`${c.name}\` | ${cells.join(' | ')} |`);
    }
    const withLevels = qa.columns.filter((c) => c.levels?.length);
    if (withLevels.length) {
        l();
        l('## Churn rate per value');
        l();
        l('| column | value | rows | labeled | churn rate |');
        l('|---|---|---:|---:|---:|');
        for (const c of withLevels)
            for (const v of c.levels)
                l(`| \`${c.name}\` | ${v.value} | ${v.rows} | ${v.labeled} | ${pct(v.rate)} |`);
    }
    l();
    l('## Correlation (Pearson, pairwise non-NULL)');
    l();
    const short = qa.correlation.columns.map((_, i) => `${i + 1}`);
    l(`| | ${short.join(' | ')} |`);
    l(`|---|${short.map(() => '---:').join('|')}|`);
    qa.correlation.matrix.forEach((row, i) => l(`| ${i + 1} \`${qa.correlation.columns[i]}\` | ${row.map((v) => fmt(v, 2)).join(' | ')} |`));
    l();
    return `${lines.join('\n')}`;
}
/** The columns of a QA summary that have NULLs, in feature-table order, with the reason. */
export function describeNulls(qa) {
    const notes = [];
    for (const c of qa.columns) {
        const nullRows = qa.rows - c.non_null;
        if (nullRows === 0)
            continue;
        const spec = featureSpec(c.name) ?? TRANSACTION_FEATURES.find((f) => f.name === c.name) ?? signalSpec(c.name);
        const reason = c.null_reason ?? spec?.nullWhen ?? (c.name === 'segment' ? 'accounts.segment is empty' : 'no value');
        notes.push({ column: c.name, null_rows: nullRows, null_share: qa.rows > 0 ? nullRows / qa.rows : 0, reason });
    }
    return notes;
}
//# sourceMappingURL=qa.js.map