import { type Scorecard } from './schema.js';
export { ScorecardError } from './semantics.js';
export declare function formatPath(path: readonly PropertyKey[]): string;
export declare function parseScorecard(json: unknown): Scorecard;
