#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { reportError } from './command.js';
import { VERSION } from '../util/index.js';
import { registerCommands } from './registry.js';

const program = new Command()
  .name('churnkit')
  .description('Churn prediction and health-score calibration for Customer Success Operations')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

await registerCommands(program, process.argv.slice(2));
exitOverrideAll(program);

/** Commander exits the process itself unless told otherwise, on every level of subcommand. */
function exitOverrideAll(command: Command): void {
  for (const sub of command.commands) {
    sub.exitOverride();
    exitOverrideAll(sub);
  }
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are successes; commander has already printed its message.
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      process.exit(0);
    process.exit(64);
  }
  reportError(err);
}
