import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
import { type ReportOptions } from '../../report/index.js';
export type ReportFlags = Omit<ReportOptions, 'progress'> & Record<string, unknown>;
/** The command's work, for commands that chain it (recalibrate, demo). */
export declare function run(flags: ReportFlags, io: CommandIO): Promise<{
    ok: boolean;
    out: string;
    html: string;
    markdown: string;
    charts: {
        id: string;
        title: string;
        png: string;
    }[];
    skipped: string[];
    drift: import("../../report/drift.js").Drift | null;
}>;
/** The demo's report: the backtest, the calibrated scorecard against the shipped one, drift. */
export declare const reportDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        data?: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
export declare function register(program: Command): void;
