/**
 * Progress on a terminal, silence everywhere else: bars draw on stderr only when it is a TTY
 * and the command was not asked for `--json`, so pipes and machines see clean output.
 */
export interface Progress {
    /** Starts (or restarts) a step with a known or unknown total. */
    start(label: string, total?: number): void;
    tick(done: number): void;
    /** A one-line note, e.g. "wrote features.parquet (24,000 rows)". */
    note(message: string): void;
    done(): void;
}
export declare const silentProgress: Progress;
export declare function createProgress(options?: {
    json?: boolean;
    quiet?: boolean;
    stream?: NodeJS.WriteStream;
}): Progress;
