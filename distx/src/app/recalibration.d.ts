import type { AppState } from './state.js';
export interface RecalibrationView {
    folder: string;
    decision: Record<string, unknown>;
    /** diff.md as written by recalibrate. */
    diff: string;
    /** The card the run decided on (scorecard.json), its layer weights for the page. */
    weights: {
        layer: string;
        weight: number;
    }[];
}
/** The folder's decision, read on every request: a new quarterly run shows without a restart. */
export declare function recalibrationView(state: AppState): Promise<RecalibrationView | null>;
/** Approve: the decided card, unchanged, as `name` in the app's folder, with `<stem>.approval.md`. */
export declare function approveRecalibration(state: AppState, name: string): Promise<{
    path: string;
    note: string;
}>;
