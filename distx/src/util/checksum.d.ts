import { ChurnkitError } from './errors.js';
export declare const CHECKSUM_FIELD = "checksum";
type Json = Record<string, unknown>;
/** The checksum of an artifact's content (its `checksum` field, if any, left out). */
export declare function contentChecksum(artifact: object): string;
/** The artifact with its checksum as the last field (replacing an old one). */
export declare function signArtifact(artifact: object): Json;
/** An artifact whose content no longer matches its checksum: exit 2, with the way to re-sign it. */
export declare class ChecksumError extends ChurnkitError {
    readonly source: string;
    constructor(source: string);
}
/**
 * Checks a parsed artifact against its checksum and returns it without the field: `signed` when
 * it matches, `unsigned` when it has none (written before checksums; the caller says so).
 */
export declare function verifyArtifact(value: unknown, source: string): {
    content: unknown;
    status: 'signed' | 'unsigned';
};
export {};
