/** A sibling path for a temporary file, so the final rename stays on one filesystem. */
export declare function tempSibling(path: string): string;
/** Whether a file name is one of churnkit's temporary siblings. */
export declare function isTempName(name: string): boolean;
/**
 * Removes the temporary siblings that killed runs left in `dir` (a `simulate` killed mid-way
 * leaves a folder of spill files). A temporary whose process still runs is another run's work
 * in progress and stays. Returns the names removed.
 */
export declare function sweepStaleTemps(dir: string): Promise<string[]>;
/**
 * Writes through a temporary sibling and renames it into place: readers see the old file or
 * the whole new one, and a failed run leaves nothing behind.
 */
export declare function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
/** Lets `produce` write to a temporary path (a DuckDB COPY, say), then renames it to `path`. */
export declare function withAtomicFile<T>(path: string, produce: (tmpPath: string) => Promise<T>): Promise<T>;
/**
 * Builds a whole output folder in a temporary sibling, then swaps it in. An existing folder
 * is replaced only after the new one is complete. Only for folders churnkit owns whole (a
 * TensorFlow.js export's): commands whose --out a user names go through writeOutputDir, which
 * never deletes what it did not write.
 */
export declare function withAtomicDir<T>(dir: string, produce: (tmpDir: string) => Promise<T>): Promise<T>;
export declare function exists(path: string): Promise<boolean>;
