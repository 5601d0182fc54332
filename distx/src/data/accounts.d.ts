/**
 * What people call an account and when it stopped being a customer, straight from the
 * `accounts` table: scores carry `account_name`, and the report's lead time counts to the real
 * churn date instead of the last snapshot.
 */
import type { History } from './history.js';
export interface AccountFacts {
    /** accounts.name, null when the table has no name column or the row none. */
    name: string | null;
    /** accounts.churned_at as YYYY-MM-DD, null while a customer. */
    churned_at: string | null;
}
/** Every account's name and churn date, by account_id. */
export declare function accountFacts(history: History): Promise<Map<string, AccountFacts>>;
/** Whether the accounts table of this history has names. */
export declare function hasAccountNames(history: History): boolean;
