export declare const OUTPUT_MARKER = ".churnkit-output.json";
export interface OutputGuard {
    /** The flag that named the output, for messages (default --out). */
    flag?: string;
    /** Everything the command reads: no output may be one of them. */
    inputs?: readonly (string | null | undefined)[];
}
export interface OutputDirOptions extends OutputGuard {
    /** The command writing, recorded in the marker. */
    command: string;
    /** Write into a folder that holds files churnkit did not write (they are kept, never touched). */
    force?: boolean;
    /** The flag that sets `force`, for the message (default --force). */
    forceFlag?: string;
    /**
     * Files this command wrote before folders carried a marker, so that a folder from an earlier
     * churnkit version is still recognised as its own: relative paths with `/`.
     */
    knownFiles?: (path: string) => boolean;
}
/**
 * Refuses an output path that is one of the inputs (the same file or folder, whatever the
 * spelling: `./a.csv`, a symlink or a hard link to it).
 */
export declare function assertNotAnInput(out: string, guard?: OutputGuard): Promise<void>;
/** Asserts the same for several output paths (a table and its QA files, say). */
export declare function assertNoneAnInput(outs: readonly string[], guard?: OutputGuard): Promise<void>;
/**
 * The checks writeOutputDir makes before it writes, for a command to run before its long work:
 * `dir` is not an input, and is new, empty, churnkit's, or `force` is given.
 */
export declare function checkOutputDir(dir: string, options: OutputDirOptions): Promise<void>;
/**
 * Builds a command's output folder in a temporary sibling (`produce` writes there), then puts
 * it in place: a new folder appears whole, by one rename; into an existing one each file moves
 * in by its own atomic rename, files this command wrote last time and not now are removed, and
 * everything else in the folder stays as it was. A failed run leaves nothing.
 */
export declare function writeOutputDir<T>(dir: string, options: OutputDirOptions, produce: (tmpDir: string) => Promise<T>): Promise<T>;
