import { type AccountRow } from './accounts.js';
import { type HistoryPoint } from './charts.js';
import { type AppState } from './state.js';
export interface SignalRow {
    feature: string;
    label: string;
    layer: string;
    /** Share of the whole score: layer weight x signal weight. */
    weight: number;
    value: number | string | null;
    value_text: string;
    /** The median over the same segment's accounts at the same as-of (null without one). */
    median: number | null;
    median_text: string;
    points: number | null;
    sentence: string;
}
export interface AccountDetail {
    account: AccountRow;
    coverage: number;
    missing: string[];
    layers: {
        name: string;
        weight: number;
        score: number | null;
    }[];
    signals: SignalRow[];
    /** Override signals and context at the latest snapshot (escalation, renewal, ARR, seats, tenure). */
    context: {
        feature: string;
        label: string;
        value_text: string;
    }[];
    history: HistoryPoint[];
    thresholds: {
        yellow: number;
        green: number;
    };
    charts: {
        score: unknown;
        probability: unknown;
    };
    model: string | null;
}
/** Everything the account page shows; null when the account is not in the table. */
export declare function accountDetail(state: AppState, id: string): AccountDetail | null;
/** The app's own computed score of an account at a day: its latest snapshot on or before it (null when none). */
export declare function computedAt(state: AppState, id: string, asOf: string): {
    as_of: string;
    score: number;
    band: string;
} | null;
