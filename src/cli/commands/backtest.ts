import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'backtest',
    'walk-forward backtest of models and scorecards on the same folds',
    (cmd) =>
      cmd
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--models <list>', 'e.g. logistic,gbdt,scorecard:default')
        .requiredOption('--out <dir>', 'output folder')
        .option('--start <date>', 'first cutoff')
        .option('--step <period>', 'quarter or month', 'quarter')
        .option('--horizon <days>', 'label horizon in days', '90')
        .option('--capacity <k>', 'accounts a CS team can work per fold')
        .option('--seed <n>', 'random seed', '1'),
    async () => {
      throw new ChurnkitError('backtest is not built yet (issue 6)');
    },
  );
}
