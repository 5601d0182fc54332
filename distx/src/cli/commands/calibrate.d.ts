import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
export interface CalibrateFlags extends Record<string, unknown> {
    features: string;
    model?: string;
    embedModel?: boolean;
    base: string;
    out: string;
    horizon?: number;
    holdout: string;
    label?: string;
    columns?: string[];
    timeColumn?: string;
    idColumn?: string;
    seed: number;
    bootstrap: number;
    /** The card the fidelity report compares with (default: the shipped one); recalibrate passes the champion. */
    reference?: string;
    /** `segment`: weights of their own per segment, pooled toward the global ones. */
    by?: string;
    pooling?: string;
}
/** The command's work, for commands that chain it (recalibrate, demo). */
export declare function run(flags: CalibrateFlags, io: CommandIO): Promise<{
    ok: boolean;
    out: string;
    reports: {
        fidelityJson: string;
        fidelityMarkdown: string;
        overridesJson: string;
        overridesMarkdown: string;
    };
    target: string;
    slices: {
        fit: import("../../scorecard/calibrate/reports.js").SliceSummary;
        later: import("../../scorecard/calibrate/reports.js").SliceSummary;
        embargoed_rows: number;
    };
    auc: {
        calibrated: number;
        default: number;
        model: number | null;
    };
    rank_correlation: {
        calibrated_vs_model: number | null;
        default_vs_model: number | null;
        calibrated_vs_default: number;
    };
    layers: {
        name: string;
        weight: number;
        ci90: [number, number] | null;
    }[];
    bands: {
        green: number;
        yellow: number;
        segments?: Record<string, {
            green: number;
            yellow: number;
        }> | undefined;
        known_segments?: string[] | undefined;
        method?: string | undefined;
    };
    segment_weights?: import("../../scorecard/calibrate/segments.js").SegmentComparison | undefined;
    warnings: string[];
}>;
/**
 * The demo's calibration: the demo feature table (and the demo model when a train step ran) to
 * `models/demo/scorecard.json` with its reports. The path is in the step's summary (`out`).
 */
export declare const calibrateDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
export declare function register(program: Command): void;
