/**
 * GbdtModel: histogram gradient-boosted trees on log loss behind the common ChurnModel
 * interface. The learned state is plain JSON (trees as flat arrays) that predicts the same bits
 * after a save and load.
 */
import { ChurnkitError, UsageError } from '../../util/index.js';
import { readParams } from '../params.js';
import type { ChurnModel, Explanation, FitData, FitOptions, FittedMargins, Matrix } from '../model.js';
import { checkFinite } from './binning.js';
import { boost } from './booster.js';
import { GBDT_PARAMS, checkGbdtParams, resolveMonotone, type GbdtParams } from './params.js';
import { predictForest } from './predict.js';
import { Tree } from './tree.js';
import type { GbdtState } from './state.js';
import { TreeShapExplainer, expectedValue } from './treeshap.js';

export interface FeatureImportance {
  feature: string;
  /** Splits on the feature (XGBoost's "weight"). */
  splits: number;
  /** Sum of the loss reductions of its splits (XGBoost's "total_gain"). */
  total_gain: number;
  /** total_gain / splits (XGBoost's "gain"). */
  mean_gain: number;
}

interface Fitted {
  names: string[];
  baseScore: number;
  trees: Tree[];
  /**
   * How boosting went, with the validation loss per round (cross-fitting compares folds on it;
   * empty when not watched); null for a model restored from its state (the artifact's
   * diagnostics keep it).
   */
  boosting: {
    rounds: number;
    bestIteration: number;
    bestValidationLoss: number | null;
    validationLoss: readonly number[];
  } | null;
  /** Margins of the rows the fit saw; null for a model restored from its state or cut by keepRounds. */
  margins: FittedMargins | null;
  /** Bin bounds of the training run; null for a model restored from its state. */
  bounds: Float64Array[] | null;
}

/** A by-name constraint record (code only), or null for anything else (readParams checks lists). */
function monotoneByName(value: unknown): Record<string, number> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, number> = {};
  for (const [name, c] of Object.entries(value)) {
    if (typeof c !== 'number') throw new UsageError(`gbdt: monotone_constraints.${name} must be -1, 0 or 1, got ${c}`);
    out[name] = c;
  }
  return out;
}

/** Separates a by-name constraint record (code only) from what readParams checks. */
function completeParams(given: Partial<GbdtParams> | Readonly<Record<string, unknown>>): GbdtParams {
  const { monotone_constraints: mono, ...rest } = given;
  const byName = monotoneByName(mono);
  const checked = readParams('gbdt', GBDT_PARAMS, byName || mono === undefined ? rest : given);
  const params: GbdtParams = byName ? { ...checked, monotone_constraints: byName } : checked;
  checkGbdtParams(params);
  return params;
}

export class GbdtModel implements ChurnModel<GbdtState> {
  readonly family = 'gbdt' as const;
  readonly params: GbdtParams;
  private fitted: Fitted | null = null;

  constructor(
    params: Partial<GbdtParams> | Readonly<Record<string, unknown>> = {},
    readonly seed = 0,
  ) {
    this.params = completeParams(params);
  }

  static fromState(state: GbdtState, params: Partial<GbdtParams> | Readonly<Record<string, unknown>> = {}): GbdtModel {
    const model = new GbdtModel(params);
    model.fitted = {
      names: [...state.names],
      baseScore: state.base_score,
      trees: state.trees.map((t) => Tree.fromJSON(t)),
      boosting: null,
      margins: null,
      bounds: null,
    };
    return model;
  }

