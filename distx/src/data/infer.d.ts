import { type TableName } from './contract.js';
import { type MappingConfig } from './config.js';
/**
 * `churnkit init`: a draft mapping for a folder of exports. Each file is recognised by its
 * columns (signatures.ts) or, failing that, matched to a contract table by column-name
 * similarity; values are sampled to choose number and date formats; account ids that do not
 * match the accounts file are linked through the other files (an organizations export, a
 * companies export, the accounts' names) by value. What it cannot decide is listed as notes,
 * with the candidate columns.
 */
export interface DraftNote {
    /** Where in the mapping the note applies (`tables.tickets.columns.closed_at`), or a file. */
    where: string;
    message: string;
    candidates?: string[];
}
export interface RecognisedFile {
    file: string;
    tool: string | null;
    object: string | null;
    /** The contract table it feeds, 'bridge' for a file used as a lookup, null when unused. */
    table: TableName | 'bridge' | null;
}
export interface Draft {
    config: MappingConfig;
    files: RecognisedFile[];
    notes: DraftNote[];
    /** Required contract columns no file provides, with the columns that came closest. */
    missing: {
        table: TableName;
        column: string;
        candidates: string[];
    }[];
}
/** Drafts a mapping for every data file in a folder. */
export declare function draftMapping(dir: string): Promise<Draft>;
/** The draft as churnkit.config.json: JSON with comments saying where each part came from and what to check. */
export declare function renderDraft(draft: Draft, dir: string): string;
