/**
 * The raw events behind an account's ten features at one as-of date, counted in the windows the
 * features use (docs/features.md: "last N days" = [T-N, T), "prior N days" = [T-2N, T-N)), so a CSM
 * can see what a "-35% usage" was made of. Read from the history the features were built from;
 * a table the history lacks is said to be missing, never shown as zero.
 */
import { type History } from '../data/index.js';
export interface EventRow {
    /** The feature these counts are behind. */
    feature: string;
    label: string;
    /** What was counted, in words. */
    what: string;
    /** The count in the feature's last window, and in the window before (null when the feature has one value). */
    last: number | string | null;
    prior: number | string | null;
    /** Set when the table is absent from the history. */
    missing?: string;
}
/** The counts behind each feature for `account` at `asOf`, from an open history. */
export declare function eventSummary(history: History, account: string, asOf: string): Promise<EventRow[]>;
/** A history opened once and kept: account pages query it one account at a time. */
export declare class EventSource {
    private readonly data;
    private history;
    /** One DuckDB connection: pages asked at once take turns on it. */
    private readonly serial;
    constructor(data: string);
    summary(account: string, asOf: string): Promise<EventRow[]>;
    close(): Promise<void>;
}
