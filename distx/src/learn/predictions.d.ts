import type { Frame } from '../data/index.js';
export interface PredictionColumn {
    name: string;
    /** Numbers (NaN = NULL) or text (null = NULL). */
    values: Float64Array | readonly (string | null)[];
}
export declare function predictionFormat(path: string): 'csv' | 'parquet';
export declare function writePredictions(path: string, frame: Frame, columns: readonly PredictionColumn[]): Promise<{
    rows: number;
    columns: string[];
}>;
