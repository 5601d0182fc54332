import { type Frame } from '../data/index.js';
import { type Scorecard, type ScoredTable } from '../scorecard/index.js';
import { type ScorecardBacktest, type ScorecardFolds } from '../evaluate/index.js';
export interface AppOptions {
    /** The feature table (Parquet or CSV) the accounts and the editor read. */
    features: string;
    /** The served scorecard (a file, or `default`). */
    scorecard: string;
    /** A backtest folder (`churnkit backtest --out`): its folds for the editor, its report at /report. */
    backtest?: string;
    /** A model artifact: its churn probability beside the score. */
    model?: string;
    /** The history the features were built from: names, owners, churn dates and the raw events of an account. */
    data?: string;
    /** A `churnkit recalibrate --out` folder: /recalibration shows its decision for approval. */
    recalibration?: string;
    /** Where Save and approvals write (default: the served scorecard's folder). */
    out?: string;
    /** Save may replace the served scorecard file. */
    allowWrite?: boolean;
    /** A score history (DuckDB file or postgres:// URL): CSM judgments are recorded in it and shown beside the score. */
    history?: string;
}
/** The latest snapshot of every account and everything the app shows of it, row-aligned with the frame. */
export interface AppState {
    options: AppOptions;
    frame: Frame;
    card: Scorecard;
    /** The served card's path on disk. */
    cardPath: string;
    scored: ScoredTable;
    /** Model probability per frame row (NaN where the model gives none); null without a model. */
    modelProbability: Float64Array | null;
    modelName: string | null;
    accountIds: string[];
    asOf: string[];
    segments: (string | null)[];
    names: Map<string, string | null> | null;
    owners: Map<string, string | null> | null;
    /** Frame rows of each account, oldest snapshot first. */
    rowsOf: Map<string, number[]>;
    /** Frame rows by as-of date and segment (peerKey): an account's peers for segment medians. */
    peers: Map<string, number[]>;
    /** The latest as-of in the table. */
    lastAsOf: string;
    /** The folds the editor evaluates on; null when the table cannot be backtested (see foldsError). */
    folds: ScorecardFolds | null;
    foldsError: string | null;
    /** The served card on the folds (what the editor compares against). */
    saved: ScorecardBacktest | null;
    /** The folder Save and Approve write into, resolved; null for the shipped card without --out (its folder is churnkit's own). */
    outDir: string | null;
}
export declare const peerKey: (asOf: string, segment: string | null) => string;
export declare function loadAppState(options: AppOptions): Promise<AppState>;
