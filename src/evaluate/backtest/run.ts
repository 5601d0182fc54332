/**
 * Runs a walk-forward backtest: plans folds, checks each for leakage, trains every model on
 * the fold's training rows (calibrated on their own latest slice), scores every scorecard, and
 * measures all of them on the same test rows. `writeBacktest` puts metrics.json and
 * oof.parquet in a folder atomically.
 */
import { basename, extname, join } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import type { Frame } from '../../data/index.js';
import { featureSetOfColumns, isOpportunityLabel, loadFeatureTable } from '../../features/index.js';
import { openDuckDB, quoteLiteral } from '../../data/index.js';
import {
  checkModelColumns,
  isFamilyName,
  familyNames,
  getFamily,
  readParams,
  readLabels,
  trainModel,
  takeRows,
  dataFingerprint,
  SingleClassError,
  type CalibrationMethod,
  type MissingStrategy,
  type TrainedModel,
} from '../../learn/index.js';
import {
  loadScorecard,
  scoreColumns,
  DEFAULT_SCORECARD_PATH,
  isShippedScorecard,
  type Scorecard,
} from '../../scorecard/index.js';
import { silentProgress, type Progress } from '../../util/index.js';
import { ChurnkitError, InputError, UsageError } from '../../util/index.js';
import { writeOutputDir, type OutputGuard } from '../../util/index.js';
import { planBacktest, checkPlanLeakage, type Step } from './folds.js';
import { usageCoverageOfTable } from './coverage.js';
import { scorecardColumns } from '../../scorecard/index.js';
import {
  addTally,
  bandsByShare,
  capacityTally,
  curves,
  emptyTally,
  leadTime,
  modelMetrics,
  type CapacityTally,
  type Scored,
} from './assess.js';
import {
  BACKTEST_KIND,
  BACKTEST_VERSION,
  type BacktestMetrics,
  type Fold,
  type FoldSlice,
  type ModelFit,
  type PooledMetrics,
  type ProbabilitySource,
} from './schema.js';
import { BANDS, type Band } from '../../scorecard/index.js';
import { assessJudgments, readJudgments, type JudgmentsSection } from './judgments.js';

export interface BacktestOptions {
  /** Feature table file (Parquet or CSV). */
  features: string;
  /** logistic, gbdt, mlp, scorecard:default, scorecard:<file.json>. */
  models: readonly string[];
  start?: string;
  step?: Step;
  horizon?: number;
  /** Accounts worked per as-of date; default 10% of that date's accounts. */
  capacity?: number;
  seed?: number;
  /** Label column; default churned_within_<horizon>d. */
  label?: string;
  /** Rows with as_of (time column) before this day are on neither side of any fold. */
  from?: string;
  /** Model input columns of a table that is not churnkit's (default: churnkit's model columns). */
  columns?: readonly string[];
  /** Columns among `columns` to one-hot encode. */
  categorical?: readonly string[];
  /** Column dating each row, YYYY-MM-DD (default as_of): folds are cut by it. */
  timeColumn?: string;
  /** Column identifying the account (default account_id): capacity and lead time count accounts. */
  idColumn?: string;
  /** Hyperparameters per family, e.g. { logistic: { l2: 0.1 } }. */
  params?: Readonly<Record<string, Record<string, unknown>>>;
  /** Calibration of every model in every fold; default each family's backtestCalibration. */
  calibration?: CalibrationMethod;
  /**
   * Share of each fold's training rows (latest first) held out for calibration and early stopping;
   * default none: time-ordered cross-fitting inside the fold's training rows.
   */
  holdout?: number;
  /** NULL handling of imputing families (train's --missing). */
  missing?: MissingStrategy;
  /** CSM judgments to measure against every model: a file or a score history (see readJudgments). */
  judgments?: string;
  /** Days after a judgment's as_of within which its snapshot must fall (default JUDGMENT_WINDOW_DAYS). */
  judgmentWindow?: number;
  progress?: Progress;
}

