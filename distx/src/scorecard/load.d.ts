import type { Scorecard } from './schema.js';
/** models/default-scorecard.json of this installation (this module runs from dist/src/scorecard/). */
export declare const DEFAULT_SCORECARD_PATH: string;
/** models/transactions-scorecard.json: recency, frequency and monetary value for purchase logs. */
export declare const TRANSACTIONS_SCORECARD_PATH: string;
/** The shipped scorecards, by the name that stands for them. */
export declare const SHIPPED_SCORECARDS: Readonly<Record<string, string>>;
/**
 * The health-scoring frameworks of the seeds as scorecards, by preset name (`preset:NAME`);
 * docs/presets.md says where each comes from and how it maps onto the contract's signals.
 * `four-layer` is the default card itself (seed 003).
 */
export declare const PRESET_SCORECARDS: Readonly<Record<string, string>>;
export declare const PRESET_PREFIX = "preset:";
/** True for a reference to a card shipped with churnkit (`default`, `transactions`, `preset:NAME`), not a user's file. */
export declare function isShippedScorecard(ref: string): boolean;
/**
 * The file a scorecard reference stands for: `default`, `transactions`, `preset:NAME` or a path.
 * An unknown preset is a usage error listing the known ones.
 */
export declare function resolveScorecardRef(ref: string): string;
/** Reads and validates a scorecard: a file, or a shipped card (`default`, `transactions`, `preset:NAME`). */
export declare function loadScorecard(ref: string): Promise<Scorecard>;
/**
 * loadScorecard for scoring, where start-up time is most of the work: the same checks, the shape
 * by the validator generated at build time from models/scorecard.schema.json (ajv's standalone
 * code, tools/build-generated.mjs) instead of the zod schema, whose library and construction cost
 * more than scoring 1,000 rows. A card the generated check refuses goes to zod, so every error is
 * worded as loadScorecard words it (and were the two ever to disagree, zod's verdict stands). The
 * card keeps the file's key order (zod rebuilds objects in the schema's order): for scoring, not
 * for writing back.
 */
export declare function loadScorecardToScore(ref: string): Promise<Scorecard>;
