import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'export-sql',
    'compile a scorecard (and its model) to one SQL query',
    (cmd) =>
      cmd
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json)')
        .requiredOption('--dialect <name>', 'duckdb or postgres')
        .option('--out <file>', 'write the SQL here instead of stdout'),
    async () => {
      throw new ChurnkitError('export-sql is not built yet (issue 10)');
    },
  );
}
