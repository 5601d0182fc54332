/** The repository root, from a compiled test in dist/test/<area>/. */
export declare const repoRoot: string;
/** The compiled CLI entry point. */
export declare const cliPath: string;
/** A committed fixture file: test/fixtures/<area>/<name>. */
export declare function fixture(area: string, name: string): string;
/** A fresh temporary folder, removed by the returned cleanup. */
export declare function tempDir(prefix?: string): Promise<{
    dir: string;
    cleanup: () => Promise<void>;
}>;
