import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'features',
    'build point-in-time snapshots, the ten features, signals and labels',
    (cmd) =>
      cmd
        .requiredOption('--data <dir>', 'history folder, DuckDB file or postgres:// URL')
        .requiredOption('--out <file>', 'feature table (.csv or .parquet)')
        .option('--every <period>', 'snapshot cadence: month or week', 'month')
        .option('--horizon <days>', 'label horizon in days', '90')
        .option('--data-end <date>', 'last day of data (default: latest usage timestamp)')
        .option('--label <kind>', 'churn or inactivity', 'churn')
        .option('--config <file>', 'mapping file'),
    async () => {
      throw new ChurnkitError('features is not built yet (issue 3)');
    },
  );
}
