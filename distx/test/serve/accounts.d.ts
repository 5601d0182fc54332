export type Account = Record<string, string | number | boolean | null>;
/**
 * Deterministic request bodies covering the signal space: every feature and signal present,
 * missing (null) or absent, booleans both ways, renewals near and far, several segments.
 */
export declare function makeAccounts(n: number, seed?: number, asOf?: string | null): Account[];
/** Row objects as a columnar body: a column per field any account has, null where one lacks it. */
export declare function toColumns(accounts: readonly Account[]): Record<string, unknown[]>;
