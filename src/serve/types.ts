/**
 * The scorer's value types as the scorecard module defines them (src/scorecard/index.ts);
 * the service only passes signals in and results out.
 */
export type SignalValue = number | boolean | string | null;
export type Signals = Record<string, SignalValue>;
export type Band = 'RED' | 'YELLOW' | 'GREEN';
export interface ScoreResult {
  score: number;
  band: Band;
  probability: number | null;
  layers: Record<string, number | null>;
  overrides: string[];
  reasons: string[];
  escalate: boolean;
}
