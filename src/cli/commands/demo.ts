import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'demo',
    'run the whole pipeline on simulated data',
    (cmd) =>
      cmd
        .option('--accounts <n>', 'accounts to simulate', '2000')
        .option('--months <n>', 'months of history', '24')
        .option('--seed <n>', 'random seed', '7')
        .option('--out <dir>', 'demo data folder', 'data/demo'),
    async () => {
      throw new ChurnkitError('demo is not built yet (issue 2)');
    },
  );
}
