/**
 * A CSM's own judgment of an account: a band or a score (or both) with a reason and an author.
 * Judgments are kept beside the computed scores in the score history, never in their place: a
 * judgment is its own row, and the score history's rows are never touched by one.
 */
/** The scorecard's bands, worst first (the scorecard module sits above this one and says the same). */
export declare const JUDGMENT_BANDS: readonly ['RED', 'YELLOW', 'GREEN'];
export type JudgmentBand = (typeof JUDGMENT_BANDS)[number];
export declare const JUDGMENTS_TABLE = "churnkit_judgments";
export declare const MAX_REASON_CHARS = 2000;
export declare const MAX_AUTHOR_CHARS = 200;
export interface JudgmentInput {
    account_id: string;
    /** YYYY-MM-DD: the day the judgment speaks for (the as-of of the score the CSM reviewed). */
    as_of: string;
    band: JudgmentBand | null;
    /** 0-100, the scorecard's scale. */
    score: number | null;
    reason: string;
    author: string;
}
export interface Judgment extends JudgmentInput {
    /** Sequential within one history. */
    id: number;
    /** ISO 8601 UTC timestamp of when it was recorded. */
    recorded_at: string;
    /** What recorded it: cli, serve, app. */
    source: string;
}
/** A judgment beside the computed score it can be compared with: the latest stored score on or before its as_of. */
export interface JudgmentView extends Judgment {
    computed: {
        as_of: string;
        score: number;
        band: string;
    } | null;
}
export interface JudgmentFilter {
    account_id?: string;
    author?: string;
}
/**
 * What is wrong with a judgment, field by field (empty when it can be stored). The CLI, the
 * service and the app all check through here, so they refuse the same things.
 */
export declare function judgmentProblems(j: {
    account_id?: unknown;
    as_of?: unknown;
    band?: unknown;
    score?: unknown;
    reason?: unknown;
    author?: unknown;
}): {
    field: string;
    message: string;
}[];
/** Trims the text fields (an author is one person however it was typed around). */
export declare function normalizeJudgment(j: JudgmentInput): JudgmentInput;
/** A judgment row as both backends select it (JUDGMENT_VIEW). */
export type JudgmentRow = {
    id: bigint | number;
    account_id: string;
    as_of: string;
    band: string | null;
    score: number | null;
    reason: string;
    author: string;
    recorded_at: string;
    source: string;
    computed_as_of: string | null;
    computed_score: number | null;
    computed_band: string | null;
};
/** A stored judgment row as the API shape (both backends return the same columns). */
export declare function judgmentView(r: JudgmentRow): JudgmentView;
