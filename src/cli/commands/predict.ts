import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'predict',
    'predict churn probabilities with a model artifact',
    (cmd) =>
      cmd
        .requiredOption('--model <file>', 'model artifact (.json)')
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--out <file>', 'predictions (.csv or .parquet)'),
    async () => {
      throw new ChurnkitError('predict is not built yet (issue 4)');
    },
  );
}
