import { type Band, type Scorecard, type ScoreColumns } from '../scorecard/index.js';
import { type ScorecardBacktest } from '../evaluate/index.js';
import type { AppState } from './state.js';
export interface Evaluation {
    backtest: ScorecardBacktest;
    /** Accounts in the latest snapshot per band: the workload the card would give the team today. */
    today: Record<Band | 'none', number>;
}
/** Accounts of the latest snapshot per band under `scores` (rows with too little data count as none). */
export declare function todayCounts(state: AppState, card: Scorecard, scores: ScoreColumns): Record<Band | 'none', number>;
/** A card from a request body, validated like a card file; its problem is a 400 naming the field. */
export declare function cardFromBody(body: unknown): Scorecard;
export declare function evaluateCard(state: AppState, card: Scorecard): Evaluation;
export interface SaveResult {
    path: string;
    diff_path: string;
    diff: string;
}
/**
 * Where a new card named `name` goes, with the Markdown note beside it (`<stem><suffix>`):
 * a plain name in the app's folder, no existing file replaced, the served card only with
 * --allow-write.
 */
export declare function newCardTarget(state: AppState, name: string, suffix: string): Promise<{
    path: string;
    notePath: string;
}>;
/** Writes the card and its note together (neither appears without the other), the card validated as written. */
export declare function writeCard(target: {
    path: string;
    notePath: string;
}, card: Scorecard, note: string): Promise<void>;
export declare function saveCard(state: AppState, card: Scorecard, name: string): Promise<SaveResult>;