/** One out-of-fold prediction, as written to oof.parquet. */
export interface OofColumns {
  account_id: string[];
  as_of: string[];
  cutoff: string[];
  model: string[];
  probability: number[];
  /** The scorecard's 0-100 score; null for models. */
  score: (number | null)[];
  band: string[];
  label: number[];
  arr: (number | null)[];
}

export interface BacktestResult {
  metrics: BacktestMetrics;
  oof: OofColumns;
}

export const CAPACITY_SHARE = 0.1;
/**
 * Band shares for models on a table without the default scorecard's columns: RED is the
 * capacity share (the accounts a CS team works), YELLOW the next 20%.
 */
export const FIXED_BAND_SHARES: Record<Band, number> = { RED: CAPACITY_SHARE, YELLOW: 0.2, GREEN: 0.7 };
interface ModelSpec {
  name: string;
  kind: 'model' | 'scorecard';
  family?: string;
  card?: Scorecard;
}

async function resolveModels(list: readonly string[]): Promise<{ specs: ModelSpec[]; defaultCard: Scorecard }> {
  if (list.length === 0) throw new UsageError('--models is empty; e.g. --models logistic,gbdt,scorecard:default');
  const defaultCard = await loadScorecard(DEFAULT_SCORECARD_PATH);
  const specs: ModelSpec[] = [];
  for (const item of list) {
    let spec: ModelSpec;
    if (item.startsWith('scorecard:')) {
      const ref = item.slice('scorecard:'.length);
      if (ref === '')
        throw new UsageError(
          `--models: "${item}" names no scorecard; use scorecard:default, scorecard:preset:NAME or scorecard:FILE.json`,
        );
      // Shipped cards keep their reference as their name (scorecard:default, scorecard:preset:mature).
      spec =
        ref === 'default'
          ? { name: 'scorecard:default', kind: 'scorecard', card: defaultCard }
          : isShippedScorecard(ref)
            ? { name: item, kind: 'scorecard', card: await loadScorecard(ref) }
            : { name: `scorecard:${basename(ref, extname(ref))}`, kind: 'scorecard', card: await loadScorecard(ref) };
    } else if (isFamilyName(item)) {
      spec = { name: item, kind: 'model', family: item };
    } else {
      throw new UsageError(
        `--models: unknown model "${item}" (families: ${familyNames().join(', ')}; scorecards: scorecard:default, scorecard:preset:NAME, scorecard:FILE.json)`,
      );
    }
    if (specs.some((s) => s.name === spec.name)) throw new UsageError(`--models: "${spec.name}" is listed twice`);
    specs.push(spec);
  }
  return { specs, defaultCard };
}

export function textOf(frame: Frame, name: string, table: string): string[] {
  const col = frame.columns[name];
  if (col === undefined)
    throw new InputError({ table, column: name }, `column is missing (columns: ${frame.names.join(', ')})`);
  const out = new Array<string>(frame.n);
  for (let i = 0; i < frame.n; i++) {
    const v = col instanceof Float64Array ? (Number.isNaN(col[i]!) ? null : String(col[i])) : col[i];
    if (v === null || v === undefined) throw new InputError({ table, row: i + 1, column: name }, 'is NULL');
    out[i] = v;
  }
  return out;
}

/** The backtest's labels: a missing column usually means a horizon the table was not built for. */
export function labelsOf(frame: Frame, name: string, table: string): Float64Array {
  return readLabels(frame, name, table, 'pass --horizon matching the feature table');
}

function sliceOf(
  rows: readonly number[],
  y: Float64Array,
  asOf: readonly string[],
  account: readonly string[],
): FoldSlice {
  let positives = 0;
  let min: string | null = null;
  let max: string | null = null;
  const accounts = new Set<string>();
  for (const i of rows) {
    positives += y[i]!;
    const t = asOf[i]!;
    if (min === null || t < min) min = t;
    if (max === null || t > max) max = t;
    accounts.add(account[i]!);
  }
  return { rows: rows.length, positives, accounts: accounts.size, as_of_min: min, as_of_max: max };
}

