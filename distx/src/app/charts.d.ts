import { type Band } from '../scorecard/index.js';
export interface HistoryPoint {
    as_of: string;
    score: number | null;
    band: Band | null;
    probability: number | null;
    model_probability: number | null;
}
/**
 * Score over an account's snapshots on the bands it crossed: the band areas shaded behind (at
 * the thresholds of the account's segment), the score as a line, each snapshot a dot in its band's colour.
 */
export declare function scoreHistoryChart(points: readonly HistoryPoint[], thresholds: {
    yellow: number;
    green: number;
}): import("vega-typings/index.js").Spec;
/** The churn probabilities of an account over its snapshots: the card's map and the model's, where given. */
export declare function probabilityHistoryChart(points: readonly HistoryPoint[]): import("vega-typings/index.js").Spec | null;
/** Name of the data set the editor's band chart reads: rows {card, band, rate, lo, hi, rows}. */
export declare const EDITOR_BANDS_DATA = "bands";
/** Churn rate per band with Wilson intervals, the saved card beside the edited one. */
export declare function editorBandChart(): import("vega-typings/index.js").Spec;
