import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ChurnkitError, verifyArtifact } from '../util/index.js';
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

/** Reads and validates a scorecard file; 'default' and 'transactions' are the shipped ones. */
export async function loadScorecard(pathOrDefault: string): Promise<Scorecard> {
  const path = SHIPPED_SCORECARDS[pathOrDefault] ?? pathOrDefault;
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
