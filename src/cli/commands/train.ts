import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'train',
    'train a churn model on a feature table',
    (cmd) =>
      cmd
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--model <family>', 'logistic, gbdt or mlp')
        .requiredOption('--out <file>', 'model artifact (.json)')
        .option('--label <col>', 'label column', 'churned_within_90d')
        .option('--columns <list>', 'feature columns (comma-separated)')
        .option('--categorical <list>', 'categorical columns to one-hot encode'),
    async () => {
      throw new ChurnkitError('train is not built yet (issue 4)');
    },
  );
}
