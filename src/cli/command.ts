import type { Command } from 'commander';
import { ChurnkitError, UsageError } from '../util/index.js';
import { createProgress, type Progress } from '../util/index.js';

/** What a command gets besides its flags: progress on a terminal and a channel for human output. */
export interface CommandIO {
  json: boolean;
  progress: Progress;
  /** A line for humans on stdout; suppressed with --json. */
  say(line: string): void;
  /** A warning on stderr (always shown; --json keeps stdout clean). */
  warn(line: string): void;
}

/**
 * Defines a subcommand whose action returns a summary object: printed as JSON on stdout with
 * --json, otherwise the command has already spoken through `io.say`. Errors become one line
 * on stderr and the error's exit code, so every command fails the same way.
 */
export function defineCommand<O extends Record<string, unknown>>(
  program: Command,
  name: string,
  description: string,
  configure: (cmd: Command) => Command,
  action: (opts: O, io: CommandIO, args: unknown[]) => Promise<unknown>,
): Command {
  const cmd = configure(program.command(name).description(description)).option(
    '--json',
    'print a machine-readable summary on stdout',
  );
  // commander calls the action with the positional arguments (if any), the options, the command.
  cmd.action(async (...received: unknown[]) => {
    const args = received.slice(0, -2);
    const opts = received.at(-2) as O & { json?: boolean };
    const json = Boolean(opts.json);
    const io: CommandIO = {
      json,
      progress: createProgress({ json }),
      say: (line) => {
        if (!json) process.stdout.write(`${line}\n`);
      },
      warn: (line) => process.stderr.write(`warning: ${line}\n`),
    };
    try {
      const summary = await action(opts, io, args);
      io.progress.done();
      if (json) process.stdout.write(`${JSON.stringify(summary ?? { ok: true }, null, 2)}\n`);
    } catch (err) {
      io.progress.done();
      reportError(err, json);
    }
  });
  return cmd;
}

export function reportError(err: unknown, json = false): never {
  const code = err instanceof ChurnkitError ? err.exitCode : 1;
  const message = err instanceof Error ? err.message : String(err);
  const oneLine = message.split('\n')[0]!;
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: oneLine, exit_code: code })}\n`);
  process.stderr.write(`churnkit: ${oneLine}\n`);
  if (process.env['CHURNKIT_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(code);
}

/** Parses an integer flag, with a usage error that names the flag. */
export function intOption(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new ChurnkitError(`${flag} must be an integer, got "${value}"`, 64);
    return n;
  };
}

/** Splits a comma-separated list flag. */
export function listOption(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A flag's value checked against its allowed values (undefined passes through). */
export function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
