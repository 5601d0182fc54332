/**
 * What the repository itself promises a newcomer: it names no folder of the machine it was built
 * on (scripts find the peer scripts relative to the checkout), and the README's first page stays
 * a first page.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { repoRoot } from './support/paths.js';
/** An absolute path into a home, a build folder or a work tree: nothing a clone elsewhere has. */
const MACHINE_PATH = /(?:^|[^\w.~-])\/(?:work|home|Users|root)\/\w/;
test('no committed file names an absolute path of a build machine', () => {
    const listed = spawnSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(listed.status, 0, `git ls-files failed: ${listed.stderr}`);
    const files = listed.stdout.split('\0').filter((f) => f && !/\.(png|parquet|gz|duckdb|bin)$/.test(f));
    assert.ok(files.length > 300, `listed ${files.length} files`);
    const offenders = [];
    for (const file of files) {
        let text;
        try {
            text = readFileSync(join(repoRoot, file), 'utf8');
        }
        catch {
            continue; // deleted in the work tree but not yet committed
        }
        const lines = text.split('\n');
        lines.forEach((line, i) => {
            if (MACHINE_PATH.test(line))
                offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    assert.deepEqual(offenders, []);
    // The check itself: an absolute peers path is caught (spelled in pieces, or this line would be), a relative one not.
    const absolute = `PEERS = '${['', 'work', 'shared', 'peers'].join('/')}'`;
    assert.ok(MACHINE_PATH.test(absolute) && !MACHINE_PATH.test("PEERS = '../shared/peers'"));
});
test('the README is a first page: under 10 KB, with the two fresh-machine commands', () => {
    const readme = join(repoRoot, 'README.md');
    assert.ok(statSync(readme).size < 10_000, `README.md is ${statSync(readme).size} bytes`);
    const text = readFileSync(readme, 'utf8');
    assert.match(text, /npm ci && npm run demo/);
    assert.match(text, /^npm test\b/m);
    for (const [, link] of text.matchAll(/\]\(((?:docs\/)?[\w./-]+\.md)(?:#[\w-]*)?\)/g))
        assert.ok(statSync(join(repoRoot, link)).isFile(), `README links to ${link}, which does not exist`);
});
test('every relative link of the README, CONTRIBUTING and docs/ reaches a file', () => {
    const pages = [
        'README.md',
        'CONTRIBUTING.md',
        ...readdirSync(join(repoRoot, 'docs'))
            .filter((f) => f.endsWith('.md'))
            .map((f) => `docs/${f}`),
    ];
    const broken = [];
    for (const page of pages) {
        const text = readFileSync(join(repoRoot, page), 'utf8');
        for (const [, target] of text.matchAll(/\]\(([^)\s#:]+)(?:#[^)]*)?\)/g)) {
            if (!existsSync(join(repoRoot, dirname(page), target)))
                broken.push(`${page} -> ${target}`);
        }
    }
    assert.deepEqual(broken, []);
});
//# sourceMappingURL=repository.test.js.map