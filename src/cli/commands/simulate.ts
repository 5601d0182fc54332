import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { defineCommand, intOption } from '../command.js';
import { UsageError } from '../../util/index.js';
import { simulate, type EffectsInput } from '../../simulate/index.js';

interface SimulateFlags extends Record<string, unknown> {
  accounts: number;
  months: number;
  seed: number;
  out: string;
  format: string;
  start?: string;
  effects?: string;
  force?: boolean;
}

async function readEffects(path: string): Promise<EffectsInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--effects ${path}: cannot read the file`);
  }
  try {
    return JSON.parse(text) as EffectsInput;
  } catch (err) {
    throw new UsageError(`--effects ${path}: not valid JSON (${(err as Error).message})`);
  }
}

export function register(program: Command): void {
  defineCommand<SimulateFlags>(
    program,
    'simulate',
    'generate a deterministic synthetic B2B SaaS history',
    (cmd) =>
      cmd
        .requiredOption('--accounts <n>', 'number of accounts', intOption('--accounts'))
        .requiredOption('--months <n>', 'months of history', intOption('--months'))
        .option('--seed <n>', 'random seed', intOption('--seed'), 1)
        .requiredOption('--out <dir>', 'output folder: new, empty or written by churnkit before')
        .option('--force', 'write into a folder that holds other files (they are kept)')
        .option('--format <format>', 'parquet or csv', 'parquet')
        .option('--start <date>', 'first day of the history, YYYY-MM-DD', '2023-01-01')
        .option('--effects <file>', 'JSON that re-weights the planted drivers, e.g. {"layers": {"usage": 3}}'),
    async (opts, io) => {
      const effects = opts.effects ? await readEffects(opts.effects) : undefined;
      const summary = await simulate({
        accounts: opts.accounts,
        months: opts.months,
        seed: opts.seed,
        out: opts.out,
        format: opts.format as 'parquet' | 'csv',
        start: opts.start,
        effects,
        force: Boolean(opts.force),
        progress: io.progress,
      });
      io.say(
        `simulated ${summary.accounts.toLocaleString('en-US')} accounts over ${summary.months} months ` +
          `(${summary.start} to ${summary.data_end}) into ${summary.out}`,
      );
      for (const [table, n] of Object.entries(summary.counts))
        io.say(`  ${table.padEnd(13)} ${n.toLocaleString('en-US').padStart(13)} rows`);
      io.say(
        `  churned ${summary.churned_accounts.toLocaleString('en-US')} accounts, ${(summary.annual_churn_rate * 100).toFixed(1)}% a year; planted effects in truth.json`,
      );
      const { truth, ...rest } = summary;
      return { ok: true, ...rest, layer_strength: truth.layer_strength };
    },
  );
}