export function gather(col: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  rows.forEach((i, k) => (out[k] = col[i]!));
  return out;
}

/** What `auto` chose in a fold and the inner-validation scores behind it. */
/** What the auto family chose in this fold and why (its state says); nothing for other families. */
function autoChoice(trained: TrainedModel): Pick<ModelFit, 'choice' | 'why'> {
  const model = trained.model;
  if (model.family !== 'auto') return {};
  const { choice, why } = model.state();
  return { choice, why };
}

/**
 * Scorecard probability: its map when it has one, else the score as a ranking. For an
 * opportunity label (expansion) the ranking is the score itself, rising with the label (a
 * healthy account is the one that grows), and a card's map, a churn probability, is not used.
 */
export function scorecardProbability(
  card: Scorecard,
  score: Float64Array,
  mapped: Float64Array,
  opportunity = false,
): { p: Float64Array; source: ProbabilitySource } {
  if (opportunity) return { p: score.map((s) => s / 100), source: 'score_rank' };
  if (card.probability.method !== 'none') return { p: mapped, source: 'scorecard_map' };
  return { p: score.map((s) => (100 - s) / 100), source: 'score_rank' };
}

/** The default scorecard's share of test rows in each band: models are banded at the same shares. */
function cardShares(bands: Uint8Array, test: readonly number[]): Record<Band, number> {
  const counts = [0, 0, 0];
  for (const i of test) counts[bands[i]!]!++;
  return Object.fromEntries(BANDS.map((b, k) => [b, counts[k]! / test.length])) as Record<Band, number>;
}

/** A note when the first fold trains on rows from before usage data covers its windows. */
function coverageNotes(
  train: readonly number[],
  asOf: readonly string[],
  coverage: Awaited<ReturnType<typeof usageCoverageOfTable>>,
): string[] {
  const from = coverage.covered_from;
  if (from === null) return [];
  const early = train.filter((i) => asOf[i]! < from).map((i) => asOf[i]!);
  if (early.length === 0) return [];
  early.sort();
  return [
    `${early.length} training rows of the first fold (as_of ${early[0]} … ${early.at(-1)}) are from before usage data covers its feature windows (${from}, ` +
      `from ${coverage.source === 'features_qa' ? 'the features QA file' : "the table's zero_usage_14d"}): ` +
      `on them zero usage is a gap in the data, not a customer, and models can learn it as protective; ` +
      `--from ${coverage.suggested_from ?? from} leaves them out`,
  ];
}

