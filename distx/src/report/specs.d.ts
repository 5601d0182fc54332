/**
 * The report's charts as Vega-Lite specs, each a pure function of the data it shows. Titles ask
 * the question a VP of Customer Success would ask; subtitles say how to read the answer.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BacktestMetrics } from '../evaluate/index.js';
import type { Band } from '../scorecard/index.js';
import type { Drift } from './drift.js';
/** RED, YELLOW and GREEN as every chart (report and app) draws them. */
export declare const BAND_COLORS: Record<Band, string>;
export interface Chart {
    id: string;
    title: string;
    spec: TopLevelSpec;
}
export declare function rocChart(m: BacktestMetrics): Chart;
export declare function prChart(m: BacktestMetrics): Chart;
export declare function reliabilityChart(m: BacktestMetrics): Chart;
export declare function gainsChart(m: BacktestMetrics): Chart;
/** One point of the lead-time chart: a model's share of churned accounts RED at least `days` before churning. */
export interface LeadRow {
    model: string;
    days: number;
    share: number;
}
export declare function leadChart(rows: readonly LeadRow[], models: readonly string[], horizon: number): Chart;
export declare function bandChart(m: BacktestMetrics): Chart;
export interface ScoreBin {
    model: string;
    band: string;
    bin: number;
    accounts: number;
}
export declare function scoreDistributionChart(bins: readonly ScoreBin[]): Chart;
export declare function foldChart(m: BacktestMetrics): Chart;
export interface WeightRow {
    /** `usage` for a layer, `usage / usage_trend_14d` for a signal (its share of the whole score). */
    item: string;
    level: 'layer' | 'signal';
    scorecard: 'previous' | 'new';
    weight: number;
    lo?: number;
    hi?: number;
}
export declare function weightsChart(rows: readonly WeightRow[], names: {
    previous: string;
    next: string;
}): Chart;
export interface DecileRow {
    feature: string;
    decile: number;
    rate: number;
    rows: number;
}
export declare function decileChart(rows: readonly DecileRow[], features: readonly string[]): Chart;
export declare function driftChart(drift: Drift): Chart;
