import { type TableName } from '../../src/data/contract.js';
import type { History } from '../../src/data/history.js';
export type Rows = Record<string, unknown>[];
/** The good fixture (all eight tables as CSV) copied into a fresh folder the test may break. */
export declare function goodCopy(): Promise<{
    dir: string;
    cleanup: () => Promise<void>;
}>;
export declare function write(dir: string, name: string, text: string): Promise<void>;
/** The pandas reference rows for the good fixture (see test/fixtures/data/README.md). */
export declare function expectedGood(): Promise<Record<TableName, Rows>>;
/** A typed view's rows in the reference's shapes: times as text in UTC, integers as numbers. */
export declare function viewRows(history: History, table: TableName): Promise<Rows>;
/** File names in a folder, to show a command wrote nothing. */
export declare function listing(dir: string): Promise<string[]>;
