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
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'simulate',
    description: 'generate a deterministic synthetic B2B SaaS history',
    load: () => import('./commands/simulate.js'),
  },
  {
    name: 'init',
    description: 'draft churnkit.config.json for a folder of exports (Salesforce, HubSpot, Segment, Zendesk, ...)',
    load: () => import('./commands/init.js'),
  },
  {
    name: 'validate',
    description: 'check a history dataset against the input contract',
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'features',
    description: 'build point-in-time snapshots, the ten features, signals and labels',
    load: () => import('./commands/features.js'),
  },
  {
    name: 'refresh',
    description: 'keep a daily feature table up to date: rebuild only the as-of dates new data touched',
    load: () => import('./commands/refresh.js'),
  },
  {
    name: 'train',
    description: 'train a churn model on a feature table',
    load: () => import('./commands/train.js'),
  },
  {
    name: 'predict',
    description: 'predict churn probabilities with a model artifact',
    load: () => import('./commands/predict.js'),
  },
  {
    name: 'backtest',
    description: 'walk-forward backtest of models and scorecards on the same folds',
    load: () => import('./commands/backtest.js'),
  },
  {
    name: 'calibrate',
    description: 'fit scorecard points, weights and bands to observed churn',
    load: () => import('./commands/calibrate.js'),
  },
  { name: 'score', description: 'score accounts with a scorecard', load: () => import('./commands/score.js') },
  {
    name: 'judge',
    description: "record a CSM's own band or score for an account (kept beside the computed score), or list them",
    load: () => import('./commands/judge.js'),
  },
  {
    name: 'report',
    description: 'render a backtest as HTML, Markdown and PNG charts',
    load: () => import('./commands/report.js'),
  },
  {
    name: 'recalibrate',
    description: 'the quarterly run: features, backtest, calibration, diff, report, promotion',
    load: () => import('./commands/recalibrate.js'),
  },
  {
    name: 'serve',
    description: 'serve scores over HTTP (SIGHUP reloads the scorecard, SIGTERM drains and stops)',
    load: () => import('./commands/serve.js'),
  },
  {
    name: 'app',
    description: 'a local web app: accounts at risk and why, a scorecard editor that backtests as you drag',
    load: () => import('./commands/app.js'),
  },
  {
    name: 'export-sql',
    description: 'compile a scorecard to one SQL query over a feature table (DuckDB or PostgreSQL)',
    load: () => import('./commands/export-sql.js'),
  },
  {
    name: 'export',
    description: 'export a model to another format (tfjs: a TensorFlow.js LayersModel)',
    load: () => import('./commands/export.js'),
  },
  {
    name: 'artifact',
    description: 'work with model and scorecard artifacts (rehash: sign a hand edit)',
    load: () => import('./commands/artifact.js'),
  },
  { name: 'demo', description: 'run the whole pipeline on simulated data', load: () => import('./commands/demo.js') },
];

/**
 * The command a command line names: its first word that is not an option (`help score` names
 * `score`). The program itself has no options that take a value, so the first bare word is it.
 */
export function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Registers every command on `program`: the one `args` names with its module (flags and action),
 * every other by name and description only, enough for `churnkit --help` and for commander to
 * reject an unknown command.
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const named = commandNamed(args);
  for (const entry of COMMANDS) {
    if (entry.name === named) (await entry.load()).register(program);
    else program.command(entry.name).description(entry.description);
  }
}
