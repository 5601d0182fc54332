/**
 * What people call an account and when it stopped being a customer, straight from the
 * `accounts` table: scores carry `account_name`, and the report's lead time counts to the real
 * churn date instead of the last snapshot.
 */
import type { History } from './history.js';
import { queryRows } from './duckdb.js';

export interface AccountFacts {
  /** accounts.name, null when the table has no name column or the row none. */
  name: string | null;
  /** accounts.churned_at as YYYY-MM-DD, null while a customer. */
  churned_at: string | null;
}

/** Every account's name and churn date, by account_id. */
export async function accountFacts(history: History): Promise<Map<string, AccountFacts>> {
  const hasName = hasAccountNames(history);
  const rows = await queryRows(
    history.connection,
    `SELECT CAST(account_id AS VARCHAR) AS account_id, ${hasName ? 'CAST(name AS VARCHAR)' : 'NULL'} AS name,
            strftime(CAST(churned_at AS DATE), '%Y-%m-%d') AS churned_at
     FROM accounts`,
  );
  const out = new Map<string, AccountFacts>();
  for (const r of rows) {
    out.set(String(r['account_id']), {
      name: r['name'] === null || r['name'] === undefined ? null : String(r['name']),
      churned_at: r['churned_at'] === null || r['churned_at'] === undefined ? null : String(r['churned_at']),
    });
  }
  return out;
}

/** Whether the accounts table of this history has names. */
export function hasAccountNames(history: History): boolean {
  return (history.columnSources.get('accounts')?.get('name') ?? null) !== null;
}
