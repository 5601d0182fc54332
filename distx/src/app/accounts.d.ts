/**
 * The accounts-at-risk list: every account at its latest snapshot, with what a CSM reads first
 * (score, band, probability, change, the three reasons in words, overrides), and the view a
 * query asks for (filter, search, sort, page), or all of it as CSV. Rows are built once at
 * start-up; a query filters and sorts them in memory, so 50,000 accounts answer in milliseconds.
 */
import { z } from 'zod';
import { type Band } from '../scorecard/index.js';
import type { AppState } from './state.js';
export interface Reason {
    feature: string;
    label: string;
    text: string;
}
export interface AccountRow {
    account_id: string;
    account_name: string | null;
    segment: string | null;
    owner: string | null;
    as_of: string;
    /** In the latest snapshot of the table (a customer still), or its last snapshot is older. */
    current: boolean;
    arr: number | null;
    /** Null with insufficient data (status says so). */
    score: number | null;
    band: Band | null;
    probability: number | null;
    model_probability: number | null;
    /** Score minus the previous snapshot's; null for an account's first snapshot. */
    score_change: number | null;
    status: string;
    reasons: Reason[];
    overrides: {
        id: string;
        text: string;
    }[];
    escalate: boolean;
}
/** The frame row's fields as the list and the account page show them (numbers rounded for people). */
export declare function accountRow(state: AppState, i: number): AccountRow;
/** Every account at its latest snapshot, in account order. */
export declare function latestRows(state: AppState): AccountRow[];
export declare const SORT_KEYS: readonly ['account_id', 'account_name', 'segment', 'owner', 'as_of', 'arr', 'score', 'band', 'probability', 'model_probability', 'score_change'];
export type SortKey = (typeof SORT_KEYS)[number];
/** Longest search text and page a query may ask for. */
export declare const MAX_SEARCH = 200;
export declare const MAX_PAGE = 1000;
/** The list's query string: anything else, or a value out of place, is a 400. */
export declare const accountQuerySchema: z.ZodObject<{
    sort: z.ZodDefault<z.ZodEnum<{
        account_id: "account_id";
        account_name: "account_name";
        arr: "arr";
        as_of: "as_of";
        band: "band";
        model_probability: "model_probability";
        owner: "owner";
        probability: "probability";
        score: "score";
        score_change: "score_change";
        segment: "segment";
    }>>;
    dir: z.ZodOptional<z.ZodEnum<{
        asc: "asc";
        desc: "desc";
    }>>;
    band: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>>;
    segment: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>>;
    owner: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string[], string>>>;
    q: z.ZodOptional<z.ZodString>;
    current: z.ZodDefault<z.ZodEnum<{
        0: "0";
        1: "1";
    }>>;
    offset: z.ZodDefault<z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>>;
    limit: z.ZodDefault<z.ZodPipe<z.ZodString, z.ZodTransform<number, string>>>;
}, z.core.$strict>;
export type AccountQuery = z.output<typeof accountQuerySchema>;
/** The rows a query selects, sorted (missing values last either way, then by account id). */
export declare function selectRows(rows: readonly AccountRow[], query: AccountQuery): AccountRow[];
/** Band counts of the rows a query selects before its band filter: the chips beside the filter. */
export declare function bandCounts(rows: readonly AccountRow[], query: AccountQuery): Record<Band | 'none', number>;
export declare const CSV_COLUMNS: readonly ["account_id", "account_name", "segment", "owner", "as_of", "arr", "score", "band", "probability", "model_probability", "score_change", "status", "reason_1_text", "reason_2_text", "reason_3_text", "overrides", "escalate"];
export declare function rowsCsv(rows: readonly AccountRow[]): string;
