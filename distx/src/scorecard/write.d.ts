import type { Scorecard } from './schema.js';
/** The artifact as written: two-space JSON with a trailing newline, signed with its checksum (same card, same bytes). */
export declare function serializeScorecard(card: Scorecard): string;
/**
 * Writes several files so that a failure leaves none of them new: everything goes to temporary
 * siblings first and is renamed into place only when all are written.
 */
export declare function writeFilesTogether(files: readonly {
    path: string;
    data: string;
}[]): Promise<void>;
/** Reports beside the scorecard: scorecard.json -> scorecard.fidelity.json, .fidelity.md, .overrides.json, .overrides.md. */
export declare function reportPaths(out: string): {
    fidelityJson: string;
    fidelityMarkdown: string;
    overridesJson: string;
    overridesMarkdown: string;
};
