import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { defineCommand, intOption } from '../command.js';
import { checkOutputDir, isoDay, UsageError, writeOutputDir } from '../../util/index.js';
import { copyFeatureTable } from '../../features/index.js';
import { isShippedScorecard, loadScorecard, resolveScorecardRef } from '../../scorecard/index.js';
import { decidePromotion, diffMarkdown, weightChanges } from '../../report/index.js';
import { run as buildFeatureFile } from './features.js';
import { DEFAULT_SEGMENT_POOLING } from '../../scorecard/calibrate/index.js';
import { run as calibrate } from './calibrate.js';
import { familyParams, run as backtest } from './backtest.js';
import { run as report } from './report.js';
/**
 * The quarter's run, into one folder that appears only when every step has succeeded:
 * features -> challenger calibrated on the champion's structure -> both backtested on the same
 * folds -> diff, decision, report -> `scorecard.json`, the card to use next quarter.
 */
async function run(flags, io) {
    if ((flags.data === undefined) === (flags.features === undefined))
        throw new UsageError('recalibrate needs --data DIR (a history) or --features FILE (a feature table), one of them');
    if (flags.features !== undefined && flags.config !== undefined)
        throw new UsageError('--config maps a history (--data); a feature table (--features) needs none');
    if (flags.from !== undefined && isoDay(flags.from) === undefined)
        throw new UsageError(`--from must be a date YYYY-MM-DD, got "${flags.from}"`);
    const params = flags.param;
    familyParams(params); // a malformed --param fails before any work
    const champion = await loadScorecard(flags.previous); // fails early, before any work
    const quiet = { ...io, say: () => { } };
    // --force already means "promote" here, so writing beside other files is --force-out.
    const output = {
        command: 'recalibrate',
        force: Boolean(flags.forceOut),
        forceFlag: '--force-out',
        inputs: [flags.data, flags.features, resolveScorecardRef(flags.previous), flags.config],
    };
    await checkOutputDir(flags.out, output);
    return writeOutputDir(flags.out, output, async (tmp) => {
        const at = (name) => join(tmp, name);
        const shown = (path) => join(flags.out, relative(tmp, path));
        const features = at('features.parquet');
        if (flags.data !== undefined) {
            io.say(`1/5 features from ${flags.data}${flags.from ? ` (snapshots from ${flags.from})` : ''}`);
            const built = await buildFeatureFile({
                data: flags.data,
                out: features,
                every: 'month',
                horizon: flags.horizon,
                label: 'churn',
                ...(flags.from ? { from: flags.from } : {}),
                ...(flags.config ? { config: flags.config } : {}),
                allowOutsideData: Boolean(flags.allowOutsideData),
            }, quiet);
            for (const w of built.coverage.warnings)
                io.warn(w);
        }
        else {
            io.say(`1/5 features: ${flags.features}${flags.from ? ` (rows from ${flags.from})` : ''}`);
            await copyFeatureTable(flags.features, features, flags.from);
        }
        await copyFile(resolveScorecardRef(flags.previous), at('champion.json'));
        // A champion with weights per segment is refitted per segment, with its own pooling: the
        // challenger keeps the structure it is compared with, and next quarter's card keeps it too.
        const perSegment = Object.keys(champion.segment_weights ?? {}).length > 0;
        io.say(`2/5 calibrating a challenger on the champion's layers, signals and overrides${perSegment ? `, with weights per segment (pooling k = ${champion.segment_pooling ?? DEFAULT_SEGMENT_POOLING})` : ''}`);
        await calibrate({
            features,
            base: at('champion.json'),
            reference: at('champion.json'),
            out: at('challenger.json'),
            horizon: flags.horizon,
            holdout: '0.3',
            seed: flags.seed,
            bootstrap: flags.bootstrap,
            ...(perSegment ? { by: 'segment', pooling: String(champion.segment_pooling ?? DEFAULT_SEGMENT_POOLING) } : {}),
        }, quiet);
        const challenger = await loadScorecard(at('challenger.json'));
        const fidelity = JSON.parse(await readFile(at('challenger.fidelity.json'), 'utf8'));
        io.say('3/5 backtesting champion and challenger on the same walk-forward folds');
        const bt = await backtest({
            features,
            models: [flags.model, `scorecard:${at('champion.json')}`, `scorecard:${at('challenger.json')}`],
            out: at('backtest'),
            step: 'quarter',
            horizon: flags.horizon,
            seed: flags.seed,
            param: params,
            ...(flags.start ? { start: flags.start } : {}),
        }, quiet);
        for (const note of bt.notes)
            io.warn(note);
        for (const f of bt.skipped_folds)
            io.say(`    skipped the fold at ${f.cutoff}: ${f.reason}`);
        const decision = decidePromotion({
            championAuc: fidelity.auc.default,
            challengerAuc: fidelity.auc.calibrated,
            championRedRate: fidelity.bands.default['RED']?.churn_rate ?? null,
            challengerRedRate: fidelity.bands.calibrated['RED']?.churn_rate ?? null,
        }, Boolean(flags.force));
        io.say(`4/5 ${decision.promoted ? 'PROMOTED' : 'not promoted'}: ${decision.reason}`);
        const names = {
            previous: flags.previous === 'default'
                ? 'the shipped default scorecard'
                : isShippedScorecard(flags.previous)
                    ? `the shipped scorecard ${flags.previous}`
                    : flags.previous,
            next: 'the challenger',
        };
        await writeFile(at('diff.md'), diffMarkdown(champion, challenger, names, decision));
        const winner = decision.promoted ? at('challenger.json') : at('champion.json');
        await copyFile(winner, at('scorecard.json'));
        const pooled = bt.pooled;
        await writeFile(at('decision.json'), `${JSON.stringify({ kind: 'churnkit.recalibration', version: 1, ...decision, scorecard: decision.promoted ? 'challenger.json' : 'champion.json', previous: flags.previous, weights: weightChanges(champion, challenger), backtest: pooled }, null, 2)}\n`);
        io.say('5/5 drawing the report');
        const notes = [
            `${decision.promoted ? 'Promoted' : 'Not promoted'}: ${decision.reason}. scorecard.json is the ${decision.promoted ? 'challenger' : 'champion, unchanged'}.`,
            'The challenger was fitted on this history, so in the walk-forward folds its numbers are partly in-sample; the promotion is judged on the later slice it was not fitted on (challenger.fidelity.md).',
        ];
        const rep = await report({
            backtest: at('backtest'),
            out: at('report'),
            features,
            scorecard: at('challenger.json'),
            previous: at('champion.json'),
            title: 'Quarterly recalibration: champion against challenger',
            notes,
        }, quiet);
        io.say(`wrote ${flags.out}: scorecard.json (${decision.promoted ? 'challenger' : 'champion'}), decision.json, diff.md, report/index.html, backtest/, features.parquet`);
        return {
            ok: true,
            out: flags.out,
            promoted: decision.promoted,
            forced: decision.forced,
            reason: decision.reason,
            evidence: decision.evidence,
            scorecard: join(flags.out, 'scorecard.json'),
            report: shown(rep.html),
        };
    });
}
export function register(program) {
    defineCommand(program, 'recalibrate', 'the quarterly run: features, backtest, calibration, diff, report, promotion', (cmd) => cmd
        .requiredOption('--previous <file>', 'current champion scorecard (.json, default or preset:NAME)')
        .option('--data <dir>', 'history dataset (or --features)')
        .option('--features <file>', 'a feature table to use instead of building one from --data')
        .option('--from <date>', 'snapshots (rows) start on this day: leave out a bad early period, e.g. before usage data begins')
        .option('--start <date>', 'first backtest cutoff (default: see churnkit backtest --help)')
        .option('--param <family.key=value>', 'backtest model hyperparameter, e.g. logistic.l2=0.1 (repeatable)', (v, prev) => [...prev, v], [])
        .requiredOption('--out <dir>', "output folder, written only when the whole run succeeds: new, empty or churnkit's")
        .option('--force', 'promote the challenger even if it does not beat the champion')
        .option('--force-out', 'write into a folder that holds files churnkit did not write (they are kept)')
        .option('--config <file>', 'mapping file for --data')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--horizon <days>', 'label horizon in days', intOption('--horizon'), 90)
        .option('--seed <n>', 'random seed', intOption('--seed'), 0)
        .option('--bootstrap <n>', 'bootstrap resamples for weight intervals', intOption('--bootstrap'), 200)
        .option('--model <family>', 'model backtested beside the scorecards: logistic, gbdt, mlp or auto (chosen per fold by inner time-ordered validation)', 'logistic'), run);
}
//# sourceMappingURL=recalibrate.js.map