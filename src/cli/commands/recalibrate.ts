import type { Command } from 'commander';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { defineCommand, intOption, type CommandIO } from '../command.js';
import { checkOutputDir, writeOutputDir, type OutputDirOptions } from '../../util/index.js';
import { DEFAULT_SCORECARD_PATH, loadScorecard } from '../../scorecard/index.js';
import { decidePromotion, diffMarkdown, weightChanges } from '../../report/index.js';
import { run as buildFeatureFile } from './features.js';
import { run as calibrate } from './calibrate.js';
import { run as backtest } from './backtest.js';
import { run as report } from './report.js';

interface RecalibrateFlags extends Record<string, unknown> {
  previous: string;
  data: string;
  out: string;
  force?: boolean;
  forceOut?: boolean;
  config?: string;
  allowOutsideData?: boolean;
  horizon: number;
  seed: number;
  bootstrap: number;
}

interface FidelityBands {
  auc: { calibrated: number; default: number };
  bands: Record<'calibrated' | 'default', Record<string, { churn_rate: number | null }>>;
}

/**
 * The quarter's run, into one folder that appears only when every step has succeeded:
 * features -> challenger calibrated on the champion's structure -> both backtested on the same
 * folds -> diff, decision, report -> `scorecard.json`, the card to use next quarter.
 */
async function run(flags: RecalibrateFlags, io: CommandIO) {
  const champion = await loadScorecard(flags.previous); // fails early, before any work
  const quiet: CommandIO = { ...io, say: () => {} };
  // --force already means "promote" here, so writing beside other files is --force-out.
  const output: OutputDirOptions = {
    command: 'recalibrate',
    force: Boolean(flags.forceOut),
    forceFlag: '--force-out',
    inputs: [flags.data, flags.previous === 'default' ? DEFAULT_SCORECARD_PATH : flags.previous, flags.config],
  };
  await checkOutputDir(flags.out, output);
  return writeOutputDir(flags.out, output, async (tmp) => {
    const at = (name: string) => join(tmp, name);
    const shown = (path: string) => join(flags.out, relative(tmp, path));
    io.say(`1/5 features from ${flags.data}`);
    const features = at('features.parquet');
    await buildFeatureFile(
      {
        data: flags.data,
        out: features,
        every: 'month',
        horizon: flags.horizon,
        label: 'churn',
        ...(flags.config ? { config: flags.config } : {}),
        allowOutsideData: Boolean(flags.allowOutsideData),
      },
      quiet,
    );

    await copyFile(flags.previous === 'default' ? DEFAULT_SCORECARD_PATH : flags.previous, at('champion.json'));
    io.say(`2/5 calibrating a challenger on the champion's layers, signals and overrides`);
    await calibrate(
      {
        features,
        base: at('champion.json'),
        reference: at('champion.json'),
        out: at('challenger.json'),
        horizon: flags.horizon,
        holdout: '0.3',
        seed: flags.seed,
        bootstrap: flags.bootstrap,
      },
      quiet,
    );
    const challenger = await loadScorecard(at('challenger.json'));
    const fidelity = JSON.parse(await readFile(at('challenger.fidelity.json'), 'utf8')) as FidelityBands;

    io.say('3/5 backtesting champion and challenger on the same walk-forward folds');
    const bt = await backtest(
      {
        features,
        models: ['logistic', `scorecard:${at('champion.json')}`, `scorecard:${at('challenger.json')}`],
        out: at('backtest'),
        step: 'quarter',
        horizon: flags.horizon,
        seed: flags.seed,
        param: ['logistic.l2=0.01'],
      },
      quiet,
    );

    const decision = decidePromotion(
      {
        championAuc: fidelity.auc.default,
        challengerAuc: fidelity.auc.calibrated,
        championRedRate: fidelity.bands.default['RED']?.churn_rate ?? null,
        challengerRedRate: fidelity.bands.calibrated['RED']?.churn_rate ?? null,
      },
      Boolean(flags.force),
    );
    io.say(`4/5 ${decision.promoted ? 'PROMOTED' : 'not promoted'}: ${decision.reason}`);
    const names = {
      previous: flags.previous === 'default' ? 'the shipped default scorecard' : flags.previous,
      next: 'the challenger',
    };
    await writeFile(at('diff.md'), diffMarkdown(champion, challenger, names, decision));
    const winner = decision.promoted ? at('challenger.json') : at('champion.json');
    await copyFile(winner, at('scorecard.json'));
    const pooled = bt.pooled as Record<string, unknown>;
    await writeFile(
      at('decision.json'),
      `${JSON.stringify({ kind: 'churnkit.recalibration', version: 1, ...decision, scorecard: decision.promoted ? 'challenger.json' : 'champion.json', previous: flags.previous, weights: weightChanges(champion, challenger), backtest: pooled }, null, 2)}\n`,
    );

    io.say('5/5 drawing the report');
    const notes = [
      `${decision.promoted ? 'Promoted' : 'Not promoted'}: ${decision.reason}. scorecard.json is the ${decision.promoted ? 'challenger' : 'champion, unchanged'}.`,
      'The challenger was fitted on this history, so in the walk-forward folds its numbers are partly in-sample; the promotion is judged on the later slice it was not fitted on (challenger.fidelity.md).',
    ];
    const rep = await report(
      {
        backtest: at('backtest'),
        out: at('report'),
        features,
        scorecard: at('challenger.json'),
        previous: at('champion.json'),
        title: 'Quarterly recalibration: champion against challenger',
        notes,
      },
      quiet,
    );
    io.say(
      `wrote ${flags.out}: scorecard.json (${decision.promoted ? 'challenger' : 'champion'}), decision.json, diff.md, report/index.html, backtest/, features.parquet`,
    );
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

export function register(program: Command): void {
  defineCommand<RecalibrateFlags>(
    program,
    'recalibrate',
    'the quarterly run: features, backtest, calibration, diff, report, promotion',
    (cmd) =>
      cmd
        .requiredOption('--previous <file>', 'current champion scorecard (or default)')
        .requiredOption('--data <dir>', 'history dataset')
        .requiredOption(
          '--out <dir>',
          "output folder, written only when the whole run succeeds: new, empty or churnkit's",
        )
        .option('--force', 'promote the challenger even if it does not beat the champion')
        .option('--force-out', 'write into a folder that holds files churnkit did not write (they are kept)')
        .option('--config <file>', 'mapping file for --data')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--horizon <days>', 'label horizon in days', intOption('--horizon'), 90)
        .option('--seed <n>', 'random seed', intOption('--seed'), 0)
        .option('--bootstrap <n>', 'bootstrap resamples for weight intervals', intOption('--bootstrap'), 200),
    run,
  );
}
