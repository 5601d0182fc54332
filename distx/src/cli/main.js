#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { reportError } from './command.js';
import { VERSION } from '../util/index.js';
import { registerCommands } from './registry.js';
// A reader that closed its end (`churnkit validate ... | head -1`) has all it wanted: stop quietly,
// with success, instead of a stack trace from a write that can no longer land.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err) => {
        if (err.code === 'EPIPE')
            process.exit(0);
        throw err;
    });
}
const program = new Command()
    .name('churnkit')
    .description('Churn prediction and health-score calibration for Customer Success Operations')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
await registerCommands(program, process.argv.slice(2));
exitOverrideAll(program);
/** Commander exits the process itself unless told otherwise, on every level of subcommand. */
function exitOverrideAll(command) {
    for (const sub of command.commands) {
        sub.exitOverride();
        exitOverrideAll(sub);
    }
}
try {
    await program.parseAsync(process.argv);
}
catch (err) {
    if (err instanceof CommanderError) {
        // Help and version are successes; commander has already printed its message.
        if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
            process.exit(0);
        process.exit(64);
    }
    reportError(err);
}
//# sourceMappingURL=main.js.map