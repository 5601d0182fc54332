import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { choice, defineCommand, intOption, listOption, type CommandIO } from '../command.js';
import { assertNotAnInput, UsageError, groupDigits } from '../../util/index.js';
import type { Frame } from '../../data/index.js';
import { loadFeatureTable } from '../../features/light/index.js';
import type { CoefficientRow, TrainOptions } from '../../learn/index.js';
import { familyNames, isFamilyName, parseParamAssignments } from '../../learn/light/index.js';

// The flags are checked with the light entries; the learners (and the usage check, when it runs)
// load while DuckDB reads the table, on threads of its own.

interface TrainFlags extends Record<string, unknown> {
  features: string;
  model: string;
  out: string;
  label: string;
  columns?: string[];
  categorical?: string[];
  calibration?: string;
  l2?: string;
  l1?: string;
  classWeight: string;
  seed: number;
  param: string[];
  missing: string;
  horizon?: number;
  holdout?: string;
  timeColumn?: string;
}

function nonNegative(flag: string, value: string): number {
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || v < 0)
    throw new UsageError(`${flag} must be a non-negative number, got "${value}"`);
  return v;
}

function fmt(v: number | null, digits = 4): string {
  if (v === null) return '-';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return v.toPrecision(digits);
}

/** The coefficient table as aligned text, for the analyst reading the terminal. */
export function formatCoefficientTable(rows: readonly CoefficientRow[]): string {
  const header = ['column', 'coef', 'se', 'z', 'p', 'odds_ratio', '95% ci', 'or_per_sd'];
  const body = rows.map((r) => [
    r.status === 'estimated' ? r.name : `${r.name} (${r.status})`,
    fmt(r.coef),
    fmt(r.se),
    fmt(r.z, 3),
    r.p_value === null ? '-' : r.p_value < 1e-4 ? r.p_value.toExponential(1) : r.p_value.toFixed(4),
    fmt(r.odds_ratio),
    r.odds_ratio_ci_low === null ? '-' : `${fmt(r.odds_ratio_ci_low, 3)}..${fmt(r.odds_ratio_ci_high, 3)}`,
    fmt(r.odds_ratio_per_sd),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

/** A warning when churnkit's table has rows from before usage data covers its windows (see docs/data.md). */
async function warnBeforeUsage(path: string, frame: Frame, io: CommandIO): Promise<void> {
  const asOf = frame.columns['as_of'];
  if (asOf === undefined || asOf instanceof Float64Array) return;
  const dates = asOf.map((d) => d ?? '');
  const { usageCoverageOfTable } = await import('../../evaluate/index.js');
  const coverage = await usageCoverageOfTable(path, frame, dates);
  const from = coverage.covered_from;
  if (from === null) return;
  const early = dates.filter((d) => d !== '' && d < from).length;
  if (early > 0)
    io.warn(
      `${early} rows are from before usage data covers its feature windows (${from}): on them zero usage is a gap in the data, not a customer, and the model can learn it as protective; ` +
        `churnkit features --from ${coverage.suggested_from ?? from} (or a table without those rows) leaves them out`,
    );
}

export async function run(flags: TrainFlags, io: CommandIO) {
  const params: Record<string, unknown> = parseParamAssignments(flags.param);
  for (const [flag, key] of [
    ['--l2', 'l2'],
    ['--l1', 'l1'],
  ] as const) {
    const v = flags[key];
    if (v === undefined) continue;
    if (key in params) throw new UsageError(`${flag} and --param ${key}= are both given`);
    params[key] = nonNegative(flag, v);
  }
  const holdout = flags.holdout === undefined ? undefined : nonNegative('--holdout', flags.holdout);
  if (holdout !== undefined && !(holdout >= 0 && holdout < 1))
    throw new UsageError(`--holdout must be 0 (hold nothing out) or a fraction below 1, got ${flags.holdout}`);
  const options: TrainOptions = {
    family: flags.model,
    label: flags.label,
    ...(flags.columns ? { columns: flags.columns } : {}),
    categorical: flags.categorical ?? [],
    params,
    ...(flags.calibration
      ? { calibration: choice('--calibration', flags.calibration, ['none', 'platt', 'isotonic'] as const)! }
      : {}),
    classWeight: choice('--class-weight', flags.classWeight, ['none', 'balanced'] as const)!,
    missing: choice('--missing', flags.missing, ['indicator', 'mean'] as const)!,
    seed: flags.seed,
    ...(flags.horizon !== undefined ? { horizonDays: flags.horizon } : {}),
    ...(holdout !== undefined ? { holdoutFraction: holdout } : {}),
    ...(flags.timeColumn !== undefined ? { timeColumn: flags.timeColumn === 'none' ? null : flags.timeColumn } : {}),
    table: flags.features,
    progress: io.progress,
  };
  if (!isFamilyName(flags.model))
    throw new UsageError(`--model must be one of ${familyNames().join(', ')}, got "${flags.model}"`);
  if (!flags.out.toLowerCase().endsWith('.json'))
    throw new UsageError(`--out ${flags.out}: the model artifact is a .json file`);
  await assertNotAnInput(flags.out, { inputs: [flags.features] });
  io.progress.start(`reading ${flags.features}`);
  // Read while the family gets ready (gbdt starts its worker thread meanwhile, unless the file is
  // too small to hold enough cells to want one: one-hot levels can outnumber a file's fields).
  const reading = loadFeatureTable(flags.features);
  // A read that fails while the learners load is reported by trainModel, not as unhandled.
  reading.catch(() => {});
  const learning = import('../../learn/index.js');
  // Loaded ahead only when it will run (no --columns), and reported where it is awaited.
  if (flags.columns === undefined) import('../../evaluate/index.js').catch(() => {});
  const size =
    flags.features.toLowerCase().endsWith('.csv') && (flags.categorical ?? []).length === 0
      ? await stat(flags.features).then(
          (s) => s.size,
          () => null,
        )
      : null;
  const { trainModel } = await learning;
  const trained = await trainModel(reading, size === null ? options : { ...options, cellsAtMost: size });
  const frame = await reading;
  if (flags.columns === undefined) await warnBeforeUsage(flags.features, frame, io);
  await trained.save(flags.out);
  for (const w of trained.warnings) io.warn(w);
  for (const note of trained.preprocessing.notes ?? []) io.say(`note: ${note}`);

  const split = trained.training.split;
  const p = trained.provenance;
  io.say(
    `trained ${trained.family} on ${groupDigits(split.train_rows)} rows (${groupDigits(p.positives)} positives of ${groupDigits(p.rows)} labeled; ${split.censored_rows} censored rows skipped)`,
  );
  if (split.holdout_rows > 0) {
    io.say(
      `held out ${groupDigits(split.holdout_rows)} rows${split.holdout_from ? ` with ${String(trained.training.time_column)} >= ${split.holdout_from}` : ''} for ${trained.calibration.method === 'none' ? 'validation' : `${trained.calibration.method} calibration`}; ${split.embargoed_rows} rows set aside whose label window overlaps it`,
    );
  }
  const crossFit = trained.training.cross_fit;
  if (crossFit && crossFit.folds.length > 0) {
    io.say(
      `cross-fitted in ${crossFit.folds.length} time-ordered folds (label-window embargo on both sides): ${groupDigits(crossFit.out_of_fold_rows)} out-of-fold rows` +
        (crossFit.rounds !== undefined ? `, ${crossFit.rounds} rounds chosen` : '') +
        (trained.calibration.method !== 'none' ? `, ${trained.calibration.method} calibration fitted on them` : '') +
        '; the model is fitted on every labeled row',
    );
  }
  const summary = trained.summary();
  if (trained.model.family === 'auto') {
    const { choice, why } = trained.model.state();
    const scores = Object.entries(why.scores)
      .map(([name, v]) => `${name} ${v.log_loss.toFixed(4)} (AUC ${v.auc.toFixed(3)})`)
      .join(', ');
    io.say(
      `auto chose ${choice}: out-of-fold log loss after Platt scaling over ${why.folds} time-ordered folds: ${scores || 'no fold could be fitted'}`,
    );
  }
  const table = summary['coefficients'] as CoefficientRow[] | undefined;
  if (trained.family === 'logistic' && table) {
    io.say(`\n${formatCoefficientTable(table)}\n`);
    // Like R's "coefficients not defined because of singularities": say what each duplicates.
    for (const r of table) if (r.note) io.say(`note: ${r.name} ${r.note}`);
  }
  const m = trained.metrics as Record<string, { auc: number; log_loss: number; brier: number }>;
  for (const [name, v] of Object.entries(m))
    io.say(`${name}: auc ${fmt(v.auc)}  log loss ${fmt(v.log_loss)}  brier ${fmt(v.brier)}`);
  io.say(`wrote ${flags.out}`);
  return {
    ok: true,
    out: flags.out,
    family: trained.family,
    features: trained.features,
    provenance: trained.provenance,
    training: trained.training,
    calibration: trained.calibration.method,
    metrics: trained.metrics,
    ...(table ? { coefficients: table } : {}),
    warnings: trained.warnings,
    notes: trained.preprocessing.notes ?? [],
  };
}

/** The demo's models: logistic (its coefficients read as weights) and gbdt, to `models/demo/`. */
export const trainDemoStep = {
  name: 'train',
  title: 'training logistic regression and gradient-boosted trees',
  async run(ctx: { root: string; io: CommandIO; results: Record<string, unknown> }): Promise<unknown> {
    const features =
      (ctx.results['features'] as { out?: string } | undefined)?.out ??
      join(ctx.root, 'demo-features', 'features.parquet');
    const quiet: CommandIO = { ...ctx.io, say: () => {} };
    const models: Record<string, { out: string; auc: number | null; on: string }> = {};
    for (const family of ['logistic', 'gbdt'] as const) {
      const out = join(ctx.root, '..', 'models', 'demo', `${family}.json`);
      const flags: TrainFlags = {
        features,
        model: family,
        out,
        label: 'churned_within_90d',
        classWeight: 'none',
        seed: 0,
        param: [],
        missing: 'mean',
      };
      const summary = (await run(flags, quiet)) as Awaited<ReturnType<typeof run>>;
      const metrics = summary.metrics as Record<string, { auc?: number }>;
      // Out-of-fold (cross-fitted) or held-out when there is one; in-sample otherwise, and said so.
      const key = ['out_of_fold_uncalibrated', 'holdout_uncalibrated'].find((k) => k in metrics) ?? 'train';
      const held = metrics[key];
      models[family] = {
        out,
        auc: held?.auc ?? null,
        on: key === 'train' ? 'training' : key.replace('_uncalibrated', '').replaceAll('_', '-'),
      };
    }
    ctx.io.say(
      `train     ${Object.entries(models)
        .map(([f, m]) => `${f} (${m.on} AUC ${m.auc === null ? '-' : m.auc.toFixed(3)})`)
        .join(', ')} -> ${join(ctx.root, '..', 'models', 'demo')}`,
    );
    // No `out`: the demo calibrates the scorecard on observed churn, not by distilling a model that
    // was fitted on calibrate's later slice (its fidelity numbers there would be in-sample).
    return { models };
  },
};

export function register(program: Command): void {
  defineCommand<TrainFlags>(
    program,
    'train',
    'train a churn model on a feature table',
    (cmd) =>
      cmd
        .requiredOption('--features <file>', 'feature table (.csv or .parquet)')
        .requiredOption(
          '--model <family>',
          'logistic, gbdt, mlp or auto (the best of logistic, monotone gbdt and their blend by inner time-ordered validation)',
        )
        .requiredOption('--out <file>', 'model artifact (.json)')
        .option('--label <col>', 'label column (0/1; NULL = censored)', 'churned_within_90d')
        .option(
          '--columns <list>',
          "model input columns (default: churnkit's ten features, three signals, days_to_renewal, tenure_days)",
          listOption,
        )
        .option('--categorical <list>', 'columns to one-hot encode (first level dropped)', listOption)
        .option(
          '--calibration <method>',
          "platt, isotonic or none (default: the family's; logistic: none), fitted on the latest as-of slice",
        )
        .option(
          '--l2 <lambda>',
          'logistic: L2 penalty lambda * sum(beta^2) on the log-likelihood (sklearn C = 1/(2 lambda)); on standardized coefficients unless --param penalty_scale=original',
        )
        .option('--l1 <lambda>', 'logistic: L1 penalty lambda * sum(|beta|)')
        .option('--class-weight <mode>', 'balanced or none', 'none')
        .option(
          '--missing <strategy>',
          'NULL numeric inputs of logistic and mlp: mean (the training mean) or indicator (mean + a :missing column); see docs/models.md',
          'mean',
        )
        .option(
          '--param <key=value>',
          'family hyperparameter (repeatable)',
          (v: string, prev: string[]) => [...prev, v],
          [] as string[],
        )
        .option('--seed <n>', 'random seed', intOption('--seed'), 0)
        .option(
          '--horizon <days>',
          'label horizon in days (default: from the label name, e.g. 90)',
          intOption('--horizon'),
        )
        .option(
          '--holdout <fraction>',
          'share of labeled rows (latest as-of first) held out for calibration/early stopping; default none: time-ordered cross-fitting, and the model fits every row (0 = never hold out)',
          undefined,
        )
        .option('--time-column <col>', 'column ordering rows in time (default as_of when present; none = file order)'),
    run,
  );
}
