import type { ChurnModel, Explanation, FitData, FitOptions, FittedMargins, Matrix } from '../model.js';
import { type GbdtParams } from './params.js';
import { Tree } from './tree.js';
import type { GbdtState } from './state.js';
export interface FeatureImportance {
    feature: string;
    /** Splits on the feature (XGBoost's "weight"). */
    splits: number;
    /** Sum of the loss reductions of its splits (XGBoost's "total_gain"). */
    total_gain: number;
    /** total_gain / splits (XGBoost's "gain"). */
    mean_gain: number;
}
export declare class GbdtModel implements ChurnModel<GbdtState> {
    readonly seed: number;
    readonly family: 'gbdt';
    readonly params: GbdtParams;
    private fitted;
    constructor(params?: Partial<GbdtParams> | Readonly<Record<string, unknown>>, seed?: number);
    static fromState(state: GbdtState, params?: Partial<GbdtParams> | Readonly<Record<string, unknown>>): GbdtModel;
    fit(data: FitData, options?: FitOptions): Promise<this>;
    private model;
    /** The fitted trees (read-only use). */
    get trees(): readonly Tree[];
    /** Per input, the upper bounds of its value bins (binning.ts); null after a restore. */
    get binBounds(): readonly Float64Array[] | null;
    get baseScore(): number;
    private checkInputs;
    predictMargin(X: Matrix): Float64Array;
    fittedMargins(): FittedMargins | null;
    explain(X: Matrix): Explanation;
    validationLoss(): readonly number[];
    keepRounds(rounds: number): void;
    /** Gain and split-count importance per input, by total gain (ties by input order). */
    importance(): FeatureImportance[];
    state(): GbdtState;
    /** Trees, leaves and importance; rounds and the validation loss only for a model fitted here. */
    summary(): Record<string, unknown>;
}
