import type { Command } from 'commander';
import { type Progress } from '../util/index.js';
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
export declare function defineCommand<O extends Record<string, unknown>>(program: Command, name: string, description: string, configure: (cmd: Command) => Command, action: (opts: O, io: CommandIO, args: unknown[]) => Promise<unknown>): Command;
export declare function reportError(err: unknown, json?: boolean): never;
/** Parses an integer flag, with a usage error that names the flag. */
export declare function intOption(flag: string): (value: string) => number;
/** Splits a comma-separated list flag. */
export declare function listOption(value: string): string[];
/** A flag's value checked against its allowed values (undefined passes through). */
export declare function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined;
