/**
 * Errors that reach the user. The CLI prints `message` as one line on stderr and exits with
 * `exitCode`; anything else that escapes is a bug and exits 1 with a stack trace under DEBUG.
 */
export class ChurnkitError extends Error {
    exitCode;
    constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
        this.name = new.target.name;
    }
}
/** A flag or argument the user got wrong (exit 64, as in sysexits' EX_USAGE). */
export class UsageError extends ChurnkitError {
    constructor(message) {
        super(message, 64);
    }
}
export function formatLocation(at) {
    const parts = [`table ${at.table}`];
    if (at.row !== undefined)
        parts.push(`row ${at.row}`);
    if (at.key !== undefined)
        parts.push(at.key);
    if (at.column !== undefined)
        parts.push(`column ${at.column}`);
    return parts.join(', ');
}
/** Bad input data: exit 2, and the message names the table, row and column. */
export class InputError extends ChurnkitError {
    at;
    problem;
    constructor(at, problem) {
        super(`${formatLocation(at)}: ${problem}`, 2);
        this.at = at;
        this.problem = problem;
    }
}
/** At most this many characters of a user's value go into a message. */
export const EXCERPT_CHARS = 60;
/**
 * A short, quoted excerpt of a value for a message: enough to find it, never a whole line of
 * someone's file (a mapping pointed at /etc/passwd must not echo it).
 */
export function excerpt(value) {
    const text = String(value);
    return JSON.stringify(text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);
}
//# sourceMappingURL=errors.js.map