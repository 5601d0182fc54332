import type { Progress } from '../util/index.js';
import type { BacktestMetrics } from '../evaluate/index.js';
import { type ReportText } from './document.js';
import { type LeadTimes } from './story.js';
import { type Chart } from './specs.js';
import type { Drift } from './drift.js';
export { populationStability, featureDrift, type Drift } from './drift.js';
export { toSvg, svgToPng, vegaSpec } from './render.js';
export * from './specs.js';
export type { LeadTimes } from './story.js';
export { poolingNotes, POOLING_GAP } from './story.js';
export { decidePromotion, weightChanges, diffMarkdown, cardDiffLines, } from './recalibrate.js';
export interface ReportOptions {
    backtest: string;
    out: string;
    /** The history the features came from: churn dates for lead time, names for the accounts to call. */
    data?: string;
    /** The feature table the backtest ran on: churn by decile and drift. */
    features?: string;
    /** A new scorecard (e.g. from calibrate) to compare with `previous` (default: the shipped one). */
    scorecard?: string;
    previous?: string;
    /** A model trained on an expansion label: "where to grow", the GREEN accounts likeliest to expand (needs `features`). */
    expansionModel?: string;
    /** A backtest run with `--label expanded_within_90d`: how well expansion was predicted. */
    expansionBacktest?: string;
    title?: string;
    notes?: string[];
    /** Write into a folder that holds files churnkit did not write (they are kept). */
    force?: boolean;
    progress?: Progress;
}
export interface ReportResult {
    out: string;
    html: string;
    markdown: string;
    charts: {
        id: string;
        title: string;
        png: string;
    }[];
    skipped: string[];
    drift: Drift | null;
    metrics: BacktestMetrics;
    lead: LeadTimes;
    summary: string;
}
/** A report composed in memory: its charts (Vega-Lite) and words, before any PNG or file. */
export interface ComposedReport {
    metrics: BacktestMetrics;
    charts: Chart[];
    text: ReportText;
    skipped: string[];
    drift: Drift | null;
    lead: LeadTimes;
}
/** Everything the report says, from its inputs; buildReport draws and writes it, the web app serves it. */
export declare function composeReport(options: Omit<ReportOptions, 'out'>): Promise<ComposedReport>;
/** The composed report as its offline HTML page (charts drawn in the page by the vega runtime). */
export declare function reportHtml(report: ComposedReport): Promise<string>;
export declare function buildReport(options: ReportOptions): Promise<ReportResult>;
