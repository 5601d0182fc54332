import type { BacktestMetrics } from '../evaluate/index.js';
import type { Chart } from './specs.js';
import type { CallRow, GrowRow } from './story.js';
export interface ReportText {
    title: string;
    /** Lines said before the charts (the recalibration decision, notes on what is missing). */
    notes: string[];
    /** The paragraph on top: what was tested and how it did, in plain words. */
    summary?: string;
    /** The RED accounts to call, by ARR at risk, when the report has a feature table. */
    calls?: {
        asOf: string | null;
        scorecard: string;
        red: number;
        rows: CallRow[];
    } | null;
    /** Where to grow: the GREEN accounts likeliest to expand, when the report has an expansion model. */
    grow?: {
        asOf: string | null;
        scorecard: string;
        model: string;
        green: number;
        rows: GrowRow[];
    } | null;
    /** A backtest of an expansion label: how well expansion was predicted. */
    expansion?: BacktestMetrics | null;
    /** Median lead time per model (days), as the report defines it, in place of the backtest's. */
    leadMedian?: Record<string, number | null>;
    /** A line under a chart, by chart id (e.g. the definition of lead time). */
    chartNotes?: Record<string, string>;
}
/** What each column of the metrics table means, in one line each. */
export declare const COLUMN_MEANINGS: readonly [string, string][];
/** One row per model: what leadership asks first. */
export declare function summaryRows(m: BacktestMetrics, leadMedian?: Record<string, number | null>): string[][];
/** CSM judgments against each model: churn of raised, lowered and agreed accounts, per CSM and overall. */
export declare function judgmentRows(m: BacktestMetrics): string[][] | null;
export declare function renderMarkdown(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): string;
export declare function renderHtml(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): Promise<string>;