export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const progress = options.progress ?? silentProgress;
  const horizon = options.horizon ?? 90;
  const step = options.step ?? 'quarter';
  const seed = options.seed ?? 1;
  const capacity = options.capacity ?? null;
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 1))
    throw new UsageError(`--capacity must be a positive whole number of accounts, got ${capacity}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${seed}`);
  const { specs, defaultCard } = await resolveModels(options.models);
  for (const family of Object.keys(options.params ?? {})) {
    if (!specs.some((s) => s.family === family))
      throw new UsageError(`--param ${family}.*: ${family} is not among --models`);
  }
  // Every model's effective hyperparameters (defaults filled in, values converted), checked
  // before any work and recorded so that metrics.json says what produced it.
  const modelParams: Record<string, Record<string, unknown>> = {};
  const modelCalibration: Record<string, CalibrationMethod> = {};
  for (const spec of specs) {
    if (spec.kind !== 'model') continue;
    const family = await getFamily(spec.family!);
    modelParams[spec.name] = readParams(family.name, family.params, options.params?.[spec.family!] ?? {});
    modelCalibration[spec.name] = options.calibration ?? family.backtestCalibration;
  }
  const table = options.features;
  if (
    options.judgmentWindow !== undefined &&
    !(Number.isInteger(options.judgmentWindow) && options.judgmentWindow >= 0)
  )
    throw new UsageError(`--judgment-window must be a whole number of days, got ${options.judgmentWindow}`);
  // Read before any fitting: a bad judgments file fails in a second, not after the folds.
  const judgments = options.judgments === undefined ? null : await readJudgments(options.judgments);

  progress.start(`reading ${basename(table)}`);
  const frame = await loadFeatureTable(table);
  const label = options.label ?? `churned_within_${horizon}d`;
  const opportunity = isOpportunityLabel(label);
  const y = labelsOf(frame, label, table);
  const timeColumn = options.timeColumn ?? 'as_of';
  const idColumn = options.idColumn ?? 'account_id';
  const asOf = textOf(frame, timeColumn, table);
  const account = textOf(frame, idColumn, table);
  if (options.columns) checkModelColumns(frame, options.columns, options.categorical ?? [], table);
  // Scorecards read their own columns: on a table without them, say so before any work.
  for (const spec of specs) {
    const absent = spec.card ? scorecardColumns(spec.card).filter((c) => frame.columns[c] === undefined) : [];
    if (absent.length > 0)
      throw new UsageError(
        `--models ${spec.name}: ${table} has no column ${absent.slice(0, 3).join(', ')}${absent.length > 3 ? ', ...' : ''} that the scorecard reads`,
      );
  }
  // Models get bands at the shares of the shipped card for this kind of table (the ten features or
  // transactions) when the table has its columns; a table of one's own columns, at fixed shares.
  const referenceCard =
    featureSetOfColumns(frame.names) === 'transactions' ? await loadScorecard('transactions') : defaultCard;
  const cardBands = scorecardColumns(referenceCard).every((c) => frame.columns[c] !== undefined);
  const coverage = await usageCoverageOfTable(table, frame, asOf);
  const arrCol = frame.columns['annual_value'];
  const hasArr = arrCol instanceof Float64Array;
  const arr = hasArr ? (arrCol as Float64Array).map((v) => (Number.isNaN(v) ? 0 : v)) : null;

  const planned = planBacktest({
    asOf,
    label: y,
    horizon,
    step,
    usageCoveredFrom: coverage.covered_from,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.from === undefined ? {} : { from: options.from }),
  });
  const plans = planned.folds;
  for (const p of plans) checkPlanLeakage(p, asOf, horizon);
  const notes = coverageNotes(plans[0]!.train, asOf, coverage);
  if (opportunity)
    notes.push(
      `${label} is an opportunity, not a risk: scorecards rank by their score (the higher, the likelier), GREEN should hold the most rows with the label and RED the fewest; lead time counts from the first RED`,
    );

  const lastAsOf = new Map<string, string>();
  for (let i = 0; i < frame.n; i++) {
    const prev = lastAsOf.get(account[i]!);
    if (prev === undefined || asOf[i]! > prev) lastAsOf.set(account[i]!, asOf[i]!);
  }

  // Scorecards are fixed rules of point-in-time features: scoring every row once is the same
  // as scoring each fold's test rows.
  const cardScores = new Map<Scorecard, ReturnType<typeof scoreColumns>>();
  for (const card of [...(cardBands ? [referenceCard] : []), ...specs.flatMap((s) => (s.card ? [s.card] : []))])
    if (!cardScores.has(card)) cardScores.set(card, scoreColumns(card, frame));

  const labeledRows: number[] = [];
  for (let i = 0; i < frame.n; i++)
    if (!Number.isNaN(y[i]!) && (planned.from === null || asOf[i]! >= planned.from)) labeledRows.push(i);
  const fingerprint = dataFingerprint(frame, frame.names, labeledRows);

  const oof: OofColumns = {
    account_id: [],
    as_of: [],
    cutoff: [],
    model: [],
    probability: [],
    score: [],
    band: [],
    label: [],
    arr: [],
  };
  const pooledParts = new Map<string, { rows: number[]; p: number[]; band: number[]; tally: CapacityTally }>(
    specs.map((s) => [s.name, { rows: [], p: [], band: [], tally: emptyTally() }]),
  );
  const sources = new Map<string, ProbabilitySource>();
  const folds: Fold[] = [];
  const total = plans.length * specs.length;
  const skipped = [...planned.skipped];
  // A table of the user's own columns: its columns, categories and time column go to every fit.
  const byo = {
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.categorical ? { categorical: options.categorical } : {}),
    timeColumn,
  };
  let done = 0;
  progress.start(`backtest: ${plans.length} folds x ${specs.length} models`, total);

  for (const plan of plans) {
    const trainFrame = takeRows(frame, plan.train);
    const testFrame = takeRows(frame, plan.test);
    const yTest = gather(y, plan.test);
    const testAsOf = plan.test.map((i) => asOf[i]!);
    const testAccount = plan.test.map((i) => account[i]!);
    const testArr = arr ? gather(arr, plan.test) : null;

    const shares = cardBands ? cardShares(cardScores.get(referenceCard)!.band, plan.test) : FIXED_BAND_SHARES;

    // Every model is fitted before anything is measured: a fold whose fit rows hold a single
    // class is skipped as a whole, so that every model and scorecard is measured on the same folds.
    const fitted = new Map<string, TrainedModel>();
    let singleClass: string | null = null;
    for (const spec of specs) {
      if (spec.kind !== 'model') continue;
      try {
        fitted.set(
          spec.name,
          await trainModel(trainFrame, {
            family: spec.family!,
            label,
            ...byo,
            seed,
            params: modelParams[spec.name]!,
            calibration: modelCalibration[spec.name]!,
            ...(options.holdout === undefined ? {} : { holdoutFraction: options.holdout }),
            ...(options.missing === undefined ? {} : { missing: options.missing }),
            horizonDays: horizon,
            table: `${table} (fold at ${plan.cutoff})`,
          }),
        );
      } catch (err) {
        if (err instanceof SingleClassError) {
          singleClass = `${spec.name}: ${err.detail}`;
          break;
        }
        if (err instanceof ChurnkitError) {
          // The learner's hint names train's flag; here hyperparameters go through --param.
          const hint =
            spec.family === 'logistic' && /--l2/.test(err.message) && options.params?.['logistic']?.['l2'] === undefined
              ? ' (in a backtest: --param logistic.l2=0.1)'
              : '';
          throw new ChurnkitError(`fold at cutoff ${plan.cutoff}: ${err.message}${hint}`, err.exitCode);
        }
        throw err;
      }
    }
    if (singleClass !== null) {
      skipped.push({
        cutoff: plan.cutoff,
        test_end: plan.test_end,
        reason: singleClass,
        train: { rows: plan.train.length, positives: sliceOf(plan.train, y, asOf, account).positives },
        test: { rows: plan.test.length, positives: sliceOf(plan.test, y, asOf, account).positives },
      });
      done += specs.length;
      progress.tick(done);
      continue;
    }

    const models: Fold['models'] = {};
    const fits: Fold['fits'] = {};
    let flaggedPerDate = 0;
    for (const spec of specs) {
      let p: Float64Array;
      let band: Uint8Array;
      let score: Float64Array | null = null;
      if (spec.kind === 'model') {
        const model = fitted.get(spec.name)!;
        p = model.predictProba(testFrame, table);
        const split = model.training.split;
        const crossFit = model.training.cross_fit;
        const cal = model.calibration;
        fits[spec.name] = {
          fit_rows: split.train_rows,
          calibration: cal.method,
          calibration_rows: cal.method === 'none' ? 0 : cal.fitted_on.rows,
          embargoed_rows: split.embargoed_rows,
          calibration_from: cal.method === 'none' ? null : (cal.fitted_on.as_of_from ?? null),
          calibration_to: cal.method === 'none' ? null : (cal.fitted_on.as_of_to ?? null),
          ...(crossFit
            ? {
                cross_fit_folds: crossFit.folds.filter((f) => f.skipped === undefined).length,
                ...(crossFit.rounds === undefined ? {} : { rounds: crossFit.rounds }),
              }
            : {}),
          ...autoChoice(model),
        };
        // an opportunity's likeliest rows are GREEN, as a card's healthiest are
        band = bandsByShare(opportunity ? p.map((v) => -v) : p, shares);
        sources.set(spec.name, 'model');
      } else {
        const sc = cardScores.get(spec.card!)!;
        score = gather(sc.score, plan.test);
        const prob = scorecardProbability(spec.card!, score, gather(sc.probability, plan.test), opportunity);
        p = prob.p;
        band = Uint8Array.from(plan.test, (i) => sc.band[i]!);
        sources.set(spec.name, prob.source);
      }
      const scored: Scored = { y: yTest, p, band, arr: testArr, asOf: testAsOf, account: testAccount };
      const tally = capacityTally(scored, capacity, CAPACITY_SHARE);
      flaggedPerDate = tally.dates > 0 ? tally.flagged / tally.dates : 0;
      models[spec.name] = modelMetrics(scored, tally, hasArr);

      const part = pooledParts.get(spec.name)!;
      part.tally = addTally(part.tally, tally);
      for (let k = 0; k < plan.test.length; k++) {
        part.rows.push(plan.test[k]!);
        part.p.push(p[k]!);
        part.band.push(band[k]!);
        oof.account_id.push(testAccount[k]!);
        oof.as_of.push(testAsOf[k]!);
        oof.cutoff.push(plan.cutoff);
        oof.model.push(spec.name);
        oof.probability.push(p[k]!);
        oof.score.push(score ? score[k]! : null);
        oof.band.push(BANDS[band[k]!]!);
        oof.label.push(yTest[k]!);
        oof.arr.push(testArr ? testArr[k]! : null);
      }
      progress.tick(++done);
    }
    folds.push({
      index: folds.length,
      cutoff: plan.cutoff,
      test_end: plan.test_end,
      train: sliceOf(plan.train, y, asOf, account),
      test: sliceOf(plan.test, y, asOf, account),
      capacity: flaggedPerDate,
      band_shares: shares,
      models,
      fits,
    });
  }

  if (folds.length === 0)
    throw new ChurnkitError(
      `no fold could be fitted: ${skipped.map((f) => `${f.cutoff}: ${f.reason}`).join('; ')}; pass a later --start or backtest more history`,
      2,
    );
  const pooled: Record<string, PooledMetrics> = {};
  for (const spec of specs) {
    const part = pooledParts.get(spec.name)!;
    const scored: Scored = {
      y: gather(y, part.rows),
      p: Float64Array.from(part.p),
      band: Uint8Array.from(part.band),
      arr: arr ? gather(arr, part.rows) : null,
      asOf: part.rows.map((i) => asOf[i]!),
      account: part.rows.map((i) => account[i]!),
    };
    const foldAucs = folds.map((f) => f.models[spec.name]?.auc).filter((v): v is number => typeof v === 'number');
    pooled[spec.name] = {
      ...modelMetrics(scored, part.tally, hasArr),
      // Beside the pooled AUC: folds ranked well one by one but misaligned against each other
      // (per-fold calibration noise) show as a pooled AUC below this mean.
      mean_fold_auc: foldAucs.length > 0 ? foldAucs.reduce((a, b) => a + b, 0) / foldAucs.length : null,
      probability_source: sources.get(spec.name)!,
      lead_time: leadTime(scored, lastAsOf),
      curves: curves(scored),
    };
  }
  let judgmentsSection: JudgmentsSection | null = null;
  if (judgments !== null) {
    const cardSpec = specs.find((s) => s.card);
    const segmentCol = frame.columns['segment'];
    judgmentsSection = assessJudgments({
      judgments,
      source: basename(options.judgments!),
      account,
      asOf,
      y,
      segment:
        segmentCol === undefined || segmentCol instanceof Float64Array
          ? account.map(() => null)
          : segmentCol.map((v) => v ?? null),
      models: specs.map((s) => ({
        name: s.name,
        rows: pooledParts.get(s.name)!.rows,
        band: pooledParts.get(s.name)!.band,
      })),
      bandRates: Object.fromEntries(specs.map((s) => [s.name, BANDS.map((b) => pooled[s.name]!.bands[b].rate)])),
      card: cardSpec?.card ?? referenceCard,
      cardName: cardSpec?.name ?? 'scorecard:default',
      ...(options.judgmentWindow === undefined ? {} : { windowDays: options.judgmentWindow }),
    });
  }
  progress.done();

  const metrics: BacktestMetrics = {
    kind: BACKTEST_KIND,
    version: BACKTEST_VERSION,
    params: {
      features: basename(table),
      features_fingerprint: fingerprint,
      models: specs.map((s) => s.name),
      start: planned.start,
      start_reason: planned.start_reason,
      from: planned.from,
      time_column: timeColumn,
      columns: options.columns ? [...options.columns] : null,
      step,
      horizon,
      capacity,
      capacity_share: CAPACITY_SHARE,
      seed,
      label,
      calibration: options.calibration ?? 'by_family',
      model_calibration: modelCalibration,
      calibration_holdout: options.holdout ?? 0,
      model_bands: cardBands ? 'default_scorecard_shares' : 'fixed_shares',
      model_params: modelParams,
    },
    folds,
    skipped_folds: skipped.sort((a, b) => (a.cutoff < b.cutoff ? -1 : a.cutoff > b.cutoff ? 1 : 0)),
    notes,
    pooled,
    ...(judgmentsSection ? { judgments: judgmentsSection } : {}),
  };
  return { metrics, oof };
}

