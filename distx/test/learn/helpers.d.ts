import { type Frame } from '../../src/data/frame.js';
/** A committed fixture of test/fixtures/logistic as parsed JSON. */
export declare function json<T = any>(name: string): T;
export declare function loadFixture(name: string): Promise<Frame>;
export declare function rowsWhere(frame: Frame, keep: (i: number) => boolean): Frame;
export declare function range(from: number, to: number): number[];
/** |actual - expected| <= rel * |expected| (+ abs for values near zero). */
export declare function close(actual: number, expected: number, rel: number, what: string, abs?: number): void;
export declare function closeArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string, abs?: number): void;
/** The compiled CLI, run to completion. */
export declare function churnkit(...args: string[]): import("child_process").SpawnSyncReturns<string>;
/** The accounts fixture and the flags that train on it: categoricals segment and region, nps NULL on 10% of rows. */
export declare const ACCOUNTS: string;
export declare const TABLE_FLAGS: string[];
