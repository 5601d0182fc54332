import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'validate',
    'check a history dataset against the input contract',
    (cmd) =>
      cmd
        .requiredOption('--data <dir>', 'history folder or DuckDB file')
        .option('--config <file>', 'mapping file (default: churnkit.config.json in --data)'),
    async () => {
      throw new ChurnkitError('validate is not built yet (issue 2)');
    },
  );
}
