import type { Command } from 'commander';
import { defineCommand } from '../command.js';
import { ChurnkitError } from '../../util/errors.js';

export function register(program: Command): void {
  defineCommand(
    program,
    'serve',
    'serve scores over HTTP',
    (cmd) =>
      cmd
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json)')
        .option('--port <n>', 'port', '8080')
        .option('--host <host>', 'host', '127.0.0.1')
        .option('--api-key-file <file>', 'file of accepted API keys, one per line')
        .option('--history <db>', 'score history: DuckDB file or postgres:// URL'),
    async () => {
      throw new ChurnkitError('serve is not built yet (issue 9)');
    },
  );
}
