import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'export',
    'export a model to another format',
    (cmd) =>
      cmd
        .requiredOption('--model <file>', 'model artifact (.json)')
        .requiredOption('--format <name>', 'tfjs')
        .requiredOption('--out <dir>', 'output folder'),
    async () => {
      throw new ChurnkitError('export is not built yet (issue 11)');
    },
  );
}
