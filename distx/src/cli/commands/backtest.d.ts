import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
import { type BacktestMetrics, type JudgmentsSection } from '../../evaluate/index.js';
export interface BacktestFlags extends Record<string, unknown> {
    features: string;
    models: string[];
    out: string;
    start?: string;
    step: string;
    horizon: number;
    capacity?: number;
    seed: number;
    param: string[];
    from?: string;
    label?: string;
    columns?: string[];
    categorical?: string[];
    timeColumn?: string;
    idColumn?: string;
    force?: boolean;
    judgments?: string;
    judgmentWindow?: number;
    calibration?: string;
}
/**
 * The scorecards of a backtest ranked by pooled ROC AUC, with the folds each one won: how the
 * backtest says whether one card or per-segment cards win. Null with fewer than two scorecards.
 */
export declare function scorecardRanking(metrics: BacktestMetrics): {
    name: string;
    auc: number;
    folds_won: number;
    folds: number;
}[] | null;
/** `--param logistic.l2=0.1` -> { logistic: { l2: '0.1' } }. */
export declare function familyParams(assignments: readonly string[]): Record<string, Record<string, unknown>>;
/**
 * Pooled AUC beside the mean of the folds' AUCs (a pooled AUC below the mean says the folds'
 * probabilities do not line up with each other), PR AUC, Brier, lift and RED vs GREEN churn per
 * model, as aligned text.
 */
export declare function formatBacktestTable(metrics: BacktestMetrics): string;
/** Judged accounts' churn, raised vs lowered vs agreed, against each model's band, per CSM and overall. */
export declare function formatJudgmentsTable(j: JudgmentsSection): string;
/** The command's work, for commands that chain it (recalibrate, demo). */
export declare function run(flags: BacktestFlags, io: CommandIO): Promise<{
    ok: boolean;
    out: string;
    metrics: string;
    oof: string;
    folds: {
        cutoff: string;
        test_end: string;
        train_rows: number;
        test_rows: number;
    }[];
    start_reason: string;
    from: string | null;
    skipped_folds: import("../../evaluate/index.js").SkippedFold[];
    notes: string[];
    scorecard_ranking?: {
        name: string;
        auc: number;
        folds_won: number;
        folds: number;
    }[] | undefined;
    judgments: JudgmentsSection | null;
    pooled: {
        [k: string]: {
            auc: number | null;
            mean_fold_auc: number | null;
            pr_auc: number | null;
            brier: number | null;
            lift_top_decile: number | null;
            precision_at_capacity: number | null;
            red_rate: number | null;
            green_rate: number | null;
        };
    };
}>;
/**
 * The demo's backtest: logistic, gbdt and the default scorecard on the demo feature table
 * (mlp is left out for time) to `reports/demo/backtest/`, where the report step reads it.
 */
export declare const backtestDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
/**
 * The demo's expansion model: logistic on `expanded_within_90d` of the demo feature table
 * (`models/demo/expansion.json`), and its walk-forward backtest beside the default card
 * (`reports/demo/expansion/`), which the report reads for "where to grow".
 */
export declare const expansionDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
/** The presets the demo backtests beside the calibrated card (four-layer is the default card itself). */
export declare const DEMO_PRESETS: readonly ['mature', 'early-stage', 'equal-metrics', 'business-health', 'five-component'];
/**
 * The demo's side-by-side of the seeds' scorecards: the default card, every preset and the
 * calibrated card on the same walk-forward folds, to `reports/demo/presets/`. Scorecards are not
 * trained in a fold, so the folds start where the calibrated card's later slice starts: its points
 * and weights were fitted on rows whose labels closed before that day, and a comparison on earlier
 * folds would test it on its own fitting rows.
 */
export declare const presetsDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
export declare function register(program: Command): void;
