import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'calibrate',
    'fit scorecard points, weights and bands to observed churn',
    (cmd) =>
      cmd
        .requiredOption('--features <file>', 'feature table')
        .option('--model <file>', 'model artifact to distil')
        .requiredOption('--out <file>', 'scorecard artifact (.json)'),
    async () => {
      throw new ChurnkitError('calibrate is not built yet (issue 7)');
    },
  );
}
