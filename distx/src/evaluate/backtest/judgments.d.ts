import { type JudgmentBand } from '../../history/index.js';
import { type Scorecard } from '../../scorecard/index.js';
/** What the backtest needs of a judgment. */
export interface JudgmentRecord {
    account_id: string;
    as_of: string;
    band: JudgmentBand | null;
    score: number | null;
    author: string;
}
export declare const JUDGMENT_WINDOW_DAYS = 31;
/**
 * Judgments from a file (.csv, .parquet, .json, .jsonl: columns account_id, as_of, author, and
 * band and/or score; `churnkit judge --list --out` writes one) or from a score history (a DuckDB
 * file or postgres:// URL). Every row is checked as `churnkit judge` checks it.
 */
export declare function readJudgments(source: string): Promise<JudgmentRecord[]>;
/** Churn of the judged accounts one way: observed, with its interval, beside what the model's band said. */
export interface JudgmentCell {
    rows: number;
    churned: number;
    rate: number | null;
    lo: number;
    hi: number;
    /** Mean churn rate of the model's band for these rows, over all of the model's test rows. */
    expected_rate: number | null;
}
export interface JudgmentCells {
    /** The CSM rated the account healthier than the model's band. */
    raised: JudgmentCell;
    /** The CSM rated it less healthy. */
    lowered: JudgmentCell;
    agreed: JudgmentCell;
}
export interface JudgmentsSection {
    source: string;
    /** A judgment speaks for the first snapshot on or after its as_of, at most this many days later. */
    window_days: number;
    /** Whose thresholds turn a judged score into a band. */
    score_bands_from: string;
    total: number;
    matched: number;
    unmatched: {
        no_snapshot: number;
        censored: number;
    };
    models: Record<string, {
        outside_test_folds: number;
        overall: JudgmentCells;
        by_author: Record<string, JudgmentCells>;
    }>;
}
export interface JudgmentAssessInput {
    judgments: readonly JudgmentRecord[];
    source: string;
    account: readonly string[];
    asOf: readonly string[];
    y: Float64Array;
    segment: readonly (string | null)[];
    /** Each model's test rows (frame row indices) and the band index it gave each of them. */
    models: readonly {
        name: string;
        rows: readonly number[];
        band: readonly number[];
    }[];
    /** Churn rate per band index of each model, over its pooled test rows. */
    bandRates: Readonly<Record<string, readonly (number | null)[]>>;
    card: Scorecard;
    cardName: string;
    windowDays?: number;
}
export declare function assessJudgments(input: JudgmentAssessInput): JudgmentsSection;
