/**
 * The boosting loop: bin once, then per round compute log-loss gradients, draw the round's rows
 * and features, grow a tree, and move every margin by its leaf. Early stopping watches the
 * log loss of a later time slice and keeps the trees up to its best round.
 *
 * Every random draw comes from streams derived from the seed and the round number, never from
 * the thread count or timing, so a seed gives the same trees on any number of threads.
 */
import { availableParallelism } from 'node:os';
import { InputError } from '../../util/index.js';
import { silentProgress, type Progress } from '../../util/index.js';
import { Rng } from '../../util/index.js';
import type { FitData } from '../model.js';
import { binColumnMajor, binSample, checkFinite, transposeBins } from './binning.js';
import { TreeGrower, leavesAtMost, routeRows, sampleFeatures, slotsNeeded, type GrowParams } from './grower.js';
import { meanLogLoss, priorLogOdds } from './objective.js';
import { Executor } from './parallel.js';
import type { Tree } from './tree.js';
import { Workspace, planWorkspace } from './workspace.js';

export interface BoostConfig extends GrowParams {
  nEstimators: number;
  maxBin: number;
  subsample: number;
  colsampleByTree: number;
  scalePosWeight: number;
  earlyStoppingRounds: number;
  /** Keep every tree grown, also those after the best round (cross-fitting compares folds round by round). */
  keepAllRounds?: boolean;
  /** 0 = choose by data size. */
  threads: number;
  seed: number;
}

export interface BoostResult {
  baseScore: number;
  trees: Tree[];
  /** Rounds run (before early stopping truncated the trees). */
  rounds: number;
  /** 0-based round with the best validation loss, or the last round without validation. */
  bestIteration: number;
  /** Validation log loss at bestIteration; null without validation rows. */
  bestValidationLoss: number | null;
  /** Validation log loss after each round, when early stopping watched it; empty otherwise. */
  validationLoss: number[];
  /**
   * Margins of the training rows and of the validation rows with the kept trees: the same bits
   * as predicting them again (predict.ts adds trees in the same order), kept so the caller need not.
   */
  trainMargin: Float64Array;
  validationMargin: Float64Array | null;
  threads: number;
  /** Bin upper bounds per feature (binning.ts), for binned prediction and diagnostics. */
  bounds: Float64Array[];
}

/**
 * From this many cells (rows x features) a second thread is used when `threads` is 0: below it
 * the worker's start-up (tens of milliseconds) and per-batch wake-ups weigh more than the half
 * of the work it takes over (bench/README.md has the measurements).
 */
export const AUTO_PARALLEL_CELLS = 1_000_000;

