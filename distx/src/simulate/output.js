/**
 * The spill columns the simulation loop writes (codes and day/second offsets) and the SQL that
 * turns it into the contract tables of docs/history.md, column for column in contract order.
 * Identifiers are built here, in DuckDB, so the JS loop never formats a string per row.
 */
import { CONTACT_ROLES, CONTRACT, INTERACTION_KINDS, TICKET_SENTIMENTS, TICKET_SEVERITIES, } from '../data/index.js';
import { quoteIdent, quoteLiteral } from '../data/index.js';
import { INTEGRATIONS, NAME_FIRST, NAME_SECOND, NAME_SUFFIX, SEGMENTS, USAGE_EVENTS } from './params.js';
/** Spill columns per table (all int32); -1 stands for NULL in nullable codes and offsets. */
export const SPILL_COLUMNS = {
    accounts: ['a', 'seg', 'name', 'started', 'churned', 'seats'],
    contracts: ['a', 'k', 'starts', 'ends', 'value'],
    usage: ['a', 'd', 'u', 'e', 'q'],
    tickets: ['a', 'k', 'opened', 'closed', 'sev', 'sent', 'esc'],
    contacts: ['a', 'c', 'role', 'started', 'ended'],
    interactions: ['a', 's', 'c', 'kind'],
    nps: ['a', 'c', 's', 'score'],
    integrations: ['a', 'i', 'conn', 'disc'],
};
/** Name of the table function that scans a table's spill file. */
export function spillScanName(table) {
    return `spill_${table}`;
}
function list(values) {
    return `[${values.map(quoteLiteral).join(', ')}]`;
}
/** `values[code]`, NULL for code -1. */
function decode(code, values) {
    return `CASE WHEN ${code} < 0 THEN NULL ELSE ${list(values)}[${code} + 1] END`;
}
/** SELECT producing the contract table `table` from its spill file, in the order rows were written. */
export function contractSelect(table, ctx) {
    const day0 = `DATE ${quoteLiteral(ctx.start)}`;
    const ts0 = `TIMESTAMP ${quoteLiteral(`${ctx.start} 00:00:00`)}`;
    const account = `'A' || lpad(CAST(a AS VARCHAR), ${ctx.idWidth}, '0')`;
    const date = (col) => `CASE WHEN ${col} < 0 THEN NULL ELSE ${day0} + ${col} END`;
    const ts = (col) => `CASE WHEN ${col} < 0 THEN NULL ELSE ${ts0} + to_seconds(CAST(${col} AS BIGINT)) END`;
    // lpad truncates longer strings, so a number that outgrows its width is written in full.
    const padded = (col, width) => `CASE WHEN ${col} < ${10 ** width} THEN lpad(CAST(${col} AS VARCHAR), ${width}, '0') ELSE CAST(${col} AS VARCHAR) END`;
    const sub = (prefix, col, width) => `${account} || '-${prefix}' || ${padded(col, width)}`;
    const ns = NAME_SECOND.length;
    const expressions = {
        accounts: {
            account_id: account,
            name: `${list(NAME_FIRST)}[name // ${ns * NAME_SUFFIX.length} + 1] || ${list(NAME_SECOND)}[(name // ${NAME_SUFFIX.length}) % ${ns} + 1] || ' ' || ${list(NAME_SUFFIX)}[name % ${NAME_SUFFIX.length} + 1]`,
            segment: decode('seg', SEGMENTS.map((s) => s.name)),
            started_at: date('started'),
            churned_at: date('churned'),
            seats: 'CAST(seats AS INTEGER)',
        },
        contracts: {
            account_id: account,
            contract_id: sub('K', 'k', 2),
            starts_at: date('starts'),
            ends_at: date('ends'),
            annual_value: 'CAST(value AS DOUBLE)',
        },
        usage: {
            account_id: account,
            occurred_at: `CAST(${day0} + d AS TIMESTAMP)`,
            user_id: `CASE WHEN u < 0 THEN NULL ELSE ${sub('U', 'u', 4)} END`,
            event: `${list(USAGE_EVENTS)}[e + 1]`,
            quantity: 'CAST(q AS DOUBLE)',
        },
        tickets: {
            account_id: account,
            ticket_id: sub('T', 'k', 4),
            opened_at: ts('opened'),
            closed_at: ts('closed'),
            severity: decode('sev', TICKET_SEVERITIES),
            sentiment: decode('sent', TICKET_SENTIMENTS),
            escalated: 'esc = 1',
        },
        contacts: {
            account_id: account,
            contact_id: sub('C', 'c', 2),
            role: decode('role', CONTACT_ROLES),
            started_at: date('started'),
            ended_at: date('ended'),
        },
        interactions: {
            account_id: account,
            occurred_at: ts('s'),
            contact_id: `CASE WHEN c < 0 THEN NULL ELSE ${sub('C', 'c', 2)} END`,
            kind: decode('kind', INTERACTION_KINDS),
        },
        nps: {
            account_id: account,
            contact_id: `CASE WHEN c < 0 THEN NULL ELSE ${sub('C', 'c', 2)} END`,
            responded_at: ts('s'),
            score: 'CAST(score AS INTEGER)',
        },
        integrations: {
            account_id: account,
            integration: decode('i', INTEGRATIONS),
            connected_at: ts('conn'),
            disconnected_at: ts('disc'),
        },
    };
    const cols = CONTRACT[table].columns.map((c) => {
        const expr = expressions[table][c.name];
        if (expr === undefined)
            throw new Error(`simulator has no expression for ${table}.${c.name}`);
        return `${expr} AS ${quoteIdent(c.name)}`;
    });
    return `SELECT ${cols.join(', ')} FROM ${quoteIdent(spillScanName(table))}()`;
}
export function copySql(table, ctx, path, format) {
    const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
    return `COPY (${contractSelect(table, ctx)}) TO ${quoteLiteral(path)} (${options})`;
}
//# sourceMappingURL=output.js.map