/** metrics.json text: two-space JSON, NaN/Infinity as null, newline at the end. */
export function serializeMetrics(metrics: BacktestMetrics): string {
  return `${JSON.stringify(metrics, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

export const OOF_FILE = 'oof.parquet';
export const METRICS_FILE = 'metrics.json';

/**
 * Writes metrics.json and oof.parquet into `dir` once both are complete: a new, empty or
 * churnkit-written folder (see writeOutputDir), or with `force` beside other files, which stay.
 */
export async function writeBacktest(
  dir: string,
  result: BacktestResult,
  guard: OutputGuard & { force?: boolean } = {},
): Promise<{ metrics: string; oof: string }> {
  const own = (p: string) => p === METRICS_FILE || p === OOF_FILE;
  await writeOutputDir(dir, { ...guard, command: 'backtest', knownFiles: own }, async (tmp) => {
    await writeFile(join(tmp, METRICS_FILE), serializeMetrics(result.metrics));
    await writeOof(join(tmp, OOF_FILE), result.oof);
  });
  return { metrics: join(dir, METRICS_FILE), oof: join(dir, OOF_FILE) };
}

async function writeOof(path: string, oof: OofColumns): Promise<void> {
  const ndjson = join(path, '..', '.oof.ndjson');
  const n = oof.account_id.length;
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    lines.push(
      JSON.stringify({
        account_id: oof.account_id[k],
        as_of: oof.as_of[k],
        cutoff: oof.cutoff[k],
        model: oof.model[k],
        probability: oof.probability[k],
        score: oof.score[k],
        band: oof.band[k],
        label: oof.label[k],
        arr: oof.arr[k],
      }),
    );
  }
  await writeFile(ndjson, `${lines.join('\n')}\n`);
  const db = await openDuckDB();
  try {
    const columns = `{account_id: 'VARCHAR', as_of: 'DATE', cutoff: 'DATE', model: 'VARCHAR', probability: 'DOUBLE', score: 'DOUBLE', band: 'VARCHAR', label: 'TINYINT', arr: 'DOUBLE'}`;
    await db.connection.run(
      `COPY (SELECT * FROM read_json(${quoteLiteral(ndjson)}, format = 'newline_delimited', columns = ${columns})) TO ${quoteLiteral(path)} (FORMAT parquet)`,
    );
  } finally {
    db.close();
  }
  await rm(ndjson, { force: true });
}
