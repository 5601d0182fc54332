import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatJson } from '../../src/util/index.js';
test('formatJson parses back to what JSON.stringify gives, for any JSON value and the odd ones', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(JSON.parse(formatJson(value)), JSON.parse(JSON.stringify(value)));
    }));
    const odd = {
        nan: Number.NaN,
        inf: [1, Number.POSITIVE_INFINITY, undefined, () => 1],
        gone: undefined,
        date: new Date(0),
        nested: [{ a: [] }, {}, [[1, 2], [3]]],
    };
    assert.deepEqual(JSON.parse(formatJson(odd)), JSON.parse(JSON.stringify(odd)));
    assert.equal(formatJson(undefined), 'null');
});
test('formatJson keeps arrays of plain values on one line and indents the rest like JSON.stringify', () => {
    const value = { trees: [{ feature: [0, -1, -1], threshold: [0.5, 0, 0] }], names: ['a', 'b'], empty: [] };
    assert.equal(formatJson(value), [
        '{',
        '  "trees": [',
        '    {',
        '      "feature": [0,-1,-1],',
        '      "threshold": [0.5,0,0]',
        '    }',
        '  ],',
        '  "names": ["a","b"],',
        '  "empty": []',
        '}',
    ].join('\n'));
    const plain = { a: { b: { c: 'd' } }, e: null, f: true };
    assert.equal(formatJson(plain), JSON.stringify(plain, null, 2));
});
//# sourceMappingURL=json.test.js.map