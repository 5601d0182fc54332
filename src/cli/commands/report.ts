import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'report',
    'render a backtest as HTML, Markdown and PNG charts',
    (cmd) =>
      cmd
        .requiredOption('--backtest <dir>', 'backtest output folder')
        .requiredOption('--out <dir>', 'report folder'),
    async () => {
      throw new ChurnkitError('report is not built yet (issue 8)');
    },
  );
}
