import { mkdir } from 'node:fs/promises';
import { defineCommand, intOption } from '../command.js';
import { assertNoneAnInput, UsageError, groupDigits } from '../../util/index.js';
import { explainHistoryFailure, isPostgresUrl, openHistory } from '../../data/index.js';
import { attachRefreshedTable, configureEngine, featureFileFormat, featureSet, refreshFeatures, writeFeatureTable, EVERY_VALUES, } from '../../features/index.js';
async function run(flags, io) {
    if (flags.every !== undefined && !EVERY_VALUES.includes(flags.every))
        throw new UsageError(`--every must be one of ${EVERY_VALUES.join(', ')}, got "${flags.every}"`);
    if (isPostgresUrl(flags.data))
        throw new UsageError('refresh reads a folder or a DuckDB file; for PostgreSQL build with churnkit features');
    const format = flags.out === undefined ? null : featureFileFormat(flags.out);
    const historyOptions = {
        ...(flags.config === undefined ? {} : { config: flags.config }),
        allowOutsideData: Boolean(flags.allowOutsideData),
    };
    const explain = async (err) => {
        throw await explainHistoryFailure(flags.data, historyOptions, err);
    };
    io.progress.start(`opening ${flags.data}`);
    const history = await openHistory(flags.data, historyOptions).catch(explain);
    let cleanup;
    try {
        await assertNoneAnInput([flags.state, ...(flags.out ? [flags.out] : [])], { inputs: history.inputFiles });
        await mkdir(flags.state, { recursive: true });
        cleanup = await configureEngine(history.connection, {
            ...(flags.threads === undefined ? {} : { threads: flags.threads }),
            ...(flags.memoryLimit === undefined ? {} : { memoryLimit: flags.memoryLimit }),
        });
        const result = await refreshFeatures(history, flags.state, {
            ...(flags.every === undefined ? {} : { every: flags.every }),
            ...(flags.horizon === undefined ? {} : { horizon: flags.horizon }),
            ...(flags.from === undefined ? {} : { from: flags.from }),
            progress: io.progress,
        }).catch(explain);
        if (flags.out !== undefined && format !== null) {
            io.progress.start(`writing ${flags.out}`);
            const relation = await attachRefreshedTable(history, flags.state);
            await writeFeatureTable({ connection: history.connection, relation, sorted: true, columns: featureSet('saas').columns }, flags.out, { format });
        }
        const s = result.state;
        if (result.mode === 'full')
            io.say(`built ${groupDigits(result.rows)} rows, ${result.rebuilt.count} ${s.every === 'day' ? 'daily' : `${s.every}ly`} as-of dates ${s.first_as_of} … ${s.last_as_of} (data_end ${s.data_end}); state in ${flags.state}`);
        else {
            for (const l of result.late)
                io.say(l.table === 'tables' || l.table === 'engine'
                    ? `the ${l.table === 'tables' ? 'set of tables' : 'DuckDB version'} changed since the last run: every as-of date rebuilt`
                    : `${l.table}: records visible before ${result.previous_data_end} changed from ${l.day} (late or edited data)`);
            io.say(`refreshed ${flags.state}: data_end ${result.previous_data_end} -> ${s.data_end}; rebuilt ${result.rebuilt.count} as-of date${result.rebuilt.count === 1 ? '' : 's'}${result.rebuilt.first ? ` (${result.rebuilt.first} … ${result.rebuilt.last})` : ''}, ${groupDigits(result.rows_built)} rows${result.rebuilt_from ? `, from ${result.rebuilt_from} on because of the changes above` : ''}; ${groupDigits(result.labels_changed)} labels of kept rows changed; ${groupDigits(result.rows)} rows in all`);
        }
        if (flags.out)
            io.say(`wrote ${flags.out}`);
        return { ok: true, state_dir: flags.state, out: flags.out ?? null, ...result };
    }
    finally {
        await cleanup?.();
        history.close();
    }
}
export function register(program) {
    defineCommand(program, 'refresh', 'keep a daily feature table up to date: rebuild only the as-of dates new data touched', (cmd) => cmd
        .requiredOption('--data <dir>', 'history dataset (folder or DuckDB file), with the new data')
        .requiredOption('--state <dir>', 'state folder: the feature table and what the last run saw (created by the first run)')
        .option('--out <file>', 'also write the whole feature table (.csv or .parquet), as churnkit features would')
        .option('--every <period>', 'snapshot cadence of a new state: day (default), week or month')
        .option('--horizon <days>', 'label horizon of a new state (default 90)', intOption('--horizon'))
        .option('--from <date>', 'first as-of date of a new state')
        .option('--config <file>', 'mapping file')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--threads <n>', 'DuckDB threads', intOption('--threads'))
        .option('--memory-limit <size>', "DuckDB memory limit, e.g. '4GB'"), run);
}
//# sourceMappingURL=refresh.js.map