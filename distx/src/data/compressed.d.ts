/** Whether a path names a gzip-compressed file. */
export declare function isGzipPath(path: string): boolean;
/**
 * Decompresses a whole gzip file to nowhere, which checks every member's CRC-32 and length
 * trailer: DuckDB's reader stops quietly at a cut, so a truncated export would otherwise read
 * as fewer rows with no error. Null when the file is whole, else what is wrong.
 */
export declare function gzipProblem(path: string): Promise<string | null>;
