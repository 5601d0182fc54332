import { ChurnkitError, UsageError } from '../util/index.js';
import { createProgress } from '../util/index.js';
/**
 * Defines a subcommand whose action returns a summary object: printed as JSON on stdout with
 * --json, otherwise the command has already spoken through `io.say`. Errors become one line
 * on stderr and the error's exit code, so every command fails the same way.
 */
export function defineCommand(program, name, description, configure, action) {
    const cmd = configure(program.command(name).description(description)).option('--json', 'print a machine-readable summary on stdout');
    // commander calls the action with the positional arguments (if any), the options, the command.
    cmd.action(async (...received) => {
        const args = received.slice(0, -2);
        const opts = received.at(-2);
        const json = Boolean(opts.json);
        const io = {
            json,
            progress: createProgress({ json }),
            say: (line) => {
                if (!json)
                    process.stdout.write(`${line}\n`);
            },
            warn: (line) => process.stderr.write(`warning: ${line}\n`),
        };
        try {
            const summary = await action(opts, io, args);
            io.progress.done();
            if (json)
                process.stdout.write(`${JSON.stringify(summary ?? { ok: true }, null, 2)}\n`);
        }
        catch (err) {
            io.progress.done();
            reportError(err, json);
        }
    });
    return cmd;
}
export function reportError(err, json = false) {
    const code = err instanceof ChurnkitError ? err.exitCode : 1;
    const message = err instanceof Error ? err.message : String(err);
    const oneLine = message.split('\n')[0];
    if (json)
        process.stdout.write(`${JSON.stringify({ ok: false, error: oneLine, exit_code: code })}\n`);
    process.stderr.write(`churnkit: ${oneLine}\n`);
    if (process.env['CHURNKIT_DEBUG'] && err instanceof Error && err.stack)
        process.stderr.write(`${err.stack}\n`);
    process.exit(code);
}
/** Parses an integer flag, with a usage error that names the flag. */
export function intOption(flag) {
    return (value) => {
        const n = Number(value);
        if (!Number.isInteger(n))
            throw new ChurnkitError(`${flag} must be an integer, got "${value}"`, 64);
        return n;
    };
}
/** Splits a comma-separated list flag. */
export function listOption(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** A flag's value checked against its allowed values (undefined passes through). */
export function choice(flag, value, allowed) {
    if (value === undefined)
        return undefined;
    if (!allowed.includes(value))
        throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
    return value;
}
//# sourceMappingURL=command.js.map