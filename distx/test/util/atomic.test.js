/**
 * Atomic writes, tested directly (issue 23): a producer writes only to a temporary sibling,
 * never to the final path; a failing producer leaves the old file and no temporary; a process
 * killed in the middle of writing leaves the old file or the new one, never a mix.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { exists, tempSibling, withAtomicDir, withAtomicFile, writeFileAtomic } from '../../src/util/index.js';
import { repoRoot, tempDir } from '../support/paths.js';
/** Names in a folder that are not the given ones: what a write left behind. */
async function leftovers(dir, ...expected) {
    return (await readdir(dir)).filter((n) => !expected.includes(n)).sort();
}
test('tempSibling: a hidden name next to the target, different on every call', () => {
    const a = tempSibling('/data/out/features.csv');
    const b = tempSibling('/data/out/features.csv');
    assert.equal(dirname(a), '/data/out', 'same folder, so the rename stays on one filesystem');
    assert.notEqual(a, b);
    const name = a.slice('/data/out/'.length);
    assert.ok(name.startsWith('.features.csv.'), name);
    assert.ok(name.endsWith('.tmp'), name);
    assert.ok(name.includes(`.${process.pid}.`), `${name} names the writing process`);
});
test('withAtomicFile: the producer gets a temporary sibling, the target appears only when it returns', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'nested', 'out.json');
        let seen = '';
        const result = await withAtomicFile(target, async (tmp) => {
            seen = tmp;
            assert.notEqual(tmp, target);
            assert.equal(dirname(tmp), dirname(target), 'the folder is created and the temporary sits in it');
            await writeFile(tmp, 'new');
            assert.equal(await exists(target), false, 'nothing at the target while producing');
            return 42;
        });
        assert.equal(result, 42, "the producer's result is passed through");
        assert.equal(await readFile(target, 'utf8'), 'new');
        assert.equal(await exists(seen), false, 'the temporary was renamed, not copied');
        assert.deepEqual(await leftovers(dirname(target), 'out.json'), []);
    }
    finally {
        await cleanup();
    }
});
test('withAtomicFile: while producing, readers still see the old file', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'out.csv');
        await writeFile(target, 'old');
        await withAtomicFile(target, async (tmp) => {
            await writeFile(tmp, 'half');
            assert.equal(await readFile(target, 'utf8'), 'old');
            await writeFile(tmp, 'new', { flag: 'a' });
        });
        assert.equal(await readFile(target, 'utf8'), 'halfnew');
    }
    finally {
        await cleanup();
    }
});
test('withAtomicFile: a failing producer leaves the old file and no temporary, and its error goes on', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'out.csv');
        await writeFile(target, 'old');
        let tmpPath = '';
        const failure = new Error('disk on fire');
        await assert.rejects(withAtomicFile(target, async (tmp) => {
            tmpPath = tmp;
            await writeFile(tmp, 'partial');
            throw failure;
        }), (e) => e === failure);
        assert.equal(await readFile(target, 'utf8'), 'old');
        assert.equal(await exists(tmpPath), false);
        assert.deepEqual(await leftovers(dir, 'out.csv'), []);
        // A producer that made a folder at its temporary path (DuckDB's partitioned COPY does) fails too.
        await assert.rejects(withAtomicFile(target, async (tmp) => {
            await mkdir(join(tmp, 'part=1'), { recursive: true });
            await writeFile(join(tmp, 'part=1', 'data'), 'x');
            throw new Error('late failure');
        }), /late failure/);
        assert.deepEqual(await leftovers(dir, 'out.csv'), []);
        // A producer that fails before writing anything: its own error, not one about the missing
        // temporary, and no file afterwards.
        await assert.rejects(withAtomicFile(join(dir, 'fresh.csv'), async () => {
            throw new Error('nope');
        }), /^Error: nope$/);
        assert.equal(await exists(join(dir, 'fresh.csv')), false);
    }
    finally {
        await cleanup();
    }
});
test('writeFileAtomic: replaces the whole file, text or bytes, and leaves nothing else', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'a', 'b', 'model.json');
        await writeFileAtomic(target, 'first version, longer than the second');
        await writeFileAtomic(target, 'second');
        assert.equal(await readFile(target, 'utf8'), 'second');
        await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
        assert.deepEqual([...(await readFile(target))], [1, 2, 3]);
        assert.deepEqual(await leftovers(dirname(target), 'model.json'), []);
    }
    finally {
        await cleanup();
    }
});
test('withAtomicDir: builds in a temporary sibling, swaps in the complete folder, keeps the old one on failure', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const out = join(dir, 'export');
        await withAtomicDir(out, async (tmp) => {
            assert.notEqual(tmp, out);
            assert.equal(dirname(tmp), dir);
            assert.ok((await stat(tmp)).isDirectory(), 'the temporary folder exists before the producer runs');
            await writeFile(join(tmp, 'model.json'), 'v1');
            await writeFile(join(tmp, 'weights.bin'), 'w1');
            assert.equal(await exists(out), false);
        });
        assert.deepEqual((await readdir(out)).sort(), ['model.json', 'weights.bin']);
        // A second build replaces the folder whole: a file only the old one had is gone.
        const result = await withAtomicDir(out, async (tmp) => {
            await writeFile(join(tmp, 'model.json'), 'v2');
            assert.equal(await readFile(join(out, 'model.json'), 'utf8'), 'v1', 'the old folder is intact meanwhile');
            return 'done';
        });
        assert.equal(result, 'done');
        assert.deepEqual(await readdir(out), ['model.json']);
        assert.equal(await readFile(join(out, 'model.json'), 'utf8'), 'v2');
        assert.deepEqual(await leftovers(dir, 'export'), [], 'neither the old folder nor the temporary is left');
        await assert.rejects(withAtomicDir(out, async (tmp) => {
            await writeFile(join(tmp, 'model.json'), 'v3');
            throw new Error('export failed');
        }), /export failed/);
        assert.equal(await readFile(join(out, 'model.json'), 'utf8'), 'v2');
        assert.deepEqual(await leftovers(dir, 'export'), []);
        // A producer that removed its own folder before failing: still its error that is reported.
        await assert.rejects(withAtomicDir(out, async (tmp) => {
            await rm(tmp, { recursive: true });
            throw new Error('gave up');
        }), /^Error: gave up$/);
        assert.equal(await readFile(join(out, 'model.json'), 'utf8'), 'v2');
    }
    finally {
        await cleanup();
    }
});
test('exists: true for files and folders, false for a missing path', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        await writeFile(join(dir, 'f'), '');
        assert.equal(await exists(join(dir, 'f')), true);
        assert.equal(await exists(dir), true);
        assert.equal(await exists(join(dir, 'missing')), false);
    }
    finally {
        await cleanup();
    }
});
test('writeFileAtomic swaps the directory entry: a hard link to the old file keeps the old bytes', async () => {
    // Writing in place would change the bytes every link to the file sees; a rename of a new file
    // over the name leaves the old inode, and so the link, untouched.
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'scorecard.json');
        const alias = join(dir, 'previous.json');
        await writeFile(target, 'old');
        await link(target, alias);
        await writeFileAtomic(target, 'new');
        assert.equal(await readFile(target, 'utf8'), 'new');
        assert.equal(await readFile(alias, 'utf8'), 'old');
        await withAtomicFile(target, (tmp) => writeFile(tmp, 'newer'));
        assert.equal(await readFile(target, 'utf8'), 'newer');
        assert.equal(await readFile(alias, 'utf8'), 'old');
    }
    finally {
        await cleanup();
    }
});
/**
 * A child process rewrites one file over and over through withAtomicFile, alternating two
 * contents of 4 MiB that it writes in 64 KiB pieces (as a streaming CSV writer or a DuckDB COPY
 * does), and is killed with SIGKILL at moments spread over its run. Whatever the moment, the
 * file must be one of the two contents whole.
 */
