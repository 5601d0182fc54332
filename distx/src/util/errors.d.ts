/**
 * Errors that reach the user. The CLI prints `message` as one line on stderr and exits with
 * `exitCode`; anything else that escapes is a bug and exits 1 with a stack trace under DEBUG.
 */
export declare class ChurnkitError extends Error {
    readonly exitCode: number;
    constructor(message: string, exitCode?: number);
}
/** A flag or argument the user got wrong (exit 64, as in sysexits' EX_USAGE). */
export declare class UsageError extends ChurnkitError {
    constructor(message: string);
}
/** Where in the input a problem sits: always the table, and the row (or key) and column when known. */
export interface InputLocation {
    table: string;
    /** 1-based data row in the user's file (header excluded), when the input has rows. */
    row?: number;
    /** A key such as `account_id=A17`, when it names the row better than a number. */
    key?: string;
    column?: string;
}
export declare function formatLocation(at: InputLocation): string;
/** Bad input data: exit 2, and the message names the table, row and column. */
export declare class InputError extends ChurnkitError {
    readonly at: InputLocation;
    readonly problem: string;
    constructor(at: InputLocation, problem: string);
}
/** At most this many characters of a user's value go into a message. */
export declare const EXCERPT_CHARS = 60;
/**
 * A short, quoted excerpt of a value for a message: enough to find it, never a whole line of
 * someone's file (a mapping pointed at /etc/passwd must not echo it).
 */
export declare function excerpt(value: unknown): string;
