import { rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { signArtifact, tempSibling } from '../util/index.js';
/** The artifact as written: two-space JSON with a trailing newline, signed with its checksum (same card, same bytes). */
export function serializeScorecard(card) {
    return `${JSON.stringify(signArtifact(card), null, 2)}\n`;
}
/**
 * Writes several files so that a failure leaves none of them new: everything goes to temporary
 * siblings first and is renamed into place only when all are written.
 */
export async function writeFilesTogether(files) {
    const temps = [];
    try {
        for (const f of files) {
            await mkdir(dirname(f.path), { recursive: true });
            const tmp = tempSibling(f.path);
            temps.push(tmp);
            await writeFile(tmp, f.data);
        }
        for (let k = 0; k < files.length; k++)
            await rename(temps[k], files[k].path);
    }
    catch (err) {
        await Promise.all(temps.map((t) => rm(t, { force: true })));
        throw err;
    }
}
/** Reports beside the scorecard: scorecard.json -> scorecard.fidelity.json, .fidelity.md, .overrides.json, .overrides.md. */
export function reportPaths(out) {
    const stem = out.replace(/\.json$/i, '');
    return {
        fidelityJson: `${stem}.fidelity.json`,
        fidelityMarkdown: `${stem}.fidelity.md`,
        overridesJson: `${stem}.overrides.json`,
        overridesMarkdown: `${stem}.overrides.md`,
    };
}
//# sourceMappingURL=write.js.map