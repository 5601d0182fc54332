import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ChurnkitError, UsageError, verifyArtifact } from '../util/index.js';
import { checkSemantics, ScorecardError } from './semantics.js';
/** models/default-scorecard.json of this installation (this module runs from dist/src/scorecard/). */
export const DEFAULT_SCORECARD_PATH = fileURLToPath(new URL('../../../models/default-scorecard.json', import.meta.url));
/** models/transactions-scorecard.json: recency, frequency and monetary value for purchase logs. */
export const TRANSACTIONS_SCORECARD_PATH = fileURLToPath(new URL('../../../models/transactions-scorecard.json', import.meta.url));
/** The shipped scorecards, by the name that stands for them. */
export const SHIPPED_SCORECARDS = {
    default: DEFAULT_SCORECARD_PATH,
    transactions: TRANSACTIONS_SCORECARD_PATH,
};
const presetPath = (name) => fileURLToPath(new URL(`../../../models/presets/${name}.json`, import.meta.url));
/**
 * The health-scoring frameworks of the seeds as scorecards, by preset name (`preset:NAME`);
 * docs/presets.md says where each comes from and how it maps onto the contract's signals.
 * `four-layer` is the default card itself (seed 003).
 */
export const PRESET_SCORECARDS = {
    'four-layer': DEFAULT_SCORECARD_PATH,
    mature: presetPath('mature'),
    'early-stage': presetPath('early-stage'),
    'equal-metrics': presetPath('equal-metrics'),
    'business-health': presetPath('business-health'),
    'five-component': presetPath('five-component'),
};
export const PRESET_PREFIX = 'preset:';
/** True for a reference to a card shipped with churnkit (`default`, `transactions`, `preset:NAME`), not a user's file. */
export function isShippedScorecard(ref) {
    return ref in SHIPPED_SCORECARDS || ref.startsWith(PRESET_PREFIX);
}
/**
 * The file a scorecard reference stands for: `default`, `transactions`, `preset:NAME` or a path.
 * An unknown preset is a usage error listing the known ones.
 */
export function resolveScorecardRef(ref) {
    const shipped = SHIPPED_SCORECARDS[ref];
    if (shipped)
        return shipped;
    if (!ref.startsWith(PRESET_PREFIX))
        return ref;
    const name = ref.slice(PRESET_PREFIX.length);
    const path = Object.hasOwn(PRESET_SCORECARDS, name) ? PRESET_SCORECARDS[name] : undefined;
    if (path === undefined)
        throw new UsageError(`unknown scorecard preset "${name}"; presets: ${Object.keys(PRESET_SCORECARDS)
            .map((n) => PRESET_PREFIX + n)
            .join(', ')}`);
    return path;
}
/** The JSON of a scorecard file, its checksum checked (a card churnkit wrote and someone changed is refused). */
async function readScorecardContent(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new ChurnkitError(`${path}: cannot read the scorecard (${err.code ?? String(err)})`, 2);
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new ChurnkitError(`${path}: not valid JSON (${err.message})`, 2);
    }
    return verifyArtifact(json, path).content;
}
/**
 * The card as zod's schema parses it, then the rules, every error naming the file and the field.
 * zod (and the schema built with it) load here, on first use, not with the scorecard module.
 */
async function parseScorecardFile(content, path) {
    const { parseScorecard } = await import('./validate.js');
    return namingFile(path, () => parseScorecard(content));
}
/** A scorecard error with the file it is about. */
function namingFile(path, check) {
    try {
        return check();
    }
    catch (err) {
        if (err instanceof ScorecardError)
            throw new ScorecardError(err.path, err.problem, path);
        throw err;
    }
}
/** Reads and validates a scorecard: a file, or a shipped card (`default`, `transactions`, `preset:NAME`). */
export async function loadScorecard(ref) {
    const path = resolveScorecardRef(ref);
    return parseScorecardFile(await readScorecardContent(path), path);
}
/**
 * loadScorecard for scoring, where start-up time is most of the work: the same checks, the shape
 * by the validator generated at build time from models/scorecard.schema.json (ajv's standalone
 * code, tools/build-generated.mjs) instead of the zod schema, whose library and construction cost
 * more than scoring 1,000 rows. A card the generated check refuses goes to zod, so every error is
 * worded as loadScorecard words it (and were the two ever to disagree, zod's verdict stands). The
 * card keeps the file's key order (zod rebuilds objects in the schema's order): for scoring, not
 * for writing back.
 */
export async function loadScorecardToScore(ref) {
    const path = resolveScorecardRef(ref);
    const content = await readScorecardContent(path);
    const { validate: hasScorecardShape } = await import('./shape-check.js');
    if (!hasScorecardShape(content))
        return parseScorecardFile(content, path);
    namingFile(path, () => checkSemantics(content));
    return content;
}
//# sourceMappingURL=load.js.map