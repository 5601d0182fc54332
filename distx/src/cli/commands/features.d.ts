import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
import { type Every, type LabelKind, type FeatureSetName } from '../../features/index.js';
export interface FeaturesFlags extends Record<string, unknown> {
    data: string;
    out: string;
    every: string;
    horizon: number;
    dataEnd?: string;
    from?: string;
    label: string;
    expansionThreshold?: number;
    featureSet?: string;
    /** Usage trends that also get a year-over-year column `<name>_yoy`. */
    seasonal?: string[];
    config?: string;
    allowOutsideData?: boolean;
    threads?: number;
    memoryLimit?: string;
}
export declare function register(program: Command): void;
/**
 * The demo's features step (docs/cli.md, `demo`): the simulated history -> a feature table with
 * its QA, at `<root>/demo-features/features.parquet`. Later demo steps find the path in
 * `results.features.out`.
 */
export declare const featuresDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        data: string;
        root: string;
        io: CommandIO;
    }): Promise<unknown>;
};
/** The command's work, for commands that chain it (recalibrate, demo). */
export declare function run(flags: FeaturesFlags, io: CommandIO): Promise<{
    ok: boolean;
    out: string;
    format: import("../../features/build.js").FeatureFileFormat;
    rows: number;
    accounts: number;
    as_of: {
        first: string | undefined;
        last: string | undefined;
        count: number;
        every: "list" | Every;
    };
    data_end: string;
    horizon: number;
    label: LabelKind;
    expansion?: {
        column: string;
        threshold: number;
        labeled: number;
        positives: number;
        rate: number | null;
    } | undefined;
    feature_set: FeatureSetName;
    null_features: import("../../features/qa.js").NullNote[];
    coverage: import("../../features/coverage.js").DataCoverage;
    qa_files: {
        json: string;
        markdown: string;
    };
    qa: {
        kind: 'churnkit.feature_qa';
        version: 1;
        rows: number;
        accounts: number;
        as_of: {
            first: string | null;
            last: string | null;
            count: number;
        };
        label: {
            column: string;
            labeled: number;
            censored: number;
            positives: number;
            rate: number | null;
        };
        columns: import("../../features/qa.js").ColumnQa[];
        correlation: {
            columns: string[];
            matrix: (number | null)[][];
        };
        coverage: import("../../features/coverage.js").DataCoverage;
    };
}>;
