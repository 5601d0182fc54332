import { queryRows } from './duckdb.js';
/** Every account's name and churn date, by account_id. */
export async function accountFacts(history) {
    const hasName = hasAccountNames(history);
    const rows = await queryRows(history.connection, `SELECT CAST(account_id AS VARCHAR) AS account_id, ${hasName ? 'CAST(name AS VARCHAR)' : 'NULL'} AS name,
            strftime(CAST(churned_at AS DATE), '%Y-%m-%d') AS churned_at
     FROM accounts`);
    const out = new Map();
    for (const r of rows) {
        out.set(String(r['account_id']), {
            name: r['name'] === null || r['name'] === undefined ? null : String(r['name']),
            churned_at: r['churned_at'] === null || r['churned_at'] === undefined ? null : String(r['churned_at']),
        });
    }
    return out;
}
/** Whether the accounts table of this history has names. */
export function hasAccountNames(history) {
    return (history.columnSources.get('accounts')?.get('name') ?? null) !== null;
}
//# sourceMappingURL=accounts.js.map