function chooseThreads(requested: number, cells: number): number {
  if (requested > 0) return requested;
  return cells >= AUTO_PARALLEL_CELLS ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Worker threads a fit with `threads` (the parameter) will want, for starting them ahead
 * (threads.ts): on `cells` (rows x inputs) when known, on at most two threads when not.
 */
export function workersWanted(threads: number, cells: number | null): number {
  if (threads > 0 || cells !== null) return chooseThreads(threads, cells ?? 0) - 1;
  return Math.min(2, availableParallelism()) - 1;
}

function checkLabels(data: FitData, table: string): void {
  const { y, weight } = data;
  if (y.length !== data.X.n) throw new RangeError(`gbdt: ${y.length} labels for ${data.X.n} rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1)
      throw new InputError({ table, row: i + 1, column: 'label' }, `label must be 0 or 1, got ${y[i]}`);
    if (weight && !(weight[i]! >= 0 && Number.isFinite(weight[i]!))) {
      throw new InputError(
        { table, row: i + 1, column: 'weight' },
        `weight must be a finite number >= 0, got ${weight[i]}`,
      );
    }
  }
}

function classWeighted(data: FitData, scalePosWeight: number): Float64Array | null {
  if (scalePosWeight === 1) return data.weight ?? null;
  const w = new Float64Array(data.y.length);
  for (let i = 0; i < w.length; i++)
    w[i] = (data.weight ? data.weight[i]! : 1) * (data.y[i] === 1 ? scalePosWeight : 1);
  return w;
}

export async function boost(
  train: FitData,
  cfg: BoostConfig,
  validation?: FitData,
  progress: Progress = silentProgress,
): Promise<BoostResult> {
  const X = train.X;
  const n = X.n;
  const F = X.columns.length;
  if (n < 1 || F < 1) throw new RangeError('gbdt: nothing to fit (no rows or no inputs)');
  checkFinite(X, 'training rows');
  checkLabels(train, 'training rows');
  // An empty later slice cannot pick a round: train as without one.
  if (validation && validation.X.n === 0) validation = undefined;
  if (validation) {
    checkFinite(validation.X, 'validation rows');
    checkLabels(validation, 'validation rows');
  }

  const ws = Workspace.allocate(planWorkspace(n, F, slotsNeeded(cfg, n), 2 * leavesAtMost(cfg, n) + 2));
  const threads = chooseThreads(cfg.threads, n * F);
  const sample = binSample(n, Rng.derive(cfg.seed, 'gbdt:bins'));
  const splitParams = {
    lambda: cfg.lambda,
    minChildWeight: cfg.minChildWeight,
    minSplitGain: cfg.minSplitGain,
    monotone: cfg.monotone,
  };
  const { executor, bounds } = await Executor.create(
    ws,
    threads,
    { columns: X.columns, maxBin: cfg.maxBin, sample },
    splitParams,
  );
  try {
    transposeBins(ws.codes, n, F, ws.binsRowMajor);
    const weight = classWeighted(train, cfg.scalePosWeight);
    const baseScore = priorLogOdds(train.y, weight);
    ws.y.set(train.y);
    if (weight) ws.weight.set(weight);
    else ws.weight.fill(1);
    ws.margin.fill(baseScore);
    const growData = { ws, executor, bounds };
    const valWeight = validation?.weight ?? null;
    const allFeatures = Uint32Array.from({ length: F }, (_, j) => j);

    const trees: Tree[] = [];
    const earlyStopping = validation !== undefined && cfg.earlyStoppingRounds > 0;
    // Early stopping reads the held-out loss after every round; otherwise the held-out margins
    // are needed once, after the last round (predictForest: the same bits, much faster).
    const valCodes = validation && earlyStopping ? binColumnMajor(validation.X, bounds) : null;
    const valMargin = validation && earlyStopping ? new Float64Array(validation.X.n).fill(baseScore) : null;
    // Cross-fitting keeps every round grown and reads the loss curve; otherwise trees end at the best round.
    const truncate = earlyStopping && !cfg.keepAllRounds;
    const validationLoss: number[] = [];
    let best = -1;
    let bestLoss = Infinity;
    // With early stopping the kept trees end at the best round, so the margins are copied there.
    let bestTrainMargin: Float64Array | null = null;
    let bestValMargin: Float64Array | null = null;
    progress.start('gbdt: boosting', cfg.nEstimators);
    for (let t = 0; t < cfg.nEstimators; t++) {
      const rng = Rng.derive(cfg.seed, `gbdt:tree:${t}`);
      // On all rows the gradient batch also puts them back in idx, in order.
      executor.gradients(n, cfg.subsample >= 1);
      const rows = cfg.subsample >= 1 ? n : sampleRows(ws.idx, n, cfg.subsample, rng);
      const features =
        cfg.colsampleByTree < 1
          ? sampleFeatures(allFeatures, Math.max(1, Math.round(cfg.colsampleByTree * F)), rng)
          : allFeatures;
      const { tree, leaves } = new TreeGrower(growData, cfg, features, rng).grow(rows);
      trees.push(tree);
      // Rows the tree was grown on sit in its leaves' ranges; the others are routed down it.
      const reached = rows < n ? leaves.concat(routeRows(executor, tree, rows, n)) : leaves;
      executor.addToMargins(
        reached.map((leaf) => ({ begin: leaf.begin, end: leaf.end, value: tree.value[leaf.node]! })),
      );

      if (validation && valMargin && valCodes) {
        tree.addBinned(valCodes, validation.X.n, valMargin);
        const loss = meanLogLoss(valMargin, validation.y, valWeight);
        validationLoss.push(loss);
        if (loss < bestLoss) {
          bestLoss = loss;
          best = t;
          if (truncate) {
            bestTrainMargin = copyInto(bestTrainMargin, ws.margin.subarray(0, n));
            bestValMargin = copyInto(bestValMargin, valMargin);
          }
        } else if (t - best >= cfg.earlyStoppingRounds) {
          break;
        }
      }
      progress.tick(t + 1);
    }
    const rounds = trees.length;
    const keep = truncate ? best + 1 : rounds;
    // No best round only when every loss was NaN: no trees are kept, every margin is the base.
    const trainMargin = truncate ? (bestTrainMargin ?? new Float64Array(n).fill(baseScore)) : ws.margin.slice(0, n);
    const validationMargin = truncate
      ? (bestValMargin ?? new Float64Array(validation!.X.n).fill(baseScore))
      : (valMargin ??
        (validation ? await executor.predictForest(trees, baseScore, validation.X.columns, validation.X.n) : null));
    const bestValidationLoss =
      validation && validationMargin
        ? truncate
          ? bestLoss
          : meanLogLoss(validationMargin, validation.y, valWeight)
        : null;
    return {
      baseScore,
      trees: trees.slice(0, keep),
      rounds,
      bestIteration: keep - 1,
      bestValidationLoss,
      validationLoss,
      trainMargin,
      validationMargin,
      threads,
      bounds,
    };
  } finally {
    progress.done();
    await executor.dispose();
  }
}

/** `source` copied into `target`, allocated on first use. */
function copyInto(target: Float64Array | null, source: Float64Array): Float64Array {
  if (target === null) return source.slice();
  target.set(source);
  return target;
}

/**
 * Puts the round's rows into idx[0..m) and the others into idx[m..n), both ascending, and
 * returns m: each row with probability `rate` (at least one).
 */
function sampleRows(idx: Uint32Array, n: number, rate: number, rng: Rng): number {
  // 32-bit draws against a 32-bit threshold: one draw per row, half the cost of rng.next().
  const threshold = Math.floor(rate * 4294967296);
  let m = 0;
  let rest = n;
  for (let i = 0; i < n; i++) {
    if (rng.nextU32() < threshold) idx[m++] = i;
    else idx[--rest] = i;
  }
  idx.subarray(m).reverse();
  // An empty draw takes the first row instead: idx[0] is then row 0, the rest stay ascending.
  return m > 0 ? m : 1;
}
