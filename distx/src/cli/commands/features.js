import { basename, join } from 'node:path';
import { defineCommand, intOption, listOption } from '../command.js';
import { explainHistoryFailure, openHistory, TABLE_NAMES } from '../../data/index.js';
import { openDuckDB, queryRows, queryValue, quoteIdent } from '../../data/index.js';
import { buildFeaturesInPostgres, withPostgres } from '../../warehouse/index.js';
import { isPostgresUrl } from '../../data/index.js';
import { assertNoneAnInput, writeFileAtomic, groupDigits } from '../../util/index.js';
import { UsageError } from '../../util/index.js';
import { buildFeatures, configureEngine, dataCoverage, rowsByAsOf, describeNulls, featureFileFormat, featureQa, renderQaMarkdown, writeFeatureTable, EVERY_VALUES, EXPANSION_LABEL_COLUMN, EXPANSION_THRESHOLD, LABEL_KINDS, SEASONAL_FEATURES, } from '../../features/index.js';
export function register(program) {
    defineCommand(program, 'features', 'build point-in-time snapshots, the ten features, signals and labels', (cmd) => cmd
        .requiredOption('--data <dir>', 'history folder, DuckDB file or postgres:// URL')
        .requiredOption('--out <file>', 'feature table (.csv or .parquet); QA goes to <file>.qa.md and <file>.qa.json')
        .option('--every <period>', 'snapshot cadence: month, week or day', 'month')
        .option('--horizon <days>', 'label horizon in days', intOption('--horizon'), 90)
        .option('--data-end <date>', 'last day of data (default: the UTC day of the latest usage timestamp)')
        .option('--from <date>', 'snapshots start on the first as-of date on or after this day (e.g. where usage data begins; features still read earlier history)')
        .option('--label <kind>', 'churn, inactivity, or expansion (the churn label and expanded_within_90d: annual value up by --expansion-threshold)', 'churn')
        .option('--expansion-threshold <share>', 'with --label expansion: the least rise of annual value in effect that counts (default 0.1 = 10%)', Number)
        .option('--seasonal <list>', `usage trends to also compare with the same weeks a year earlier, as <name>_yoy columns: ${Object.keys(SEASONAL_FEATURES).join(', ')} (docs/seasonality.md)`, listOption)
        .option('--feature-set <set>', 'saas (the ten features), transactions (recency, frequency, monetary value of a purchase log) or auto', 'auto')
        .option('--config <file>', 'mapping file')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--threads <n>', 'DuckDB threads (default: all cores)', intOption('--threads'))
        .option('--memory-limit <size>', 'DuckDB memory limit, e.g. 2.5GB (default 2.5GB)'), (flags, io) => run(flags, io));
}
/**
 * The demo's features step (docs/cli.md, `demo`): the simulated history -> a feature table with
 * its QA, at `<root>/demo-features/features.parquet`. Later demo steps find the path in
 * `results.features.out`.
 */
