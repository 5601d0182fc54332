import type { DuckDBConnection } from '@duckdb/node-api';
export declare class SpillWriter {
    readonly path: string;
    readonly columnNames: readonly string[];
    private readonly columns;
    private readonly block;
    private readonly fd;
    private n;
    /** Rows written so far. */
    rows: number;
    constructor(path: string, columnNames: readonly string[]);
    /** Appends one row; values beyond the writer's column count are ignored. */
    add(a: number, b: number, c: number, d: number, e?: number, f?: number, g?: number): void;
    private advance;
    private flush;
    private open;
    close(): void;
    /** Closes the file without flushing (after a failure). */
    dispose(): void;
}
/**
 * Registers `name()` as a table function that streams a spill file back as INTEGER columns,
 * in the order it was written. The file is closed when the scan ends.
 */
export declare function registerSpillScan(conn: DuckDBConnection, name: string, path: string, columnNames: readonly string[]): void;
