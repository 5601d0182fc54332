/**
 * Content checksums for artifacts (model and scorecard JSON): `"checksum": "sha256:<hex>"`, the
 * SHA-256 of the artifact's JSON without that field, written compactly with keys in the file's
 * order. Whitespace and indentation may change freely; any change of a key or a value does not
 * go unnoticed. A hand edit is allowed but never silent: `churnkit artifact rehash FILE` signs it
 * again.
 */
import { createHash } from 'node:crypto';
import { ChurnkitError } from './errors.js';
export const CHECKSUM_FIELD = 'checksum';
const PREFIX = 'sha256:';
function withoutChecksum(artifact) {
    const { [CHECKSUM_FIELD]: _dropped, ...rest } = artifact;
    return rest;
}
/** The checksum of an artifact's content (its `checksum` field, if any, left out). */
export function contentChecksum(artifact) {
    return `${PREFIX}${createHash('sha256')
        .update(JSON.stringify(withoutChecksum(artifact)))
        .digest('hex')}`;
}
/** The artifact with its checksum as the last field (replacing an old one). */
export function signArtifact(artifact) {
    return { ...withoutChecksum(artifact), [CHECKSUM_FIELD]: contentChecksum(artifact) };
}
/** An artifact whose content no longer matches its checksum: exit 2, with the way to re-sign it. */
export class ChecksumError extends ChurnkitError {
    source;
    constructor(source) {
        super(`${source}: the content does not match its checksum: the file was changed after churnkit wrote it; if the change is yours, sign it again with churnkit artifact rehash ${source}`, 2);
        this.source = source;
    }
}
/**
 * Checks a parsed artifact against its checksum and returns it without the field: `signed` when
 * it matches, `unsigned` when it has none (written before checksums; the caller says so).
 */
export function verifyArtifact(value, source) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !(CHECKSUM_FIELD in value))
        return { content: value, status: 'unsigned' };
    const artifact = value;
    const stored = artifact[CHECKSUM_FIELD];
    if (typeof stored !== 'string' || stored !== contentChecksum(artifact))
        throw new ChecksumError(source);
    return { content: withoutChecksum(artifact), status: 'signed' };
}
//# sourceMappingURL=checksum.js.map