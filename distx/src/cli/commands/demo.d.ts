import type { Command } from 'commander';
import { type CommandIO } from '../command.js';
/** What every demo step gets: the flags, a place for its outputs, and what earlier steps produced. */
export interface DemoContext {
    accounts: number;
    months: number;
    seed: number;
    /** The simulated history folder (data/demo by default). */
    data: string;
    /** The demo's root for everything but the history (models, reports): the parent of `data`. */
    root: string;
    io: CommandIO;
    /** Each finished step's summary, by step name, for later steps and for --json. */
    results: Record<string, unknown>;
}
export interface DemoStep {
    name: string;
    /** What the step does, for the progress line. */
    title: string;
    /** Runs the step and returns its summary; says what it did through `ctx.io.say`. */
    run(ctx: DemoContext): Promise<unknown>;
}
/**
 * The demo pipeline, in order. Later issues append their steps (features, train, backtest,
 * calibrate, score, report) here; each sees the summaries of the steps before it.
 */
export declare const DEMO_STEPS: DemoStep[];
export declare function register(program: Command): void;
