import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ChurnkitError, verifyArtifact } from '../util/index.js';
import { INPUT_COLUMNS } from './schemas.js';
import { loadServedModel } from './served-model.js';
import { Serial } from '../util/index.js';
import { resolveScorecardRef, compileScorer, parseScorecard, } from '../scorecard/index.js';
/** An artifact file's bytes and parsed JSON; `what` ("scorecard", "model") names it in errors. */
async function readArtifact(what, path) {
    const bytes = await readFile(path, 'utf8').catch((err) => {
        throw new ChurnkitError(`${what} ${path}: cannot read (${err.code ?? err.message})`, 2);
    });
    try {
        return { bytes, artifact: JSON.parse(bytes) };
    }
    catch (err) {
        throw new ChurnkitError(`${what} ${path}: not valid JSON (${err.message})`, 2);
    }
}
/** Loads and compiles a scorecard artifact with the scorecard module; throws ChurnkitError when it is unusable. */
export const loadServableScorecard = async (pathOrDefault) => {
    const path = resolveScorecardRef(pathOrDefault);
    const { bytes, artifact } = await readArtifact('scorecard', path);
    // A card churnkit signed and someone changed is refused on load and on every hot reload.
    const { content } = verifyArtifact(artifact, path);
    let card;
    try {
        card = parseScorecard(content);
    }
    catch (err) {
        throw new ChurnkitError(`scorecard ${path}: ${err.message}`, 2);
    }
    const loaded = {
        ...finishLoad(path, bytes, artifact, compileScorer(card)),
        card,
    };
    // The schema has checked kind, version and family; loadModel validates the rest of the artifact.
    if (card.model)
        loaded.model = await loadServedModel(card.model, `scorecard ${path}: model`);
    return loaded;
};
/**
 * A loader that serves a model: alone (`scorecard` null: `serve --model M.json`), or beside a
 * scorecard (`serve --scorecard S --model M`), where it takes the place of an embedded model.
 * The model file is fingerprinted with the scorecard, so a reload sees either change.
 */
export function modelLoader(modelPath, scorecard) {
    return async (pathOrDefault) => {
        const { bytes, artifact } = await readArtifact('model', modelPath);
        const model = await loadServedModel(artifact, `model ${modelPath}`);
        if (scorecard === null) {
            return {
                fingerprint: createHash('sha256').update(bytes).digest('hex'),
                source: basename(modelPath),
                artifact: artifact,
                model,
            };
        }
        const card = await scorecard(pathOrDefault);
        return {
            ...card,
            fingerprint: createHash('sha256').update(card.fingerprint).update(bytes).digest('hex'),
            model,
        };
    };
}
/**
 * Wraps a compiled scorer after a smoke test: an account with every signal missing must score
 * to a finite number, so a scorecard that parses but cannot score is refused before it serves.
 */
export function finishLoad(pathOrDefault, bytes, artifact, scorer) {
    const empty = {};
    for (const c of INPUT_COLUMNS)
        empty[c] = null;
    let probe;
    try {
        probe = scorer(empty);
    }
    catch (err) {
        throw new ChurnkitError(`scorecard ${pathOrDefault}: cannot score an account with no signals (${err.message})`, 2);
    }
    if (!Number.isFinite(probe.score))
        throw new ChurnkitError(`scorecard ${pathOrDefault}: scores an account with no signals as ${probe.score}`, 2);
    return {
        fingerprint: createHash('sha256').update(bytes).digest('hex'),
        source: basename(pathOrDefault),
        artifact,
        score: scorer,
    };
}
/**
 * The scorecard serving now, swapped atomically: each request reads `current` once, so it is
 * scored wholly by the old card or wholly by the new one. A new file that fails to load is
 * refused and the old card keeps serving.
 */
export class ScorecardSource {
    path;
    loader;
    events;
    current;
    reloadsOk = 0;
    reloadsRefused = 0;
    lastError = null;
    watcher = null;
    debounce = null;
    serial = new Serial();
    constructor(path, loader, initial, events) {
        this.path = path;
        this.loader = loader;
        this.events = events;
        this.current = initial;
    }
    static async open(path, loader = loadServableScorecard, events = {}) {
        const resolved = resolve(resolveScorecardRef(path));
        return new ScorecardSource(resolved, loader, await loader(resolved), events);
    }
    /** Reloads from disk; reloads never overlap, so the last one to finish reflects the file's latest state. */
    reload(trigger = 'manual') {
        return this.serial.run(() => this.reloadNow(trigger));
    }
    async reloadNow(trigger) {
        let outcome;
        try {
            const next = await this.loader(this.path);
            if (next.fingerprint === this.current.fingerprint) {
                outcome = { ok: true, changed: false };
            }
            else {
                this.current = next;
                this.reloadsOk++;
                this.lastError = null;
                outcome = { ok: true, changed: true };
            }
        }
        catch (err) {
            this.reloadsRefused++;
            this.lastError = err.message;
            outcome = { ok: false, changed: false, error: this.lastError };
        }
        this.events.onReload?.(outcome, trigger);
        return outcome;
    }
    /**
     * Watches the scorecard's folder rather than the file: editors and atomic writers replace the
     * file by rename, which a watch on the file itself would stop seeing after the first change.
     */
    watch(debounceMs = 150) {
        if (this.watcher)
            return;
        const name = basename(this.path);
        this.watcher = watch(dirname(this.path), { persistent: false }, (_event, filename) => {
            if (filename !== null && filename.toString() !== name)
                return;
            if (this.debounce)
                clearTimeout(this.debounce);
            this.debounce = setTimeout(() => {
                this.debounce = null;
                void this.reload('file change');
            }, debounceMs);
        });
        this.watcher.on('error', (err) => {
            this.lastError = `watching ${dirname(this.path)} failed: ${err.message}`;
        });
    }
    async close() {
        if (this.debounce)
            clearTimeout(this.debounce);
        this.debounce = null;
        this.watcher?.close();
        this.watcher = null;
        await this.serial.run(async () => undefined);
    }
}
//# sourceMappingURL=scorecard-source.js.map