import type { ChurnModel, Explanation, FitData, FitOptions, Matrix } from '../model.js';
import { type ParamsOf } from '../params.js';
import type { LogisticState } from './state.js';
import { type AliasedInput } from './aliasing.js';
/**
 * The default ridge penalty on standardized coefficients: scikit-learn's default C = 1 on
 * standardized inputs is l2 = 1 / (2 C) = 0.5 here. It keeps near-collinear inputs and small,
 * (quasi-)separated samples finite and stable and costs nothing measurable on large ones (the
 * penalty does not grow with the rows); docs/models.md has the measurements behind it.
 */
export declare const DEFAULT_L2 = 0.5;
export declare const LOGISTIC_PARAMS: {
    readonly l2: {
        readonly type: 'number';
        readonly default: 0.5;
        readonly min: 0;
        readonly description: 'L2 penalty: l2 * sum(beta^2) added to the negative log-likelihood (scikit-learn C = 1 / (2 * l2)); 0 = exact maximum likelihood';
    };
    readonly l1: {
        readonly type: 'number';
        readonly default: 0;
        readonly min: 0;
        readonly description: 'L1 penalty: l1 * sum(|beta|) added to the negative log-likelihood (scikit-learn C = 1 / l1)';
    };
    readonly penalty_scale: {
        readonly type: 'choice';
        readonly default: 'standardized';
        readonly choices: readonly ["standardized", "original"];
        readonly description: 'penalize coefficients of standardized inputs (scale-free, the default) or of the inputs as given (as scikit-learn on unscaled data, peer.py)';
    };
    readonly max_iter: {
        readonly type: 'integer';
        readonly default: 100;
        readonly min: 1;
        readonly description: 'maximum Newton iterations';
    };
    readonly tol: {
        readonly type: 'number';
        readonly default: 1e-10;
        readonly min: 0;
        readonly description: 'accuracy of the standardized coefficients: Newton stops after a step below 0.1 * sqrt(tol)';
    };
};
export type LogisticParams = ParamsOf<typeof LOGISTIC_PARAMS>;
export interface CoefficientRow {
    name: string;
    coef: number;
    se: number | null;
    z: number | null;
    p_value: number | null;
    /** exp(coef): multiplies the odds of churn per unit increase of the input. */
    odds_ratio: number | null;
    odds_ratio_ci_low: number | null;
    odds_ratio_ci_high: number | null;
    /** exp(coef * sd): per one training standard deviation, comparable across inputs. */
    odds_ratio_per_sd: number | null;
    status: 'estimated' | 'constant' | 'aliased' | 'zeroed by l1';
    /** Why a coefficient is not estimated, e.g. what an aliased input duplicates. */
    note?: string;
}
/** How the fit went, kept as the artifact's diagnostics (summary()); not needed to predict. */
export type LogisticDiagnostics = {
    /** The coefficient table, intercept first, on the inputs' original scale. */
    coefficients: CoefficientRow[];
    iterations: number;
    rows: number;
    weight_sum: number;
    log_likelihood: number;
    null_log_likelihood: number;
    penalty: number;
    se_method: 'observed_information' | 'sandwich' | 'penalized_information';
    /** Inputs constant in training: no information, coefficient fixed at 0. */
    dropped: string[];
    /**
     * Inputs that are exactly a linear combination of the intercept and inputs kept before them
     * (aliasing.ts): not identified, so not fitted (coefficient 0), with what they duplicate.
     * Absent when there are none.
     */
    aliased?: AliasedInput[];
};
export declare class LogisticModel implements ChurnModel<LogisticState, LogisticDiagnostics> {
    readonly family: 'logistic';
    readonly params: LogisticParams;
    private fitted;
    /** Null for a model restored from its state: the table lives in the artifact's diagnostics. */
    private report;
    constructor(params?: Readonly<Record<string, unknown>>);
    static fromState(state: LogisticState, params?: Readonly<Record<string, unknown>>): LogisticModel;
    fit(data: FitData, _options?: FitOptions): Promise<this>;
    private get s();
    private checkColumns;
    predictMargin(X: Matrix): Float64Array;
    predictProba(X: Matrix): Float64Array;
    /** Contribution of input j: b_j (x_j - mean_j); the bias is the margin at the training means. */
    explain(X: Matrix): Explanation;
    state(): LogisticState;
    summary(): LogisticDiagnostics;
}
