/** The scorer's value types, from the scorecard module: the service passes signals in and results out. */
export type { SignalValue, Signals, Band, ScoreResult } from '../scorecard/index.js';
