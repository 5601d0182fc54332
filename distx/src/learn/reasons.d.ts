/**
 * Reasons for a model's probability: per row, the input columns that push its churn risk up the
 * most, read off the model's exact attributions (explain(): logistic contributions, TreeSHAP for
 * gbdt), with one-hot levels and missing indicators summed back into their column, so a reason is
 * always a column of the feature table and its value is the account's own.
 */
import type { Frame } from '../data/index.js';
import { type CatalogueValue } from '../catalogue/index.js';
import type { TrainedModel } from './pipeline.js';
/** Reasons by rank, column-major: `feature[r][i]` is row i's (r+1)-th reason, null when it has fewer. */
export interface ModelReasons {
    n: number;
    k: number;
    feature: (string | null)[][];
    /** The row's value of that column (NULL as null; booleans 0/1; categoricals as text). */
    value: CatalogueValue[][];
    /** The catalogue's sentence for the value. */
    text: (string | null)[][];
    /** The column's contribution to the margin (log-odds), NaN when there is no reason. */
    contribution: Float64Array[];
}
/**
 * The top `k` reasons per row: columns with a positive contribution to the margin, largest
 * first, ties in the model's column order. Fewer than `k` when fewer columns push risk up.
 */
export declare function modelReasons(model: TrainedModel, frame: Frame, k: number, table?: string): ModelReasons;
