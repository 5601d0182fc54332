/**
 * The source tree's layers, read from its imports. Folders under src/ form a stack: a folder may
 * import only folders below it, and only through an index.ts (its own or a nested one such as
 * scorecard/calibrate/index.ts, which keeps the model stack out of plain scoring). The rules
 * live here, next to the check, so that moving a folder is a one-line change reviewed with it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import test from 'node:test';
import { repoRoot } from './support/paths.js';
/** Lower numbers sit lower; equal numbers may not import each other. */
export const LAYERS = {
    util: 0,
    catalogue: 1,
    stats: 1,
    data: 2,
    features: 3,
    learn: 4,
    simulate: 4,
    history: 4,
    scorecard: 5,
    evaluate: 6,
    report: 7,
    warehouse: 7,
    serve: 8,
    app: 9,
    cli: 10,
    // The package's subpath entries (churnkit/scorecard, churnkit/serve): re-exports only.
    public: 11,
};
const srcRoot = join(repoRoot, 'src');
function sourceFiles(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}
/** Every relative import of every source file, static, re-export or dynamic, resolved to a .ts path. */
export function importEdges(root = srcRoot) {
    const edges = [];
    const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
    for (const file of sourceFiles(root)) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(spec)) {
            const line = text.slice(0, m.index).split('\n').length;
            const target = normalize(join(dirname(file), m[1].replace(/\.js$/, '.ts')));
            edges.push({ from: relative(root, file), to: relative(root, target), line });
        }
    }
    return edges;
}
/** The top folder of a path under src/, or null for a file at the root (src/index.ts). */
function folderOf(path) {
    const parts = path.split('/');
    return parts.length > 1 ? parts[0] : null;
}
/** What is wrong with each import edge; empty when the tree keeps its layers. */
export function layerViolations(edges) {
    const problems = [];
    for (const e of edges) {
        const from = folderOf(e.from);
        const to = folderOf(e.to);
        if (from === null || from === to)
            continue;
        const at = `src/${e.from}:${e.line} imports src/${e.to}`;
        if (to === null) {
            problems.push(`${at}: nothing imports the package root`);
            continue;
        }
        const lf = LAYERS[from];
        const lt = LAYERS[to];
        if (lf === undefined || lt === undefined) {
            problems.push(`${at}: folder ${lf === undefined ? from : to} has no layer in test/architecture.test.ts`);
            continue;
        }
        if (lt >= lf)
            problems.push(`${at}: ${from} (layer ${lf}) may not import ${to} (layer ${lt})`);
        if (!e.to.endsWith('/index.ts'))
            problems.push(`${at}: reaches past ${to}'s index.ts`);
    }
    return problems;
}
/** Folder-level cycles (a -> b -> ... -> a), found by depth-first search. */
export function folderCycles(edges) {
    const graph = new Map();
    for (const e of edges) {
        const from = folderOf(e.from);
        const to = folderOf(e.to);
        if (from === null || to === null || from === to)
            continue;
        if (!graph.has(from))
            graph.set(from, new Set());
        graph.get(from).add(to);
    }
    const cycles = [];
    const state = new Map();
    const stack = [];
    const visit = (n) => {
        state.set(n, 'open');
        stack.push(n);
        for (const m of graph.get(n) ?? []) {
            if (state.get(m) === 'open')
                cycles.push([...stack.slice(stack.indexOf(m)), m]);
            else if (!state.has(m))
                visit(m);
        }
        stack.pop();
        state.set(n, 'done');
    };
    for (const n of [...graph.keys()].sort())
        if (!state.has(n))
            visit(n);
    return cycles;
}
test('every folder under src/ has a layer', () => {
    const folders = readdirSync(srcRoot, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    assert.deepEqual(folders.filter((f) => LAYERS[f] === undefined), []);
    assert.deepEqual(Object.keys(LAYERS)
        .filter((f) => !folders.includes(f))
        .sort(), [], 'a layer names a folder that no longer exists');
});
test('imports go down the layers, through each folder index, with no folder cycle', () => {
    const edges = importEdges();
    assert.ok(edges.length > 300, `read ${edges.length} imports`);
    assert.deepEqual(layerViolations(edges), []);
    assert.deepEqual(folderCycles(edges), []);
});
test('the check fails on an upward import, a reach past an index and a cycle', () => {
    const bad = [
        { from: 'learn/pipeline.ts', to: 'evaluate/index.ts', line: 3 },
        { from: 'serve/server.ts', to: 'scorecard/compile.ts', line: 7 },
        { from: 'evaluate/run.ts', to: 'learn/index.ts', line: 1 },
    ];
    const problems = layerViolations(bad);
    assert.match(problems[0], /learn \(layer 4\) may not import evaluate \(layer 6\)/);
    assert.match(problems[1], /src\/serve\/server\.ts:7 imports src\/scorecard\/compile\.ts: reaches past scorecard's index\.ts/);
    assert.equal(problems.length, 2);
    assert.deepEqual(folderCycles(bad), [['evaluate', 'learn', 'evaluate']]);
});
//# sourceMappingURL=architecture.test.js.map