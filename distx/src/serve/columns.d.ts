import { type ColumnTable, type ScoreStatus, type SignalValue } from '../scorecard/index.js';
import type { LoadedScorecard } from './scorecard-source.js';
import { type ModelReason } from './served-model.js';
export interface ColumnsRequest {
    as_of?: string;
    columns: Record<string, readonly SignalValue[]>;
}
/** A validated columnar request: every input column present (absent ones all missing). */
export interface RequestColumns {
    n: number;
    table: ColumnTable;
    ids: readonly string[];
    asOf: readonly string[];
}
/**
 * The answer's columns, row for row: the scorecard's (empty arrays when a model is served
 * alone), whether each row had enough data, and the model's when one is served. Scores are
 * exact here; null where a row is insufficient_data.
 */
export interface ResultColumns {
    account_id: readonly string[];
    account_name: readonly (string | null)[] | null;
    as_of: readonly string[];
    status: ScoreStatus[];
    coverage: number[];
    missing: string[][];
    warnings: string[][];
    score: (number | null)[];
    band: (string | null)[];
    probability: (number | null)[];
    layers: Record<string, (number | null)[]>;
    overrides: string[][];
    reasons: string[][];
    escalate: boolean[];
    base_score: (number | null)[];
    score_change: (number | null)[];
    /** Null when no model is served. */
    model: {
        probability: (number | null)[];
        reasons: (ModelReason[] | null)[];
    } | null;
    /** With an expansion model: its probability per row. */
    expansion?: (number | null)[];
}
/** Checks that the columns line up and that no (account, as-of) comes twice. */
export declare function columnTable(body: ColumnsRequest, today: () => string): RequestColumns;
/**
 * Scores the rows: with the scorecard itself, through its columnar kernel; a scorer known only
 * as a function (a custom loader) row by row, with the same answer. A served model answers too.
 */
export declare function scoreRequestColumns(loaded: LoadedScorecard, req: RequestColumns): ResultColumns;
/**
 * The answer's body: `churnkit score`'s column names, one array each, then what this issue's
 * answers add (status, coverage, missing, warnings; reasons in words; the model's). Rounded for
 * people unless `exact`. `fields` (the `fields` query parameter) keeps `account_id` and the
 * columns it names, and only those are computed: a client that needs scores and bands does not
 * pay for 30,000 sentences. A name the answer does not have is a 400 that lists the names.
 */
export declare function resultBody(r: ResultColumns, signals: ColumnTable['columns'], exact: boolean, fields?: readonly string[]): {
    n: number;
    columns: Record<string, readonly unknown[]>;
};
/**
 * The same answer as `JSON.stringify(resultBody(...))`, byte for byte, as UTF-8, made one column
 * at a time: each column's values are computed, written as JSON and dropped before the next.
 * Built whole, a 10,000-account answer (30,000 sentences, 5 MB of JSON text) is alive all at once
 * and outgrows V8's young generation, which then copies it from space to space (and promotes it)
 * before it dies: that copying was half the route's CPU. Column by column, each column dies young.
 */
export declare function resultJson(r: ResultColumns, signals: ColumnTable['columns'], exact: boolean, fields?: readonly string[]): Buffer;
