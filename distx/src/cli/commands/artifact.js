import { readFile } from 'node:fs/promises';
import { defineCommand } from '../command.js';
import { ChurnkitError, contentChecksum, signArtifact, UsageError, writeFileAtomic } from '../../util/index.js';
import { loadModel } from '../../learn/index.js';
import { parseScorecard, ScorecardError } from '../../scorecard/index.js';
/**
 * Signs an artifact again after a hand edit. The content is checked first as a load would (a
 * model restores, a scorecard passes its rules), so a broken edit is named, not blessed.
 */
async function rehash(file) {
    let value;
    try {
        value = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (err) {
        const e = err;
        throw new ChurnkitError(`${file}: ${e.code === 'ENOENT' ? 'no such file' : `not JSON (${e.message})`}`, 2);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new ChurnkitError(`${file}: not a churnkit artifact (expected a JSON object)`, 2);
    const { checksum, ...content } = value;
    const kind = String(content['kind']);
    if (kind === 'churnkit.model')
        await loadModel(content);
    else if (kind === 'churnkit.scorecard') {
        try {
            parseScorecard(content);
        }
        catch (err) {
            if (err instanceof ScorecardError)
                throw new ScorecardError(err.path, err.problem, file);
            throw err;
        }
    }
    else
        throw new ChurnkitError(`${file}: field kind is ${JSON.stringify(content['kind'])}, not a churnkit artifact`, 2);
    const fresh = contentChecksum(content);
    const was = checksum === undefined ? 'unsigned' : checksum === fresh ? 'current' : 'changed';
    if (was !== 'current')
        await writeFileAtomic(file, `${JSON.stringify(signArtifact(content), null, 2)}\n`);
    return { file, kind, was, checksum: fresh };
}
export function register(program) {
    const artifact = program
        .command('artifact')
        .description('work with model and scorecard artifacts (rehash: sign a hand edit)');
    defineCommand(artifact, 'rehash', 'check an edited model or scorecard artifact and sign it again with its new checksum', (cmd) => cmd.argument('<files...>', 'artifact files (.json)'), async (_opts, io, args) => {
        const files = args[0] ?? [];
        if (files.length === 0)
            throw new UsageError('name the artifact files to rehash');
        const results = [];
        for (const file of files) {
            const r = await rehash(file);
            results.push(r);
            io.say(r.was === 'current'
                ? `${file}: checksum already current`
                : `${file}: signed (${r.was === 'changed' ? 'it had been edited' : 'it had no checksum'}), ${r.checksum}`);
        }
        return { ok: true, files: results };
    });
}
//# sourceMappingURL=artifact.js.map