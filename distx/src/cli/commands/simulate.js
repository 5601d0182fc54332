import { readFile } from 'node:fs/promises';
import { defineCommand, intOption } from '../command.js';
import { UsageError, groupDigits } from '../../util/index.js';
import { ARRIVALS, DEFAULT_TRAITS, PRESETS, SMALL_HISTORY, SMALL_HISTORY_ACCOUNTS, simulate, } from '../../simulate/index.js';
async function readEffects(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch {
        throw new UsageError(`--effects ${path}: cannot read the file`);
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new UsageError(`--effects ${path}: not valid JSON (${err.message})`);
    }
}
/** The non-default traits in words, or '' for a default world. */
function describeTraits(traits) {
    const parts = [];
    if (traits.arrivals !== DEFAULT_TRAITS.arrivals)
        parts.push(`arrivals ${traits.arrivals}`);
    if (traits.championFromStart)
        parts.push('a champion on every account from its first day');
    if (traits.usageFrom !== null)
        parts.push(`usage recorded from ${traits.usageFrom}`);
    if (traits.seasonalUsage)
        parts.push('deep seasonal usage dips (Jul 20 - Aug 20, Dec 20 - Jan 4) that carry no churn risk');
    return parts.join(', ');
}
export function register(program) {
    defineCommand(program, 'simulate', 'generate a deterministic synthetic B2B SaaS history', (cmd) => cmd
        .requiredOption('--accounts <n>', 'number of accounts', intOption('--accounts'))
        .option('--months <n>', `months of history (required unless --preset sets it)`, intOption('--months'))
        .option('--seed <n>', 'random seed', intOption('--seed'), 1)
        .requiredOption('--out <dir>', 'output folder: new, empty or written by churnkit before')
        .option('--force', 'write into a folder that holds other files (they are kept)')
        .option('--format <format>', 'parquet or csv', 'parquet')
        .option('--start <date>', 'first day of the history, YYYY-MM-DD', '2023-01-01')
        .option('--effects <file>', 'JSON that re-weights the planted drivers, e.g. {"layers": {"usage": 3}}')
        .option('--preset <name>', `${PRESETS.join(', ')}: a small B2B history (${SMALL_HISTORY.months} months, --arrivals ${SMALL_HISTORY.arrivals}, ` +
        `--champion-from-start, usage from month ${SMALL_HISTORY.usageFromMonths + 1}); flags given override its parts`)
        .option('--arrivals <shape>', `when accounts start: ${ARRIVALS.join(', ')} (growing = many young accounts)`)
        .option('--champion-from-start', 'every account has a champion contact from its first day')
        .option('--usage-from <date>', 'usage is recorded from this day only (an analytics tool adopted late)')
        .option('--seasonal-usage', 'deep seasonal usage dips every year (summer, year end) that carry no churn risk: for seasonal features'), async (opts, io) => {
        const effects = opts.effects ? await readEffects(opts.effects) : undefined;
        const preset = opts.preset;
        if (preset === 'small-history') {
            const [lo, hi] = SMALL_HISTORY_ACCOUNTS;
            if (opts.accounts < lo || opts.accounts > hi)
                io.warn(`--preset small-history is meant for ${lo} to ${hi} accounts; simulating ${opts.accounts}`);
        }
        const summary = await simulate({
            accounts: opts.accounts,
            months: opts.months,
            seed: opts.seed,
            out: opts.out,
            format: opts.format,
            start: opts.start,
            effects,
            preset,
            traits: {
                arrivals: opts.arrivals,
                championFromStart: opts.championFromStart,
                usageFrom: opts.usageFrom,
                seasonalUsage: opts.seasonalUsage,
            },
            force: Boolean(opts.force),
            progress: io.progress,
        });
        io.say(`simulated ${groupDigits(summary.accounts)} accounts over ${summary.months} months ` +
            `(${summary.start} to ${summary.data_end}) into ${summary.out}`);
        const traits = describeTraits(summary.traits);
        if (traits)
            io.say(`  ${summary.preset ? `preset ${summary.preset}: ` : ''}${traits}`);
        for (const [table, n] of Object.entries(summary.counts))
            io.say(`  ${table.padEnd(13)} ${groupDigits(n).padStart(13)} rows`);
        io.say(`  churned ${groupDigits(summary.churned_accounts)} accounts, ${(summary.annual_churn_rate * 100).toFixed(1)}% a year; planted effects in truth.json`);
        const { truth, ...rest } = summary;
        return { ok: true, ...rest, layer_strength: truth.layer_strength };
    });
}
//# sourceMappingURL=simulate.js.map