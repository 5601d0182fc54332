import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { isTempName, sweepStaleTemps, tempSibling, writeFileAtomic } from './atomic.js';
import { UsageError } from './errors.js';
export const OUTPUT_MARKER = '.churnkit-output.json';
async function statOrNull(path) {
    try {
        return await stat(path);
    }
    catch {
        return null;
    }
}
/**
 * Refuses an output path that is one of the inputs (the same file or folder, whatever the
 * spelling: `./a.csv`, a symlink or a hard link to it).
 */
export async function assertNotAnInput(out, guard = {}) {
    const o = await statOrNull(out);
    if (!o)
        return;
    for (const input of guard.inputs ?? []) {
        if (!input)
            continue;
        const s = await statOrNull(input);
        if (s && s.dev === o.dev && s.ino === o.ino)
            throw new UsageError(`${guard.flag ?? '--out'} ${out} is ${input === out ? 'an input of this command' : `the input ${input}`}; writing it would destroy what is read; choose another path`);
    }
}
/** Asserts the same for several output paths (a table and its QA files, say). */
export async function assertNoneAnInput(outs, guard = {}) {
    for (const out of outs)
        await assertNotAnInput(out, guard);
}
async function readMarker(dir) {
    let text;
    try {
        text = await readFile(join(dir, OUTPUT_MARKER), 'utf8');
    }
    catch {
        return null;
    }
    try {
        const value = JSON.parse(text);
        if (value.kind !== 'churnkit.outputs' || typeof value.files !== 'object' || value.files === null)
            return null;
        return { kind: 'churnkit.outputs', version: 1, files: { ...value.files } };
    }
    catch {
        return null;
    }
}
const toPosix = (rel) => rel.split(sep).join('/');
/** Every file under `dir` (relative, `/`-separated), in sorted order. */
async function listFiles(dir, rel = '') {
    const out = [];
    const entries = (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
        const p = rel ? join(rel, e.name) : e.name;
        if (e.isDirectory())
            out.push(...(await listFiles(dir, p)));
        else
            out.push(toPosix(p));
    }
    return out;
}
/**
 * The entries of an existing folder that churnkit did not write: not the marker, not a file the
 * marker lists, not a known file of the command, not a folder that is itself a marked churnkit
 * output (a backtest inside a report folder), not a temporary sibling of a run.
 */
async function foreignFiles(dir, marker, options, rel = '') {
    const foreign = [];
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
        const p = toPosix(rel ? join(rel, e.name) : e.name);
        if (p === OUTPUT_MARKER || isTempName(e.name))
            continue;
        if (e.isDirectory()) {
            if (await readMarker(join(dir, p)))
                continue;
            foreign.push(...(await foreignFiles(dir, marker, options, p)));
            continue;
        }
        if (marker?.files[p] !== undefined)
            continue;
        if (!marker && options.knownFiles?.(p))
            continue;
        foreign.push(p);
    }
    return foreign.sort();
}
function markerText(files) {
    const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `${JSON.stringify({ kind: 'churnkit.outputs', version: 1, files: sorted }, null, 2)}\n`;
}
function listShort(names) {
    return `${names.slice(0, 3).join(', ')}${names.length > 3 ? `, ... (${names.length} in all)` : ''}`;
}
/** Removes empty folders from `path`'s parent up to (not including) `root`. */
async function pruneEmptyParents(root, path) {
    for (let d = dirname(path); d !== root && relative(root, d) && !relative(root, d).startsWith('..'); d = dirname(d)) {
        try {
            await rmdir(d);
        }
        catch {
            return;
        }
    }
}
async function inspectOutputDir(dir, options) {
    const flag = options.flag ?? '--out';
    await assertNotAnInput(dir, options);
    const info = await statOrNull(dir);
    if (info && !info.isDirectory())
        throw new UsageError(`${flag} ${dir} is a file; it must be a folder`);
    const marker = info ? await readMarker(dir) : null;
    const foreign = info ? await foreignFiles(dir, marker, options) : [];
    if (foreign.length > 0 && !marker && !options.force)
        throw new UsageError(`${flag} ${dir} holds files churnkit did not write (${listShort(foreign)}); choose a new or empty folder, or pass ${options.forceFlag ?? '--force'} to write beside them (they are kept)`);
    return { info, marker, foreign };
}
/**
 * The checks writeOutputDir makes before it writes, for a command to run before its long work:
 * `dir` is not an input, and is new, empty, churnkit's, or `force` is given.
 */
export async function checkOutputDir(dir, options) {
    await inspectOutputDir(dir, options);
}
/**
 * Builds a command's output folder in a temporary sibling (`produce` writes there), then puts
 * it in place: a new folder appears whole, by one rename; into an existing one each file moves
 * in by its own atomic rename, files this command wrote last time and not now are removed, and
 * everything else in the folder stays as it was. A failed run leaves nothing.
 */
export async function writeOutputDir(dir, options, produce) {
    const flag = options.flag ?? '--out';
    const forceFlag = options.forceFlag ?? '--force';
    const { info, marker, foreign } = await inspectOutputDir(dir, options);
    await mkdir(dirname(dir), { recursive: true });
    await sweepStaleTemps(dirname(dir));
    if (info)
        await sweepStaleTemps(dir);
    const tmp = tempSibling(dir);
    await mkdir(tmp, { recursive: true });
    try {
        const result = await produce(tmp);
        const produced = (await listFiles(tmp)).filter((p) => p !== OUTPUT_MARKER);
        for (const p of produced)
            await assertNotAnInput(join(dir, p), options);
        const clash = produced.filter((p) => foreign.includes(p));
        if (clash.length > 0 && !options.force)
            throw new UsageError(`${flag} ${dir}: ${listShort(clash)} would replace files churnkit did not write; move them away, or pass ${forceFlag} to replace them`);
        const files = {};
        for (const [p, by] of Object.entries(marker?.files ?? {}))
            if (by !== options.command)
                files[p] = by;
        for (const p of produced)
            files[p] = options.command;
        if (!info || (await readdir(dir)).length === 0) {
            await writeFile(join(tmp, OUTPUT_MARKER), markerText(files));
            if (info)
                await rmdir(dir);
            await rename(tmp, dir);
            return result;
        }
        for (const p of produced) {
            await mkdir(dirname(join(dir, p)), { recursive: true });
            await rename(join(tmp, p), join(dir, p));
        }
        const now = new Set(produced);
        for (const [p, by] of Object.entries(marker?.files ?? {})) {
            if (by !== options.command || now.has(p))
                continue;
            await rm(join(dir, p), { force: true });
            await pruneEmptyParents(dir, join(dir, p));
        }
        for (const p of Object.keys(files))
            if (!(await statOrNull(join(dir, p))))
                delete files[p];
        await writeFileAtomic(join(dir, OUTPUT_MARKER), markerText(files));
        await rm(tmp, { recursive: true, force: true });
        return result;
    }
    catch (err) {
        await rm(tmp, { recursive: true, force: true });
        throw err;
    }
}
//# sourceMappingURL=outputs.js.map