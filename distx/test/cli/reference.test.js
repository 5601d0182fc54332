import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLI_DOC, cliReference, spliceReference } from '../support/cli-reference.js';
import { COMMANDS } from '../../src/cli/registry.js';
test('docs/cli.md lists every command and flag as the commands register them', async () => {
    const doc = readFileSync(CLI_DOC, 'utf8');
    const reference = await cliReference();
    assert.equal(doc, spliceReference(doc, reference), 'docs/cli.md is out of date: run `npm run docs:cli`');
    for (const entry of COMMANDS)
        assert.match(doc, new RegExp(`### \`churnkit ${entry.name}[ \`]`), entry.name);
    // A flag every command shares, and one only `features` has, are both in the generated part.
    const tables = reference.split('\n### ').filter((section) => section.includes('| flag |'));
    assert.ok(tables.length >= COMMANDS.length, `${tables.length} commands with flags`);
    for (const section of tables)
        assert.match(section, /\| `--json` \|/, section.split('\n')[0]);
    assert.match(reference, /\| `--data-end <date>` \|/);
});
test('the reference is spliced between its markers, and a file without them is refused', () => {
    assert.throws(() => spliceReference('no markers here', 'x'), /markers of the generated reference are missing/);
});
//# sourceMappingURL=reference.test.js.map