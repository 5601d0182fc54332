import { type Frame } from '../../../src/data/frame.js';
import type { FitData } from '../../../src/learn/index.js';
/** A committed fixture of test/fixtures/mlp. */
export declare function mlpFixture(name: string): string;
export declare function json<T = any>(name: string): T;
export declare function loadMlpFixture(name: string): Promise<Frame>;
/** Rows [from, to) of the numeric columns `names` with label `label`, as FitData. */
export declare function fitSlice(frame: Frame, names: readonly string[], label: string, from: number, to: number): FitData;
