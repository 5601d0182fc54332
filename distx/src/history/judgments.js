import { isoDay } from '../util/index.js';
/**
 * A CSM's own judgment of an account: a band or a score (or both) with a reason and an author.
 * Judgments are kept beside the computed scores in the score history, never in their place: a
 * judgment is its own row, and the score history's rows are never touched by one.
 */
/** The scorecard's bands, worst first (the scorecard module sits above this one and says the same). */
export const JUDGMENT_BANDS = ['RED', 'YELLOW', 'GREEN'];
export const JUDGMENTS_TABLE = 'churnkit_judgments';
export const MAX_REASON_CHARS = 2000;
export const MAX_AUTHOR_CHARS = 200;
/**
 * What is wrong with a judgment, field by field (empty when it can be stored). The CLI, the
 * service and the app all check through here, so they refuse the same things.
 */
export function judgmentProblems(j) {
    const out = [];
    const text = (field, v, max) => {
        if (typeof v !== 'string' || v.trim() === '')
            out.push({ field, message: 'is required (non-empty text)' });
        else if (v.length > max)
            out.push({ field, message: `must be at most ${max} characters` });
    };
    text('account_id', j.account_id, 256);
    if (typeof j.as_of !== 'string' || isoDay(j.as_of) === undefined)
        out.push({ field: 'as_of', message: `must be a date YYYY-MM-DD, got ${JSON.stringify(j.as_of)}` });
    const band = j.band ?? null;
    const score = j.score ?? null;
    if (band !== null && !JUDGMENT_BANDS.includes(band))
        out.push({ field: 'band', message: `must be one of ${JUDGMENT_BANDS.join(', ')}, got ${JSON.stringify(band)}` });
    if (score !== null && !(typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 100))
        out.push({ field: 'score', message: `must be a number from 0 to 100, got ${JSON.stringify(score)}` });
    if (band === null && score === null)
        out.push({ field: 'band', message: 'give a band or a score (or both)' });
    text('reason', j.reason, MAX_REASON_CHARS);
    text('author', j.author, MAX_AUTHOR_CHARS);
    return out;
}
/** Trims the text fields (an author is one person however it was typed around). */
export function normalizeJudgment(j) {
    return { ...j, account_id: j.account_id.trim(), reason: j.reason.trim(), author: j.author.trim() };
}
/** A stored judgment row as the API shape (both backends return the same columns). */
export function judgmentView(r) {
    return {
        id: Number(r.id),
        account_id: r.account_id,
        as_of: r.as_of,
        band: r.band,
        score: r.score,
        reason: r.reason,
        author: r.author,
        recorded_at: r.recorded_at,
        source: r.source,
        computed: r.computed_as_of === null || r.computed_score === null || r.computed_band === null
            ? null
            : { as_of: r.computed_as_of, score: r.computed_score, band: r.computed_band },
    };
}
//# sourceMappingURL=judgments.js.map