  async fit(data: FitData, options: FitOptions = {}): Promise<this> {
    const p = this.params;
    const monotone = resolveMonotone(p.monotone_constraints, data.X.names);
    if (options.validation && options.validation.X.columns.length !== data.X.columns.length) {
      throw new UsageError(
        `gbdt: validation rows have ${options.validation.X.columns.length} inputs, training rows ${data.X.columns.length}`,
      );
    }
    const rounds = options.rounds;
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1))
      throw new UsageError(`gbdt: rounds must be a positive integer, got ${rounds}`);
    const result = await boost(
      data,
      {
        nEstimators: rounds === undefined ? p.n_estimators : Math.min(rounds, p.n_estimators),
        learningRate: p.learning_rate,
        maxDepth: p.max_depth,
        maxLeaves: p.max_leaves,
        growPolicy: p.grow_policy,
        minChildWeight: p.min_child_weight,
        lambda: p.reg_lambda,
        minSplitGain: p.gamma,
        subsample: p.subsample,
        colsampleByTree: p.colsample_bytree,
        colsampleByNode: p.colsample_bynode,
        maxBin: p.max_bin,
        scalePosWeight: p.scale_pos_weight,
        earlyStoppingRounds: rounds === undefined ? p.early_stopping_rounds : 0,
        keepAllRounds: options.fullCurve === true,
        monotone,
        threads: p.threads,
        seed: this.seed,
      },
      rounds === undefined ? options.validation : undefined,
      options.progress,
    );
    this.fitted = {
      names: [...data.X.names],
      baseScore: result.baseScore,
      trees: result.trees,
      boosting: {
        rounds: result.rounds,
        bestIteration: result.bestIteration,
        bestValidationLoss: result.bestValidationLoss,
        validationLoss: result.validationLoss,
      },
      margins: { train: result.trainMargin, validation: result.validationMargin },
      bounds: result.bounds,
    };
    return this;
  }

  private model(): Fitted {
    if (!this.fitted) throw new ChurnkitError('gbdt model is not fitted');
    return this.fitted;
  }

  /** The fitted trees (read-only use). */
  get trees(): readonly Tree[] {
    return this.model().trees;
  }

  /** Per input, the upper bounds of its value bins (binning.ts); null after a restore. */
  get binBounds(): readonly Float64Array[] | null {
    return this.model().bounds;
  }

  get baseScore(): number {
    return this.model().baseScore;
  }

  private checkInputs(X: Matrix): void {
    const names = this.model().names;
    if (X.columns.length !== names.length) {
      throw new UsageError(`gbdt model takes ${names.length} inputs (${names.join(', ')}), got ${X.columns.length}`);
    }
    checkFinite(X);
  }

  predictMargin(X: Matrix): Float64Array {
    this.checkInputs(X);
    const m = this.model();
    return predictForest(m.trees, m.baseScore, X.columns, X.n);
  }

  fittedMargins(): FittedMargins | null {
    return this.model().margins;
  }

  explain(X: Matrix): Explanation {
    this.checkInputs(X);
    const m = this.model();
    const F = m.names.length;
    let bias = m.baseScore;
    let depth = 0;
    for (const tree of m.trees) {
      bias += expectedValue(tree);
      depth = Math.max(depth, tree.depth());
    }
    const contributions = Array.from({ length: F }, () => new Float64Array(X.n));
    const explainer = new TreeShapExplainer(depth);
    const phi = new Float64Array(F);
    for (let i = 0; i < X.n; i++) {
      phi.fill(0);
      for (const tree of m.trees) explainer.explainRow(tree, X.columns, i, phi);
      for (let j = 0; j < F; j++) contributions[j]![i] = phi[j]!;
    }
    return { names: [...m.names], bias: new Float64Array(X.n).fill(bias), contributions };
  }

  validationLoss(): readonly number[] {
    return this.model().boosting?.validationLoss ?? [];
  }

  keepRounds(rounds: number): void {
    const m = this.model();
    if (rounds >= m.trees.length) return;
    m.trees = m.trees.slice(0, Math.max(1, rounds));
    if (m.boosting) m.boosting = { ...m.boosting, bestIteration: m.trees.length - 1 };
    // The kept margins summed the cut trees too.
    m.margins = null;
  }

  /** Gain and split-count importance per input, by total gain (ties by input order). */
  importance(): FeatureImportance[] {
    const m = this.model();
    const splits = new Float64Array(m.names.length);
    const gain = new Float64Array(m.names.length);
    for (const tree of m.trees) {
      for (let i = 0; i < tree.size; i++) {
        const f = tree.feature[i]!;
        if (f < 0) continue;
        splits[f]!++;
        gain[f] = gain[f]! + tree.gain[i]!;
      }
    }
    return m.names
      .map((feature, j) => ({
        feature,
        splits: splits[j]!,
        total_gain: gain[j]!,
        mean_gain: splits[j]! > 0 ? gain[j]! / splits[j]! : 0,
        j,
      }))
      .sort((a, b) => b.total_gain - a.total_gain || a.j - b.j)
      .map(({ j: _j, ...rest }) => rest);
  }

  state(): GbdtState {
    const m = this.model();
    return { names: [...m.names], base_score: m.baseScore, trees: m.trees.map((t) => t.toJSON()) };
  }

  /** Trees, leaves and importance; rounds and the validation loss only for a model fitted here. */
  summary(): Record<string, unknown> {
    const m = this.model();
    const b = m.boosting;
    const out: Record<string, unknown> = {
      trees: m.trees.length,
      ...(b ? { rounds: b.rounds, best_iteration: b.bestIteration } : {}),
      leaves: m.trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0),
      importance: this.importance(),
    };
    if (b && b.bestValidationLoss !== null) out['best_validation_log_loss'] = b.bestValidationLoss;
    return out;
  }
}
