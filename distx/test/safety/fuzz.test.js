/**
 * Fuzzing as a habit (issue 21): fast-check corrupts valid histories, feature tables, model
 * artifacts and scorecards at random (types, encodings, truncation, ranges, dates, edits) and
 * every command that reads them must either give the clean run's output (a warning allowed) or
 * fail with exit 2 and a message naming the file (and the row and column, for a value): never
 * an engine message or a stack trace, never a changed output with no word said. For histories,
 * validate and features must agree on every case.
 *
 * Seeded, so a failure replays; the case counts below fit the suite's time budget (see
 * docs/data-safety.md). CHURNKIT_FUZZ_SCALE multiplies them for a longer hunt.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import fc from 'fast-check';
import { CONTRACT, validateHistory } from '../../src/data/index.js';
import { FEATURE_VALUE_RULES, loadFeatureTable } from '../../src/features/index.js';
import { loadModel } from '../../src/learn/index.js';
import { DEFAULT_SCORECARD_PATH, loadScorecard, scoreTable } from '../../src/scorecard/index.js';
import { run as buildFeatureFile } from '../../src/cli/commands/features.js';
import { ChurnkitError, signArtifact, silentProgress } from '../../src/util/index.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
const SCALE = Math.max(0.1, Number(process.env['CHURNKIT_FUZZ_SCALE'] ?? 1));
const RUNS = {
    history: Math.round(20 * SCALE),
    features: Math.round(80 * SCALE),
    model: Math.round(1000 * SCALE),
    scorecard: Math.round(1000 * SCALE),
    cli: Math.max(1, Math.round(3 * SCALE)),
};
const SEED = 21;
process.env['CHURNKIT_TODAY'] = '2026-01-01';
let work;
const d = (...names) => join(work.dir, ...names);
let caseNo = 0;
const fresh = () => d(`case-${++caseNo}`);
/** The CSV files of a history as lines, so a case can change a cell without parsing CSV again. */
let history;
let cleanFeatures;
let cleanFeatureCsv;
function quietIO(warnings) {
    return { json: true, progress: silentProgress, say: () => { }, warn: (w) => warnings.push(w) };
}
/** Features through the command's own code path; the output text, or the error. */
async function features(dir, out) {
    const warnings = [];
    try {
        await buildFeatureFile({ data: dir, out, every: 'month', horizon: 90, label: 'churn' }, quietIO(warnings));
        return { text: await readFile(out, 'utf8'), warnings };
    }
    catch (error) {
        return { error };
    }
}
/** An input error as the CLI shows it: exit 2, and the message names the file. */
function assertInputError(err, file, context) {
    assert.ok(err instanceof ChurnkitError, `${context}: not a churnkit error (a crash): ${String(err?.stack ?? err)}`);
    assert.equal(err.exitCode, 2, `${context}: exit ${err.exitCode}: ${err.message}`);
    assert.match(err.message, file, `${context}: the message does not name the file: ${err.message}`);
    assert.doesNotMatch(err.message, /(Invalid Input|Conversion|Binder|Parser) Error|TypeError|undefined/, `${context}: ${err.message}`);
}
/** Values no contract column of this type can take (so a changed output must have been refused). */
function badValues(spec) {
    const common = ['abc', '#N/A', '12 seats'];
    switch (spec.type) {
        case 'number':
            return [...common, 'NaN', 'Infinity', '-Infinity', '1e400', ...(spec.min === 0 ? ['-1', '-0.5'] : [])];
        case 'integer':
            return [
                ...common,
                '1.5',
                'NaN',
                '1e400',
                ...(spec.min !== undefined ? [String(spec.min - 1)] : []),
                ...(spec.max !== undefined ? [String(spec.max + 1)] : []),
            ];
        case 'date':
            return [...common, '2024-02-30', '2024-13-01', '15/01/2024x', '2030-01-01', '2099-12-31'];
        case 'timestamp':
            return [...common, '2024-02-30T10:00:00', '2030-06-01T00:00:00', 'yesterday'];
        case 'boolean':
            return ['maybe', '2', 'TRUEE'];
        case 'text':
            return spec.values ? ['VIP', 'champions', 'n/a'] : [];
    }
}
function historyEdit() {
    const tables = [...history.keys()];
    const cell = fc.constantFrom(...tables).chain((table) => {
        const lines = history.get(table);
        const header = lines[0].split(',');
        const targets = CONTRACT[table].columns.filter((c) => header.includes(c.name) && badValues(c).length > 0);
        const required = CONTRACT[table].columns.filter((c) => c.required && header.includes(c.name));
        return fc.oneof(fc
            .record({
            kind: fc.constant('cell'),
            table: fc.constant(table),
            row: fc.integer({ min: 1, max: lines.length - 1 }),
            spec: fc.constantFrom(...targets),
        })
            .chain((r) => fc
            .constantFrom(...badValues(r.spec))
            .map((value) => ({ kind: r.kind, table, row: r.row, column: r.spec.name, value }))), fc.record({
            kind: fc.constant('cell'),
            table: fc.constant(table),
            row: fc.integer({ min: 1, max: lines.length - 1 }),
            column: fc.constantFrom(...required.map((c) => c.name)),
            value: fc.constant(''),
        }));
    });
    const bytes = fc.record({
        kind: fc.constant('bytes'),
        table: fc.constantFrom(...tables),
        row: fc.integer({ min: 1, max: 5 }),
    });
    const truncate = fc.record({
        kind: fc.constant('truncate'),
        table: fc.constantFrom(...tables),
        row: fc.integer({ min: 1, max: 5 }),
    });
    const gzipCut = fc.record({
        kind: fc.constant('gzip-cut'),
        keep: fc.double({ min: 0, max: 0.99, noNaN: true }),
    });
    return fc.oneof({ weight: 6, arbitrary: cell }, bytes, truncate, gzipCut);
}
async function writeHistory(dir, edit) {
    await mkdir(dir, { recursive: true });
    let touched = '';
    for (const [table, original] of history) {
        const lines = [...original];
        let bytes = null;
        if (edit.kind === 'cell' && edit.table === table) {
            const header = lines[0].split(',');
            const cells = lines[edit.row].split(',');
            cells[header.indexOf(edit.column)] = edit.value;
            lines[edit.row] = cells.join(',');
            touched = `${table}.csv`;
        }
        if (edit.kind === 'bytes' && edit.table === table) {
            const row = Math.min(edit.row, lines.length - 1);
            const text = `${lines.slice(0, row).join('\n')}\n`;
            bytes = Buffer.concat([
                Buffer.from(text),
                Buffer.from([0xff, 0xfe, 0x41]),
                Buffer.from(`${lines.slice(row).join('\n')}`),
            ]);
            touched = `${table}.csv`;
        }
        if (edit.kind === 'truncate' && edit.table === table) {
            // Cut inside the first field of a row: a row that lost its columns, not a shorter valid file.
            const row = Math.min(edit.row, lines.length - 1);
            lines.splice(row + 1);
            lines[row] = lines[row].slice(0, 1);
            touched = `${table}.csv`;
        }
        const text = `${lines.join('\n')}\n`;
        if (edit.kind === 'gzip-cut' && table === 'usage') {
            const whole = gzipSync(Buffer.from(text));
            await writeFile(join(dir, 'usage.csv.gz'), whole.subarray(0, Math.floor(edit.keep * whole.length)));
            touched = 'usage.csv.gz';
            continue;
        }
        await writeFile(join(dir, `${table}.csv`), bytes ?? text);
    }
    return touched;
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
before(async () => {
    work = await tempDir('churnkit-fuzz-');
    const hand = fixture('features', 'hand');
    history = new Map();
    for (const file of (await readdir(hand)).sort()) {
        const table = file.replace(/\.csv$/, '');
        history.set(table, (await readFile(join(hand, file), 'utf8')).replace(/\n$/, '').split('\n'));
    }
    await cp(hand, d('clean'), { recursive: true });
    const clean = await features(d('clean'), d('clean.csv'));
    assert.ok('text' in clean, String(clean.error));
    cleanFeatures = clean.text;
    // a feature table with values in every column, for the feature-table cases
    await simulateSmallFeatures();
});
after(() => work.cleanup());
async function simulateSmallFeatures() {
    const { simulate } = await import('../../src/simulate/index.js');
    await simulate({ accounts: 40, months: 12, seed: 9, format: 'csv', out: d('sim') });
    const built = await features(d('sim'), d('sim-features.csv'));
    assert.ok('text' in built);
    cleanFeatureCsv = built.text;
}
test(`histories: ${RUNS.history} corrupted copies; validate and features agree, errors name file, row and column`, async () => {
    await fc.assert(fc.asyncProperty(historyEdit(), async (edit) => {
        const dir = fresh();
        const touched = await writeHistory(dir, edit);
        const report = await validateHistory(dir);
        const result = await features(dir, `${dir}.csv`);
        const context = JSON.stringify(edit);
        if (report.errors > 0) {
            assert.ok('error' in result, `${context}: validate found errors but features succeeded`);
            assertInputError(result.error, new RegExp(`\\(${escapeRegExp(touched)}\\)`), context);
            const first = report.issues.find((i) => i.severity === 'error');
            if (first.examples.some((e) => e.row !== undefined)) {
                assert.match(result.error.message, /row \d+/, `${context}: no row in ${result.error.message}`);
                assert.match(result.error.message, /column /, `${context}: no column in ${result.error.message}`);
            }
        }
        else {
            assert.ok('text' in result, `${context}: validate passed but features failed: ${String(result.error)}`);
            if (result.text !== cleanFeatures)
                assert.ok(report.warnings > 0 || result.warnings.length > 0, `${context}: a changed output with no warning`);
        }
        await rm(dir, { recursive: true, force: true });
        await rm(`${dir}.csv`, { force: true });
    }), { numRuns: RUNS.history, seed: SEED, endOnFailure: true });
});
function featureValues(column) {
    const rule = FEATURE_VALUE_RULES[column];
    // (NaN is not among them: in a feature table it is pandas' missing value, read as NULL.)
    const out = ['Infinity', '-Infinity', '1e400', 'abc'];
    if (rule.kind === 'boolean' || rule.kind === 'label')
        out.push('2', '-1', '0.5');
    if (rule.kind === 'integer')
        out.push('0.5');
    if (rule.min !== undefined)
        out.push(String(rule.min - 1));
    if (rule.max !== undefined)
        out.push(String(rule.max + 1));
    return out;
}
function tableEdit() {
    const lines = cleanFeatureCsv.replace(/\n$/, '').split('\n');
    const header = lines[0].split(',');
    const columns = header.filter((c) => FEATURE_VALUE_RULES[c]);
    const row = fc.integer({ min: 1, max: lines.length - 1 });
    return fc.oneof({
        weight: 8,
        arbitrary: fc
            .record({ kind: fc.constant('cell'), row, column: fc.constantFrom(...columns) })
            .chain((r) => fc.constantFrom(...featureValues(r.column)).map((value) => ({ ...r, value }))),
    }, fc.record({ kind: fc.constant('truncate'), row }), fc.record({ kind: fc.constant('bytes'), row }), fc.constant({ kind: 'empty' }));
}
function applyTableEdit(edit) {
    const lines = cleanFeatureCsv.replace(/\n$/, '').split('\n');
    const header = lines[0].split(',');
    if (edit.kind === 'empty')
        return Buffer.from(`${lines[0]}\n`);
    if (edit.kind === 'cell') {
        const cells = lines[edit.row].split(',');
        cells[header.indexOf(edit.column)] = edit.value;
        lines[edit.row] = cells.join(',');
    }
    if (edit.kind === 'truncate') {
        lines.splice(edit.row + 1);
        lines[edit.row] = lines[edit.row].slice(0, 2);
    }
    if (edit.kind === 'bytes')
        return Buffer.concat([
            Buffer.from(`${lines.slice(0, edit.row).join('\n')}\n`),
            Buffer.from([0xc3, 0x28]),
            Buffer.from(`${lines.slice(edit.row).join('\n')}\n`),
        ]);
    return Buffer.from(`${lines.join('\n')}\n`);
}
test(`feature tables: ${RUNS.features} corrupted copies; every reader refuses with file, row and column or reads the clean values`, async () => {
    const clean = await loadFeatureTable(d('sim-features.csv'));
    const card = await loadScorecard('default');
    const cleanScores = scoreTable(card, { ...clean, name: 'clean' }).scores.score;
    await fc.assert(fc.asyncProperty(tableEdit(), async (edit) => {
        const path = `${fresh()}.csv`;
        await writeFile(path, applyTableEdit(edit));
        const context = JSON.stringify(edit);
        let frame;
        try {
            frame = await loadFeatureTable(path);
        }
        catch (err) {
            assertInputError(err, new RegExp(escapeRegExp(path)), context);
            if (edit.kind === 'cell') {
                assert.match(err.message, new RegExp(`row \\d+, column ${edit.column}`), context);
            }
            return;
        }
        const scores = scoreTable(card, { ...frame, name: path }).scores.score;
        assert.deepEqual([...scores], [...cleanScores], `${context}: read without error but scored differently`);
    }), { numRuns: RUNS.features, seed: SEED, endOnFailure: true });
});
const jsonEdit = fc.oneof(fc.record({ kind: fc.constant('truncate'), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }), fc.record({ kind: fc.constant('number'), at: fc.nat(), factor: fc.constantFrom(10, -1, 0, 1e300, 1.0001) }), fc.record({ kind: fc.constant('digit'), at: fc.nat() }), fc.record({ kind: fc.constant('string'), at: fc.nat() }), fc.record({ kind: fc.constant('drop'), at: fc.nat() }), fc.constant({ kind: 'add' }), fc.constant({ kind: 'reformat' }));
/** Applies an edit to artifact JSON text; null when the edit finds nothing to change. */
function applyJsonEdit(text, edit) {
    if (edit.kind === 'truncate')
        return text.slice(0, Math.floor(edit.at * text.length));
    if (edit.kind === 'reformat')
        return JSON.stringify(JSON.parse(text));
    if (edit.kind === 'add') {
        const obj = JSON.parse(text);
        obj.note = 'added by hand';
        return JSON.stringify(obj, null, 2);
    }
    if (edit.kind === 'drop') {
        const keys = [...text.matchAll(/^ {2,}"([a-z_]+)": /gm)];
        if (keys.length === 0)
            return null;
        const m = keys[edit.at % keys.length];
        const obj = JSON.parse(text);
        const drop = (o) => {
            if (typeof o !== 'object' || o === null)
                return false;
            if (!Array.isArray(o) && m[1] in o) {
                delete o[m[1]];
                return true;
            }
            return Object.values(o).some(drop);
        };
        return drop(obj) ? JSON.stringify(obj, null, 2) : null;
    }
    const numbers = [...text.matchAll(/(?<=[:[,\s])-?\d+(\.\d+)?(e[-+]?\d+)?(?=[,\]\s\n])/g)];
    if (numbers.length === 0)
        return null;
    const m = numbers[edit.at % numbers.length];
    const at = m.index;
    const end = at + m[0].length;
    let replacement;
    if (edit.kind === 'number')
        replacement = String(Number(m[0]) * edit.factor);
    else if (edit.kind === 'digit')
        replacement = m[0].replace(/\d(?!.*\d)/, (c) => String((Number(c) + 1) % 10));
    else
        replacement = JSON.stringify(m[0]);
    if (replacement === m[0])
        return null;
    return `${text.slice(0, at)}${replacement}${text.slice(end)}`;
}
test(`model artifacts: ${RUNS.model} corrupted copies; loading refuses naming the file or predicts as the clean model`, async () => {
    const r = spawnSync(process.execPath, [
        cliPath,
        'train',
        '--features',
        d('sim-features.csv'),
        '--model',
        'logistic',
        '--l2',
        '1',
        '--out',
        d('model.json'),
    ], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const text = await readFile(d('model.json'), 'utf8');
    const frame = await loadFeatureTable(d('sim-features.csv'));
    const clean = (await loadModel(d('model.json'))).predictProba(frame);
    const path = d('edited-model.json');
    let refused = 0;
    await fc.assert(fc.asyncProperty(jsonEdit, async (edit) => {
        const edited = applyJsonEdit(text, edit);
        if (edited === null)
            return;
        await writeFile(path, edited);
        let model;
        try {
            model = await loadModel(path);
        }
        catch (err) {
            assertInputError(err, new RegExp(`^${escapeRegExp(path)}`), JSON.stringify(edit));
            refused++;
            return;
        }
        assert.deepEqual([...model.predictProba(frame)], [...clean], `${JSON.stringify(edit)}: loaded an edited model that predicts otherwise`);
    }), { numRuns: RUNS.model, seed: SEED, endOnFailure: true });
    assert.ok(refused > 0);
});
test(`scorecards: ${RUNS.scorecard} corrupted copies; loading refuses naming the file or scores as the clean card`, async () => {
    // the shipped card, signed as calibrate signs the cards it writes
    const signed = signArtifact(JSON.parse(await readFile(DEFAULT_SCORECARD_PATH, 'utf8')));
    await writeFile(d('card.json'), `${JSON.stringify(signed, null, 2)}\n`);
    const text = await readFile(d('card.json'), 'utf8');
    const frame = await loadFeatureTable(d('sim-features.csv'));
    const clean = scoreTable(await loadScorecard(d('card.json')), { ...frame, name: 'clean' }).scores.score;
    const path = d('edited-card.json');
    await fc.assert(fc.asyncProperty(jsonEdit, async (edit) => {
        const edited = applyJsonEdit(text, edit);
        if (edited === null)
            return;
        await writeFile(path, edited);
        let card;
        try {
            card = await loadScorecard(path);
        }
        catch (err) {
            assertInputError(err, new RegExp(escapeRegExp(path)), JSON.stringify(edit));
            return;
        }
        const scores = scoreTable(card, { ...frame, name: 'edited' }).scores.score;
        assert.deepEqual([...scores], [...clean], `${JSON.stringify(edit)}: loaded an edited card that scores otherwise`);
    }), { numRuns: RUNS.scorecard, seed: SEED, endOnFailure: true });
});
test(`the CLI on ${RUNS.cli} corrupted histories: exit 2, one line, no stack trace`, async () => {
    await fc.assert(fc.asyncProperty(historyEdit(), fc.constantFrom('validate', 'features'), async (edit, command) => {
        const dir = fresh();
        await writeHistory(dir, edit);
        const args = command === 'validate' ? ['validate', '--data', dir] : ['features', '--data', dir, '--out', `${dir}.csv`];
        const r = spawnSync(process.execPath, [cliPath, ...args], {
            encoding: 'utf8',
            env: { ...process.env, CHURNKIT_TODAY: '2026-01-01' },
        });
        assert.ok(r.status === 0 || r.status === 2, `${JSON.stringify(edit)} ${command}: exit ${r.status}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at |Error: /, `${JSON.stringify(edit)}: ${r.stderr}`);
        if (r.status === 2)
            assert.match(r.stderr, /^churnkit: table \w+ \(/m);
    }), { numRuns: RUNS.cli, seed: SEED, endOnFailure: true });
});
//# sourceMappingURL=fuzz.test.js.map