import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
/** The demo's scoring: the calibrated scorecard over the demo feature table, to `models/demo/scores.csv` beside it. */
export declare const scoreDemoStep: {
    name: string;
    title: string;
    run(ctx: {
        root: string;
        io: CommandIO;
        results: Record<string, unknown>;
    }): Promise<unknown>;
};
export declare function register(program: Command): void;
