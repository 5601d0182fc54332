import { excerpt, InputError, groupDigits } from '../util/index.js';
function quoteName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}
function formatExample(e) {
    const parts = [];
    if (e.row !== undefined)
        parts.push(`row ${e.row}`);
    if (e.line !== undefined)
        parts.push(`line ${e.line}`);
    if (e.key !== undefined)
        parts.push(e.row !== undefined || e.line !== undefined ? `(${e.key})` : e.key);
    if (e.rows !== undefined)
        parts.push(`(rows ${e.rows.join(', ')})`);
    if (e.value !== undefined)
        parts.push(e.value === null ? 'NULL' : excerpt(e.value));
    return parts.join(' ');
}
const n = (x) => groupDigits(x);
/** The issue's location: table (and its source), row when there is exactly one, column. */
export function formatIssueLocation(issue) {
    const parts = [`table ${issue.table}${issue.source ? ` (${issue.source})` : ''}`];
    const single = issue.count === 1 && issue.examples.length === 1 ? issue.examples[0] : null;
    if (single?.row !== undefined)
        parts.push(`row ${single.row}`);
    if (single?.line !== undefined)
        parts.push(`line ${single.line}`);
    if (single?.key !== undefined)
        parts.push(single.key);
    if (issue.column !== undefined || issue.sourceColumn !== undefined) {
        const theirs = issue.sourceColumn ?? issue.column;
        parts.push(issue.column !== undefined && issue.sourceColumn !== undefined && issue.sourceColumn !== issue.column
            ? `column ${quoteName(theirs)} (${issue.column})`
            : `column ${quoteName(theirs)}`);
    }
    return parts.join(', ');
}
/**
 * One line for a person: where, what, how many, the first few rows and the fix. A problem that
 * hits every one of 100M rows still prints one line.
 */
export function formatIssue(issue) {
    let text = `${formatIssueLocation(issue)}: ${issue.message}`;
    if (issue.count !== undefined) {
        if (issue.count === 1 && issue.examples.length === 1) {
            const v = issue.examples[0].value;
            if (v !== undefined)
                text += `: ${v === null ? 'NULL' : excerpt(v)}`;
        }
        else if (issue.count > 0) {
            text += ` in ${n(issue.count)} row${issue.count === 1 ? '' : 's'}`;
            if (issue.examples.length > 0) {
                text += `: ${issue.examples.map(formatExample).join(', ')}`;
                if ((issue.groups ?? issue.count) > issue.examples.length)
                    text += ` (first ${issue.examples.length} shown)`;
            }
        }
    }
    if (issue.hint)
        text += `; ${issue.hint}`;
    return text;
}
/** Bad input found by the loader: an InputError (exit 2) whose message is the issue's line. */
export class DataIssueError extends InputError {
    issue;
    constructor(issue) {
        const single = issue.examples.length === 1 ? issue.examples[0] : undefined;
        super({ table: issue.table, row: single?.row, key: single?.key, column: issue.sourceColumn ?? issue.column }, issue.message);
        this.issue = issue;
        this.message = formatIssue(issue);
    }
}
//# sourceMappingURL=issues.js.map