test('a process killed mid-write leaves the old file or the new one, never a mix', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const target = join(dir, 'scores.csv');
        const pieces = 64;
        const size = pieces * 65536;
        const atomic = join(repoRoot, 'dist', 'src', 'util', 'atomic.js');
        const script = `
      import { open } from 'node:fs/promises';
      import { withAtomicFile } from ${JSON.stringify(atomic)};
      const pieceOf = (c) => Buffer.alloc(65536, c);
      const write = (c) => withAtomicFile(${JSON.stringify(target)}, async (tmp) => {
        const f = await open(tmp, 'w');
        try { for (let i = 0; i < ${pieces}; i++) await f.write(pieceOf(c)); } finally { await f.close(); }
      });
      await write('a');
      process.stdout.write('ready' + String.fromCharCode(10));
      for (let i = 1; ; i++) await write(i % 2 ? 'b' : 'a');
    `;
        for (const delay of [0, 5, 15, 40]) {
            const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
                stdio: ['ignore', 'pipe', 'inherit'],
            });
            await new Promise((resolve, reject) => {
                child.once('error', reject);
                child.once('exit', (code) => reject(new Error(`the writer exited with ${code} before it was ready`)));
                child.stdout.once('data', () => resolve());
            });
            await new Promise((r) => setTimeout(r, delay));
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGKILL');
            await exited;
            const content = await readFile(target, 'latin1');
            assert.equal(content.length, size, `killed after ${delay} ms: the file has ${content.length} bytes`);
            assert.ok(content === 'a'.repeat(size) || content === 'b'.repeat(size), `killed after ${delay} ms: mixed content`);
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=atomic.test.js.map