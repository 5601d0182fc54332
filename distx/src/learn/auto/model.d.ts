import type { ChurnModel, Explanation, FitData, FitOptions, Matrix } from '../model.js';
import { type ParamsOf } from '../params.js';
import type { AutoState } from './state.js';
export declare const AUTO_PARAMS: {
    readonly folds: {
        readonly type: 'integer';
        readonly default: 5;
        readonly min: 2;
        readonly max: 20;
        readonly description: 'time-ordered folds of the inner validation';
    };
    readonly candidates: {
        readonly type: 'choice';
        readonly default: 'all';
        readonly choices: readonly ["all", "logistic", "gbdt", "blend"];
        readonly description: 'all: choose by inner validation; or force one candidate';
    };
};
export type AutoParams = ParamsOf<typeof AUTO_PARAMS>;
export type AutoChoice = 'logistic' | 'gbdt' | 'blend';
export interface CandidateScore {
    /** Out-of-fold log loss after Platt scaling on the out-of-fold rows (lower is better). */
    log_loss: number;
    auc: number;
}
/** +1 / -1 from the features' documented directions; 0 for inputs without one. */
export declare function documentedMonotone(names: readonly string[]): number[];
export declare class AutoModel implements ChurnModel<AutoState> {
    readonly seed: number;
    readonly family: 'auto';
    readonly params: AutoParams;
    private fitted;
    private logisticMember;
    private gbdtMember;
    private oof;
    constructor(params?: Readonly<Record<string, unknown>>, seed?: number);
    static fromState(state: AutoState, params?: Readonly<Record<string, unknown>>): AutoModel;
    fit(data: FitData, options?: FitOptions): Promise<this>;
    private get s();
    /** Out-of-fold margins of the chosen candidate on the rows given to fit (for calibration). */
    outOfFold(): {
        rows: number[];
        margin: Float64Array;
    } | null;
    private logisticMatrix;
    predictMargin(X: Matrix): Float64Array;
    /** Members' contributions summed per input (a `:missing` indicator counts for its column). */
    explain(X: Matrix): Explanation;
    state(): AutoState;
    /** The members' own diagnostics (what was chosen and why is state: the artifact keeps it once). */
    summary(): Record<string, unknown>;
}
