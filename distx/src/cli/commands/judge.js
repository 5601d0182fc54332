import { extname } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { defineCommand } from '../command.js';
import { assertNotAnInput, csvField, UsageError, withAtomicFile } from '../../util/index.js';
import { isPostgresUrl } from '../../data/index.js';
import { JUDGMENT_BANDS, judgmentProblems, openScoreHistory, } from '../../history/index.js';
const utcToday = () => new Date().toISOString().slice(0, 10);
/** A judgment and the computed score beside it, as one line for people. */
export function judgmentLine(j) {
    const own = [j.band, j.score === null ? null : `score ${j.score}`].filter((x) => x !== null).join(', ');
    const computed = j.computed
        ? `computed ${j.computed.band} ${Math.round(j.computed.score * 10) / 10} (as of ${j.computed.as_of})`
        : 'no computed score on or before it';
    return `${j.as_of}  ${j.account_id}  ${j.author}: ${own}  beside ${computed}  "${j.reason}"`;
}
const CSV_COLUMNS = [
    'id',
    'account_id',
    'as_of',
    'band',
    'score',
    'reason',
    'author',
    'recorded_at',
    'source',
    'computed_as_of',
    'computed_score',
    'computed_band',
];
/** Judgments as CSV (what `backtest --judgments` reads back) or JSON. */
export function judgmentsText(rows, format) {
    if (format === 'json')
        return `${JSON.stringify(rows, null, 2)}\n`;
    const lines = [CSV_COLUMNS.join(',')];
    for (const j of rows) {
        const flat = {
            ...j,
            computed_as_of: j.computed?.as_of ?? null,
            computed_score: j.computed?.score ?? null,
            computed_band: j.computed?.band ?? null,
        };
        lines.push(CSV_COLUMNS.map((c) => csvField(flat[c])).join(','));
    }
    return `${lines.join('\n')}\n`;
}
async function run(flags, io) {
    if (!isPostgresUrl(flags.history) && /[\\/]$/.test(flags.history))
        throw new UsageError(`--history ${flags.history}: a score history is a DuckDB file or a postgres:// URL, not a folder`);
    if (flags.list) {
        for (const f of ['band', 'score', 'reason', 'as-of'])
            if (flags[f === 'as-of' ? 'asOf' : f] !== undefined)
                throw new UsageError(`--${f} records a judgment; --list only reads`);
        let format = null;
        if (flags.out !== undefined) {
            const ext = extname(flags.out).toLowerCase();
            if (ext !== '.csv' && ext !== '.json')
                throw new UsageError(`--out ${flags.out}: judgments are written as .csv or .json`);
            format = ext === '.csv' ? 'csv' : 'json';
            await assertNotAnInput(flags.out, { inputs: [flags.history] });
        }
        const history = await openScoreHistory(flags.history);
        try {
            const rows = await history.judgments({
                ...(flags.account ? { account_id: flags.account } : {}),
                ...(flags.author ? { author: flags.author } : {}),
            });
            if (flags.out !== undefined && format !== null) {
                const text = judgmentsText(rows, format);
                await withAtomicFile(flags.out, (tmp) => writeFile(tmp, text));
            }
            for (const j of rows)
                io.say(judgmentLine(j));
            io.say(`${rows.length} judgment${rows.length === 1 ? '' : 's'}${flags.out ? ` -> ${flags.out}` : ''}`);
            return { ok: true, judgments: rows, out: flags.out ?? null };
        }
        finally {
            await history.close();
        }
    }
    if (flags.out !== undefined)
        throw new UsageError('--out applies to --list');
    let score = null;
    if (flags.score !== undefined) {
        score = Number(flags.score);
        if (flags.score.trim() === '' || !Number.isFinite(score))
            throw new UsageError(`--score must be a number from 0 to 100, got "${flags.score}"`);
    }
    const band = flags.band === undefined ? null : flags.band.toUpperCase();
    const judgment = {
        account_id: flags.account ?? '',
        as_of: flags.asOf ?? utcToday(),
        band: band,
        score,
        reason: flags.reason ?? '',
        author: flags.author ?? '',
    };
    const problems = judgmentProblems(judgment);
    if (problems.length > 0) {
        const flag = {
            account_id: '--account',
            as_of: '--as-of',
            band: '--band',
            author: '--author',
        };
        const p = problems[0];
        throw new UsageError(p.field === 'band' && band === null && score === null
            ? `give --band ${JUDGMENT_BANDS.join('|')} or --score N (or both)`
            : `${flag[p.field] ?? `--${p.field}`} ${p.message}`);
    }
    const history = await openScoreHistory(flags.history);
    try {
        const stored = await history.judge(judgment, { source: 'cli' });
        io.say(`recorded judgment ${stored.id}: ${judgmentLine(stored)}`);
        if (!stored.computed)
            io.warn(`${stored.account_id} has no computed score in ${flags.history} on or before ${stored.as_of}: the judgment is kept, with nothing beside it yet`);
        return { ok: true, judgment: stored };
    }
    finally {
        await history.close();
    }
}
export function register(program) {
    defineCommand(program, 'judge', "record a CSM's own band or score for an account (kept beside the computed score), or list them", (cmd) => cmd
        .requiredOption('--history <db>', 'score history: a DuckDB file or postgres:// URL (as score --history)')
        .option('--account <id>', 'account_id of the account judged (with --list: only this account)')
        .option('--band <band>', `the CSM's band: ${JUDGMENT_BANDS.join(', ')}`)
        .option('--score <n>', "the CSM's score, 0-100")
        .option('--reason <text>', 'why, in a sentence')
        .option('--author <name>', 'who judged (with --list: only this author)')
        .option('--as-of <date>', 'the day the judgment speaks for, YYYY-MM-DD (default: today, UTC)')
        .option('--list', 'list the judgments, each beside the computed score on or before its as_of')
        .option('--out <file>', 'with --list: write them to .csv (what backtest --judgments reads) or .json'), run);
}
//# sourceMappingURL=judge.js.map