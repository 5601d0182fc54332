import type { Scorecard } from './schema.js';
/**
 * The columns a card reads, in a stable order: signal features in scorecard order, then
 * columns named by rules and overrides, then `segment` when thresholds or weights differ by segment.
 */
export declare function scorecardColumns(card: Scorecard): string[];
