import type { LoadedScorecard } from './scorecard-source.js';
/**
 * What /v1/model reports about the scorecard serving now: identity, structure (layers and
 * signal weights, bands, overrides) and provenance, read from the artifact of docs/cli.md.
 * Points tables are left out: they are the artifact's business, and the file is at hand.
 */
export declare function modelInfo(card: LoadedScorecard): Record<string, unknown>;
