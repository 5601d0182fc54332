import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
import { type CoefficientRow } from '../../learn/index.js';
interface TrainFlags extends Record<string, unknown> {
    features: string;
    model: string;
    out: string;
    label: string;
    columns?: string[];
    categorical?: string[];
    calibration?: string;
    l2?: string;
    l1?: string;
    classWeight: string;
    seed: number;
    param: string[];
    missing: string;
    horizon?: number;
    holdout?: string;
    timeColumn?: string;
}
/** The coefficient table as aligned text, for the analyst reading the terminal. */
export declare function formatCoefficientTable(rows: readonly CoefficientRow[]): string;
export declare function run(flags: TrainFlags, io: CommandIO): Promise<{
    ok: boolean;
    out: string;
    family: import("../../learn/model.js").ModelFamily;
    features: string[];
    provenance: import("../../learn/model.js").Provenance;
    training: import("../../learn/model.js").TrainingRecord;
    calibration: "isotonic" | "none" | "platt";
    metrics: Record<string, unknown>;
    coefficients?: CoefficientRow[] | undefined;
    warnings: readonly string[];
    notes: string[];
}>;
/** The demo's models: logistic (its coefficients read as weights) and gbdt, to `models/demo/`. */
export declare const trainDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
export declare function register(program: Command): void;
export {};
