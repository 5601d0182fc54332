/**
 * `churnkit score` checks a scorecard's shape with the validator generated at build time from
 * models/scorecard.schema.json (dist/src/scorecard/shape-check.js) instead of the zod schema. It
 * must accept exactly what zod accepts, and a card it refuses must fail with zod's own words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { validate as hasScorecardShape } from '../../src/scorecard/shape-check.js';
import { ScorecardSchema } from '../../src/scorecard/schema.js';
import { loadScorecard, parseScorecard } from '../../src/scorecard/index.js';
import { loadScorecardToScore } from '../../src/scorecard/light/index.js';
import { Rng } from '../../src/util/rng.js';
import { repoRoot, tempDir } from '../support/paths.js';
import { defaultCardJson } from './helpers.js';
import { randomCard, withRandomSegmentWeights } from './random-cards.js';
const shipped = [
    'default',
    'transactions',
    ...readdirSync(join(repoRoot, 'models', 'presets')).map((f) => `preset:${f.replace(/\.json$/, '')}`),
];
test('the shipped cards load the same through the generated check as through zod', async () => {
    for (const ref of shipped)
        assert.deepEqual(await loadScorecardToScore(ref), await loadScorecard(ref), ref);
});
/** Every place in a JSON value: the path of keys and indexes to it. */
function places(value, path = []) {
    const here = [path];
    if (Array.isArray(value))
        return here.concat(value.flatMap((v, i) => places(v, [...path, i])));
    if (value !== null && typeof value === 'object')
        return here.concat(Object.entries(value).flatMap(([k, v]) => places(v, [...path, k])));
    return here;
}
/** The card with one edit at its at-th place (modulo the number of places); a deep copy. */
function edited(card, edit) {
    const copy = structuredClone(card);
    const all = places(copy);
    const path = all[edit.at % all.length];
    if (path.length === 0)
        return edit.kind === 'replace' ? edit.value : copy;
    let parent = copy;
    for (const key of path.slice(0, -1))
        parent = parent[key];
    const last = path.at(-1);
    if (edit.kind === 'replace')
        parent[last] = edit.value;
    else if (edit.kind === 'delete') {
        if (Array.isArray(parent))
            parent.splice(Number(last), 1);
        else
            delete parent[last];
    }
    else {
        const target = parent[last];
        if (Array.isArray(target))
            target.push(edit.value);
        else if (target !== null && typeof target === 'object')
            target[edit.key] = edit.value;
        else
            parent[last] = edit.value;
    }
    return copy;
}
// Values a hand edit or a bad writer puts in a card: near-misses of the real ones included.
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0, 0.5, 1, 1.5, 100, 101, 2 ** 53, 2.5, -0.0, '', 'x', 'usage', 'Bad-Name', 'a b', '1a', true), fc.constantFrom('redistribute', 'points', 'isotonic', 'none', 'set', 'cap', 'flag', 'higher_is_safer', '<', 'is_null'), fc.constantFrom([], [1], [0.1, 0.9], [1, 2, 3], {}, { op: '<', signal: 'x', value: 1 }, { all: [] }, null));
const key = fc.constantFrom('extra', 'gt', 'lte', 'value', 'flag', 'points', 'weight', 'signal', 'all', 'rows', '');
const edit = fc.oneof(fc.record({ kind: fc.constant('replace'), at: fc.nat(), value }), fc.record({ kind: fc.constant('delete'), at: fc.nat() }), fc.record({ kind: fc.constant('add'), at: fc.nat(), key, value }));
test('the generated check and zod agree on edited cards (2,000 single and double edits)', () => {
    const rng = new Rng(18);
    const bases = [
        defaultCardJson(),
        ...Array.from({ length: 4 }, () => JSON.parse(JSON.stringify(withRandomSegmentWeights(rng, randomCard(rng))))),
    ];
    fc.assert(fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 2 }), (b, edits) => {
        const card = edits.reduce((c, e) => edited(c, e), bases[b]);
        assert.equal(hasScorecardShape(card), ScorecardSchema.safeParse(card).success, JSON.stringify(edits));
    }), { numRuns: 2000, seed: 18, endOnFailure: true });
});
test("a card the generated check refuses fails as loadScorecard fails: the file, the field and zod's words", async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const breaks = [
            (c) => (c.layers[1].signals[0].weight = 'heavy'),
            (c) => (c.layers[1].signals[0].weight = -0.1),
            (c) => (c.layers[0].signals[0].points[0].extra = 1),
            (c) => (c.overrides[0].when = { signal: 'zero_usage_14d', op: '~', value: true }),
            (c) => (c.kind = 'churnkit.model'),
            (c) => (c.version = 2),
            (c) => delete c.bands,
            // shape right, rules wrong: the semantic check, with the file named as well
            (c) => (c.layers[0].weight = 0.5),
            (c) => (c.bands.yellow = 90),
        ];
        for (const [k, breakIt] of breaks.entries()) {
            const card = defaultCardJson();
            delete card['checksum'];
            breakIt(card);
            const path = join(dir, `bad-${k}.json`);
            await writeFile(path, JSON.stringify(card));
            const expected = await loadScorecard(path).then(() => assert.fail(`break ${k}: loadScorecard accepted it`), (err) => err);
            assert.equal(expected.exitCode, 2);
            assert.ok(expected.message.startsWith(`${path}: scorecard `), expected.message);
            await assert.rejects(loadScorecardToScore(path), (err) => {
                assert.equal(err.message, expected.message);
                assert.equal(err.exitCode, 2);
                return true;
            });
        }
        // parseScorecard (zod) keeps its own behaviour for the other callers
        assert.throws(() => parseScorecard({ kind: 'churnkit.scorecard', version: 1 }), /scorecard layers: /);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=shape-check.test.js.map