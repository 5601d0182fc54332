import type { Frame } from '../../data/index.js';
export interface TableUsageCoverage {
    /** Usage starts late: the first day its windows are wholly covered; null when usage is not late (or unknown). */
    covered_from: string | null;
    /** Where that came from: the QA file of `churnkit features`, the table's zero_usage_14d, or nothing. */
    source: 'features_qa' | 'zero_usage_14d' | null;
    /** The first as-of date on or after covered_from: what --from should be to leave the uncovered rows out. */
    suggested_from: string | null;
}
/** Usage coverage of the feature table at `path` (already loaded as `frame`, `asOf` its dates). */
export declare function usageCoverageOfTable(path: string, frame: Frame, asOf: readonly string[]): Promise<TableUsageCoverage>;
