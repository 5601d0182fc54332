/**
 * Every churnkit command, by name, with the one line `churnkit --help` shows for it. main.ts
 * imports only the module of the command being run (`load`), so `churnkit --version`, `--help`
 * and each command pay only for what that command uses: TensorFlow.js only for mlp and tfjs
 * export, Vega only for reports, Fastify only for serve, DuckDB only where data is read.
 *
 * To add a command: write src/cli/commands/<name>.ts exporting `register(program)` (its flags
 * and action, through defineCommand with the same name and description as here), then add one
 * line below. A command with subcommands (`artifact rehash`) is one entry whose module registers
 * the parent and its children. Inside a command module, import heavy libraries or whole areas
 * that only some flags need (PostgreSQL, a score history) with `await import(...)` where the
 * flag is handled. test/cli/registry.test.ts checks that each entry registers what it says and
 * that start-up loads none of the heavy packages.
 */
import type { Command } from 'commander';
export interface CommandModule {
    register(program: Command): void;
}
export interface CommandEntry {
    name: string;
    description: string;
    load(): Promise<CommandModule>;
}
/** Registration order is the order `churnkit --help` lists them in. */
export declare const COMMANDS: readonly CommandEntry[];
/**
 * The command a command line names: its first word that is not an option (`help score` names
 * `score`). The program itself has no options that take a value, so the first bare word is it.
 */
export declare function commandNamed(args: readonly string[]): string | undefined;
/**
 * Registers every command on `program`: the one `args` names with its module (flags and action),
 * every other by name and description only, enough for `churnkit --help` and for commander to
 * reject an unknown command.
 */
export declare function registerCommands(program: Command, args: readonly string[]): Promise<void>;
