/**
 * churnkit's history simulator: a deterministic B2B SaaS customer base in the input contract of
 * docs/history.md, with churn planted through the features of docs/features.md (see README.md in this folder).
 *
 *   simulate({ accounts: 2000, months: 24, seed: 7, out: 'data/demo' })
 *
 * Same options => byte-identical files. Rows go to spill files as they are made and stream from
 * there through DuckDB into Parquet (or CSV), so memory stays bounded at any size; the folder
 * appears atomically.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_NAMES } from '../data/index.js';
import { openDuckDB } from '../data/index.js';
import { writeOutputDir } from '../util/index.js';
import { UsageError } from '../util/index.js';
import { silentProgress } from '../util/index.js';
import { addMonthsToDay, isoDay, isoFromDay } from '../util/index.js';
import { buildCalendar } from './calendar.js';
import { AccountSimulator } from './model.js';
import { copySql, SPILL_COLUMNS, spillScanName } from './output.js';
import { resolveEffects } from './params.js';
import { registerSpillScan, SpillWriter } from './spill.js';
import { buildTruth } from './truth.js';
import { isDefaultTraits, PRESETS, resolveTraits, SMALL_HISTORY, } from './traits.js';
export { DRIVERS } from './params.js';
export { ARRIVALS, DEFAULT_TRAITS, PRESETS, SEASONAL_DIPS, seasonalDipFactor, SMALL_HISTORY, SMALL_HISTORY_ACCOUNTS, } from './traits.js';
export const DEFAULT_START = '2023-01-01';
export const TRUTH_FILE = 'truth.json';
const MAX_ACCOUNTS = 10_000_000;
const MAX_MONTHS = 600;
function validate(options) {
    const { accounts, seed } = options;
    if (options.preset !== undefined && !PRESETS.includes(options.preset))
        throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got "${String(options.preset)}"`);
    const months = options.months ?? (options.preset === 'small-history' ? SMALL_HISTORY.months : undefined);
    if (months === undefined)
        throw new UsageError('--months is required (or a --preset that sets it)');
    if (!Number.isInteger(accounts) || accounts < 1 || accounts > MAX_ACCOUNTS)
        throw new UsageError(`--accounts must be an integer from 1 to ${MAX_ACCOUNTS}, got ${accounts}`);
    if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS)
        throw new UsageError(`--months must be an integer from 1 to ${MAX_MONTHS}, got ${months}`);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new UsageError(`--seed must be an integer from 0 to 4294967295, got ${seed}`);
    const start = options.start ?? DEFAULT_START;
    const startEpochDay = isoDay(start);
    if (startEpochDay === undefined)
        throw new UsageError(`--start must be a date YYYY-MM-DD, got "${start}"`);
    const format = options.format ?? 'parquet';
    if (format !== 'parquet' && format !== 'csv')
        throw new UsageError(`--format must be parquet or csv, got "${String(format)}"`);
    const effects = resolveEffects(options.effects, (message) => {
        throw new UsageError(message);
    });
    const days = addMonthsToDay(startEpochDay, months) - startEpochDay;
    const traits = resolveTraits(options.traits, options.preset, startEpochDay, days);
    return { startEpochDay, start, months, format, effects, traits };
}
/** Files a simulation wrote before output folders carried a marker: the only ones it recognises as its own without one. */
function ownFile(path) {
    if (path === TRUTH_FILE)
        return true;
    return TABLE_NAMES.some((t) => path === `${t}.parquet` || path === `${t}.csv`);
}
export async function simulate(options) {
    const { startEpochDay, start, months, format, effects, traits } = validate(options);
    const { accounts, seed, out } = options;
    const progress = options.progress ?? silentProgress;
    const cal = buildCalendar(startEpochDay, months);
    const dataEnd = isoFromDay(startEpochDay + cal.days - 1);
    const idWidth = Math.max(5, String(accounts - 1).length);
    return writeOutputDir(out, { command: 'simulate', force: options.force, knownFiles: ownFile }, async (dir) => {
        const spillDir = join(dir, '.spill');
        await mkdir(spillDir);
        const sinks = {};
        try {
            for (const t of TABLE_NAMES)
                sinks[t] = new SpillWriter(join(spillDir, `${t}.bin`), SPILL_COLUMNS[t]);
            const sim = new AccountSimulator(cal, seed, effects, sinks, options.observe, traits);
            progress.start('simulating accounts', accounts);
            for (let a = 0; a < accounts; a++) {
                sim.run(a);
                if ((a & 63) === 0)
                    progress.tick(a);
            }
            progress.tick(accounts);
            for (const t of TABLE_NAMES)
                sinks[t].close();
            const files = {};
            const counts = {};
            const dbOptions = {
                memory_limit: '1GB',
                temp_directory: join(spillDir, 'duckdb.tmp'),
                preserve_insertion_order: 'true',
            };
            if (options.threads !== undefined)
                dbOptions['threads'] = String(options.threads);
            const db = await openDuckDB(':memory:', dbOptions);
            try {
                progress.start('writing tables', TABLE_NAMES.length);
                let done = 0;
                for (const t of TABLE_NAMES) {
                    files[t] = `${t}.${format}`;
                    counts[t] = sinks[t].rows;
                    registerSpillScan(db.connection, spillScanName(t), sinks[t].path, SPILL_COLUMNS[t]);
                    await db.connection.run(copySql(t, { start, idWidth }, join(dir, files[t]), format));
                    await rm(sinks[t].path);
                    progress.tick(++done);
                }
            }
            finally {
                db.close();
            }
            const truth = buildTruth({
                seed,
                accounts,
                months,
                start,
                dataEnd,
                format,
                effects,
                // Recorded only when set, so a default run's truth.json keeps its bytes.
                traits: isDefaultTraits(traits) && options.preset === undefined
                    ? undefined
                    : { preset: options.preset ?? null, ...traits },
                tally: sim.tally,
                counts,
                files,
            });
            await writeFile(join(dir, TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
            progress.done();
            return {
                out,
                format,
                accounts,
                months,
                seed,
                start,
                data_end: dataEnd,
                preset: options.preset ?? null,
                traits,
                files: { ...files, truth: TRUTH_FILE },
                counts,
                rows: TABLE_NAMES.reduce((s, t) => s + counts[t], 0),
                churned_accounts: truth.churn.churned_accounts,
                annual_churn_rate: truth.churn.annual_churn_rate,
                truth,
            };
        }
        finally {
            for (const t of TABLE_NAMES)
                sinks[t]?.dispose();
            await rm(spillDir, { recursive: true, force: true });
        }
    });
}
//# sourceMappingURL=index.js.map