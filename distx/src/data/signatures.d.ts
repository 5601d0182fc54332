import type { TableName } from './contract.js';
import type { ColumnSource, Condition, CsvOptions } from './config.js';
/**
 * What the common tools' exports look like, by the column names of their documented export
 * formats and APIs (test/fixtures/exports/README.md lists the sources), and how each maps onto
 * the contract. `churnkit init` recognises a file by the columns it has (any case) and drafts its
 * mapping from here; what the signature cannot know (a time zone, a renewal term, contact roles)
 * goes into the draft's notes.
 *
 * Column names below are the tool's; lookups named here are defined by the bridge signatures
 * (`provides`) when their file is in the folder, and dropped (with a note) when it is not.
 */
export interface Signature {
    tool: string;
    object: string;
    /** The contract table it feeds, or 'bridge' for a file that only links ids (a lookup). */
    table: TableName | 'bridge';
    /** When two files feed one table, the higher wins (a CSM platform over CRM tasks); default 0. */
    priority?: number;
    /** Columns that must all be present (any case; a dotted name is a key inside a JSON column). */
    requires: readonly string[];
    /** At least one of each group must be present. */
    anyOf?: readonly (readonly string[])[];
    /** Columns whose presence rules the signature out. */
    forbids?: readonly string[];
    columns?: Partial<Record<string, ColumnSource>>;
    values?: Partial<Record<string, Record<string, string>>>;
    where?: Condition;
    csv?: CsvOptions;
    /** A lookup this file provides: its name, key and value columns (and the column ordering repeats). */
    provides?: {
        name: string;
        key: string;
        value: string;
        latest_by?: string;
    };
    /** Columns that identify the records of a bridge or an accounts file, for linking ids by value. */
    ids?: readonly string[];
    /** The account name column of an accounts file, for linking other tools by name. */
    name?: string;
    notes?: readonly string[];
}
export declare const SIGNATURES: readonly Signature[];
/** Names a person may give a contract column, for files no signature knows (compared without case, spaces or _). */
export declare const SYNONYMS: Readonly<Record<string, readonly string[]>>;
