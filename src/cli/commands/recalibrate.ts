import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'recalibrate',
    'the quarterly run: features, backtest, calibration, diff, report, promotion',
    (cmd) =>
      cmd
        .requiredOption('--previous <file>', 'current champion scorecard')
        .requiredOption('--data <dir>', 'history dataset')
        .requiredOption('--out <dir>', 'output folder')
        .option('--force', 'promote the challenger even if it does not beat the champion'),
    async () => {
      throw new ChurnkitError('recalibrate is not built yet (issue 8)');
    },
  );
}
