import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'simulate',
    'generate a deterministic synthetic B2B SaaS history',
    (cmd) =>
      cmd
        .requiredOption('--accounts <n>', 'number of accounts')
        .requiredOption('--months <n>', 'months of history')
        .option('--seed <n>', 'random seed', '1')
        .requiredOption('--out <dir>', 'output folder'),
    async () => {
      throw new ChurnkitError('simulate is not built yet (issue 2)');
    },
  );
}