export const featuresDemoStep = {
    name: 'features',
    title: 'building point-in-time features and labels',
    async run(ctx) {
        const out = join(ctx.root, 'demo-features', 'features.parquet');
        const quiet = { ...ctx.io, say: () => { } };
        // with the expansion label beside the churn label: the demo's "where to grow" trains on it
        const summary = (await run({ data: ctx.data, out, every: 'month', horizon: 90, label: 'expansion' }, quiet));
        ctx.io.say(`features  ${groupDigits(summary.rows)} snapshot rows over ${summary.as_of.count} as-of dates, ` +
            `${groupDigits(summary.qa.label.positives)} of ${groupDigits(summary.qa.label.labeled)} labeled rows churned within 90 days -> ${out} (QA: ${out}.qa.md)`);
        const { qa: _qa, ...rest } = summary;
        return rest;
    },
};
/** The command's work, for commands that chain it (recalibrate, demo). */
export async function run(flags, io) {
    const format = featureFileFormat(flags.out);
    if (!EVERY_VALUES.includes(flags.every))
        throw new UsageError(`--every must be one of ${EVERY_VALUES.join(', ')}, got "${flags.every}"`);
    if (!LABEL_KINDS.includes(flags.label))
        throw new UsageError(`--label must be one of ${LABEL_KINDS.join(', ')}, got "${flags.label}"`);
    const options = {
        every: flags.every,
        horizon: flags.horizon,
        label: flags.label,
        ...(flags.expansionThreshold === undefined ? {} : { expansionThreshold: flags.expansionThreshold }),
        featureSet: (flags.featureSet ?? 'auto'),
        ...(flags.dataEnd === undefined ? {} : { dataEnd: flags.dataEnd }),
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.seasonal === undefined ? {} : { seasonal: flags.seasonal }),
        progress: io.progress,
    };
    // postgres://: the feature SQL runs inside PostgreSQL; the finished table lands in a local DuckDB
    const inPostgres = isPostgresUrl(flags.data);
    if (inPostgres && flags.seasonal !== undefined)
        throw new UsageError('--seasonal runs on files and DuckDB; the PostgreSQL feature build does not have it yet');
    if (inPostgres && flags.config !== undefined)
        throw new UsageError('--config applies to files and DuckDB; for PostgreSQL name the schema in the URL (?options=-c%20search_path%3Dmy_schema)');
    const historyOptions = {
        ...(flags.config === undefined ? {} : { config: flags.config }),
        allowOutsideData: Boolean(flags.allowOutsideData),
    };
    const explain = async (err) => {
        throw await explainHistoryFailure(flags.data, historyOptions, err);
    };
    const history = inPostgres ? null : await openHistory(flags.data, historyOptions).catch(explain);
    const qaJson = `${flags.out}.qa.json`;
    const qaMd = `${flags.out}.qa.md`;
    try {
        await assertNoneAnInput([flags.out, qaJson, qaMd], { inputs: history?.inputFiles ?? [] });
    }
    catch (err) {
        history?.close();
        throw err;
    }
    const db = inPostgres ? await openDuckDB() : null;
    const connection = history?.connection ?? db.connection;
    let cleanup;
    try {
        cleanup = await configureEngine(connection, {
            ...(flags.threads === undefined ? {} : { threads: flags.threads }),
            ...(flags.memoryLimit === undefined ? {} : { memoryLimit: flags.memoryLimit }),
        });
        if (inPostgres)
            io.progress.start(`computing features in PostgreSQL`);
        const built = history
            ? await buildFeatures(history, options).catch(explain)
            : await withPostgres(flags.data, (client) => buildFeaturesInPostgres(client, connection, options));
        for (const w of built.warnings ?? [])
            io.warn(w);
        io.progress.start('feature QA');
        const coverage = dataCoverage(built.sources, await rowsByAsOf(connection, built.relation), built.dataEnd, TABLE_NAMES, built.featureSet);
        const qa = {
            ...(await featureQa(connection, built.relation, {
                nullColumns: built.nullColumns,
                featureSet: built.featureSet,
            })),
            coverage,
        };
        const nulls = describeNulls(qa);
        const expansion = built.label === 'expansion'
            ? (await queryRows(connection, `SELECT COUNT(${EXPANSION_LABEL_COLUMN}) AS labeled, SUM(${EXPANSION_LABEL_COLUMN}) AS positives FROM ${quoteIdent(built.relation)}`)).map((r) => ({
                column: EXPANSION_LABEL_COLUMN,
                threshold: flags.expansionThreshold ?? EXPANSION_THRESHOLD,
                labeled: Number(r.labeled),
                positives: Number(r.positives ?? 0),
                rate: Number(r.labeled) > 0 ? Number(r.positives ?? 0) / Number(r.labeled) : null,
            }))[0]
            : null;
        if (built.label === 'churn' && history?.tables.has('accounts')) {
            const churned = await queryValue(connection, `SELECT COUNT(*) FROM accounts WHERE churned_at IS NOT NULL`);
            if (Number(churned) === 0)
                io.warn('no account has a churned_at date, so every churn label is 0 or censored; for data without churn dates use --label inactivity');
        }
        // Everything is computed; only now do files appear, each through a temporary sibling.
        io.progress.start(`writing ${basename(flags.out)}`);
        const written = await writeFeatureTable(built, flags.out, { format });
        await writeFileAtomic(qaJson, `${JSON.stringify(qa, null, 2)}\n`);
        await writeFileAtomic(qaMd, renderQaMarkdown(qa, `Feature QA: ${basename(flags.out)}`));
        io.progress.done();
        const pct = (x) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
        io.say(`wrote ${flags.out}: ${groupDigits(written.rows)} rows (${groupDigits(built.accounts)} accounts, ${built.asOf.length} as-of dates ${built.asOf[0]} … ${built.asOf.at(-1)}), data_end ${built.dataEnd}`);
        io.say(`label ${built.label === 'expansion' ? 'churn' : built.label} within ${built.horizon}d: ${groupDigits(qa.label.labeled)} labeled, ${groupDigits(qa.label.positives)} positive (${pct(qa.label.rate)}), ${groupDigits(qa.label.censored)} censored`);
        if (expansion)
            io.say(`label expansion within ${built.horizon}d (annual value up ${100 * expansion.threshold}% or more): ${groupDigits(expansion.labeled)} labeled, ${groupDigits(expansion.positives)} positive (${pct(expansion.rate)}) in ${EXPANSION_LABEL_COLUMN}`);
        for (const n of nulls) {
            const line = n.null_rows === qa.rows
                ? `${n.column}: NULL for all rows (${n.reason})`
                : `${n.column}: NULL for ${pct(n.null_share)} of rows (${n.reason})`;
            if (n.null_rows === qa.rows)
                io.warn(line);
            else
                io.say(line);
        }
        for (const w of coverage.warnings)
            io.warn(w);
        io.say(`QA: ${qaMd}, ${qaJson}`);
        return {
            ok: true,
            out: flags.out,
            format,
            rows: written.rows,
            accounts: built.accounts,
            as_of: { first: built.asOf[0], last: built.asOf.at(-1), count: built.asOf.length, every: built.every },
            data_end: built.dataEnd,
            horizon: built.horizon,
            label: built.label,
            ...(expansion ? { expansion } : {}),
            feature_set: built.featureSet,
            null_features: nulls,
            coverage,
            qa_files: { json: qaJson, markdown: qaMd },
            qa,
        };
    }
    finally {
        history?.close();
        db?.close();
        await cleanup?.();
    }
}
//# sourceMappingURL=features.js.map