import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'score',
    'score accounts with a scorecard',
    (cmd) =>
      cmd
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json) or default')
        .option('--features <file>', 'feature table')
        .option('--data <dir>', 'history dataset')
        .option('--as-of <date>', 'as-of date when scoring from --data')
        .requiredOption('--out <file>', 'scores (.csv or .parquet)'),
    async () => {
      throw new ChurnkitError('score is not built yet (issue 7)');
    },
  );
}
