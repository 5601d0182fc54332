/**
 * The input contract of docs/history.md: the tables of a history dataset, their columns and
 * types. Names here are fixed; other tools check against them.
 */
export type ColumnType = 'text' | 'date' | 'timestamp' | 'integer' | 'number' | 'boolean';
export interface ColumnSpec {
    name: string;
    type: ColumnType;
    /** A row must have a value (NOT NULL). */
    required: boolean;
    /** The column may be absent from the file altogether (then it reads as NULL or its default). */
    optional?: boolean;
    /** Allowed text values, when the contract lists them. */
    values?: readonly string[];
    min?: number;
    max?: number;
    /** Value used when an optional column is absent. */
    default?: string | number | boolean;
    notes?: string;
}
export interface TableSpec {
    name: TableName;
    required: boolean;
    columns: readonly ColumnSpec[];
    /** Columns that identify a row; duplicates are errors (accounts) or warnings (others). */
    key: readonly string[];
    /** Columns holding times, in the order (start, end) when the table has an effect interval. */
    interval?: readonly [string, string];
}
export declare const TABLE_NAMES: readonly ['accounts', 'contracts', 'usage', 'tickets', 'contacts', 'interactions', 'nps', 'integrations'];
export type TableName = (typeof TABLE_NAMES)[number];
export declare const TICKET_SEVERITIES: readonly ['low', 'medium', 'high', 'urgent'];
export declare const TICKET_SENTIMENTS: readonly ['negative', 'neutral', 'positive'];
export declare const CONTACT_ROLES: readonly ['champion', 'executive_sponsor', 'admin', 'user', 'other'];
export declare const INTERACTION_KINDS: readonly ['csm_meeting', 'csm_call', 'csm_email', 'qbr', 'email_reply', 'training', 'community', 'webinar', 'other'];
/** Interaction kinds that count as a CSM touch (feature 6); a mapping file may redefine them. */
export declare const DEFAULT_CSM_KINDS: readonly ['csm_meeting', 'csm_call', 'csm_email', 'qbr'];
export declare const CONTRACT: Record<TableName, TableSpec>;
/** DuckDB type for a contract column type. */
export declare function duckdbType(t: ColumnType): string;
