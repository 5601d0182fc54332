import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ChurnkitError, UsageError, verifyArtifact } from '../util/index.js';
import type { Scorecard } from './schema.js';
import { parseScorecard, ScorecardError } from './validate.js';

/** models/default-scorecard.json of this installation (this module runs from dist/src/scorecard/). */
export const DEFAULT_SCORECARD_PATH = fileURLToPath(new URL('../../../models/default-scorecard.json', import.meta.url));

/** models/transactions-scorecard.json: recency, frequency and monetary value for purchase logs. */
export const TRANSACTIONS_SCORECARD_PATH = fileURLToPath(
  new URL('../../../models/transactions-scorecard.json', import.meta.url),
);

/** The shipped scorecards, by the name that stands for them. */
export const SHIPPED_SCORECARDS: Readonly<Record<string, string>> = {
  default: DEFAULT_SCORECARD_PATH,
  transactions: TRANSACTIONS_SCORECARD_PATH,
};

const presetPath = (name: string) => fileURLToPath(new URL(`../../../models/presets/${name}.json`, import.meta.url));

/**
 * The health-scoring frameworks of the seeds as scorecards, by preset name (`preset:NAME`);
 * docs/presets.md says where each comes from and how it maps onto the contract's signals.
 * `four-layer` is the default card itself (seed 003).
 */
export const PRESET_SCORECARDS: Readonly<Record<string, string>> = {
  'four-layer': DEFAULT_SCORECARD_PATH,
  mature: presetPath('mature'),
  'early-stage': presetPath('early-stage'),
  'equal-metrics': presetPath('equal-metrics'),
  'business-health': presetPath('business-health'),
  'five-component': presetPath('five-component'),
};

export const PRESET_PREFIX = 'preset:';

/** True for a reference to a card shipped with churnkit (`default`, `transactions`, `preset:NAME`), not a user's file. */
export function isShippedScorecard(ref: string): boolean {
  return ref in SHIPPED_SCORECARDS || ref.startsWith(PRESET_PREFIX);
}

/**
 * The file a scorecard reference stands for: `default`, `transactions`, `preset:NAME` or a path.
 * An unknown preset is a usage error listing the known ones.
 */
export function resolveScorecardRef(ref: string): string {
  const shipped = SHIPPED_SCORECARDS[ref];
  if (shipped) return shipped;
  if (!ref.startsWith(PRESET_PREFIX)) return ref;
  const name = ref.slice(PRESET_PREFIX.length);
  const path = Object.hasOwn(PRESET_SCORECARDS, name) ? PRESET_SCORECARDS[name] : undefined;
  if (path === undefined)
    throw new UsageError(
      `unknown scorecard preset "${name}"; presets: ${Object.keys(PRESET_SCORECARDS)
        .map((n) => PRESET_PREFIX + n)
        .join(', ')}`,
    );
  return path;
}

/** Reads and validates a scorecard: a file, or a shipped card (`default`, `transactions`, `preset:NAME`). */
export async function loadScorecard(ref: string): Promise<Scorecard> {
  const path = resolveScorecardRef(ref);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ChurnkitError(
      `${path}: cannot read the scorecard (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      2,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ChurnkitError(`${path}: not valid JSON (${(err as Error).message})`, 2);
  }
  return scorecardFromJson(json, path);
}

/**
 * A parsed scorecard from its JSON: the checksum first (a card churnkit wrote and someone
 * changed is refused, naming the way to re-sign it), then the schema and the rules.
 */
export function scorecardFromJson(json: unknown, source: string): Scorecard {
  const { content } = verifyArtifact(json, source);
  try {
    return parseScorecard(content);
  } catch (err) {
    if (err instanceof ScorecardError) throw new ScorecardError(err.path, err.problem, source);
    throw err;
  }
}
