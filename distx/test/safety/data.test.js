/**
 * Never take bad data for good (issue 21): each case a careless or hostile user tried, through
 * the compiled CLI and the HTTP service, on a small simulated history. What validate rejects no
 * command accepts; what a command cannot read fails with exit 2 naming the file, row and column.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile, cp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openDuckDB } from '../../src/data/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { post, startService } from '../serve/support.js';
let work;
const d = (...names) => join(work.dir, ...names);
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CHURNKIT_TODAY: '2026-01-01' },
});
const ok = (r) => assert.equal(r.status, 0, r.stderr);
let clean;
/** A copy of the clean CSV history, with `edit` applied to some of its files. */
async function variant(name, edit) {
    const dir = d(name);
    await cp(d('history'), dir, { recursive: true });
    await edit(dir);
    return dir;
}
/** Replaces the value of `column` on data row `row` (1-based) of a CSV file. */
async function setCell(file, row, column, value) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const j = lines[0].split(',').indexOf(column);
    const cells = lines[row].split(',');
    cells[j] = value;
    lines[row] = cells.join(',');
    await writeFile(file, lines.join('\n'));
}
/** validate fails with exit 2 and `pattern`; features fails with exit 2 naming the same row. */
function assertBothRefuse(dir, pattern) {
    const v = churnkit('validate', '--data', dir);
    assert.equal(v.status, 2, v.stdout);
    assert.match(v.stdout, pattern);
    const f = churnkit('features', '--data', dir, '--out', join(dir, '..', `${dir.split('/').at(-1)}-f.parquet`));
    assert.equal(f.status, 2, f.stderr);
    assert.match(f.stderr, pattern);
    assert.doesNotMatch(f.stderr, /\n\s+at /, 'no stack trace');
}
before(async () => {
    work = await tempDir('churnkit-data-safety-');
    await simulate({ accounts: 60, months: 10, seed: 3, format: 'csv', out: d('history') });
    const f = churnkit('features', '--data', d('history'), '--out', d('features.csv'), '--json');
    ok(f);
    clean = JSON.parse(f.stdout);
});
after(() => work.cleanup());
test('a gzip cut short, without its trailer, with a wrong CRC or not gzip at all: exit 2 naming the file', async () => {
    const raw = await readFile(d('history', 'usage.csv'));
    const whole = gzipSync(raw);
    const cases = [
        ['cut', whole.subarray(0, Math.floor(whole.length / 2)), /cut short/],
        ['no-trailer', whole.subarray(0, whole.length - 8), /cut short/],
        [
            'bad-crc',
            Buffer.concat([whole.subarray(0, whole.length - 8), Buffer.from([0, 0, 0, 0]), whole.subarray(-4)]),
            /CRC-32/,
        ],
        ['not-gzip', Buffer.from('this is not compressed'), /not gzip data/],
    ];
    for (const [name, bytes, why] of cases) {
        const dir = await variant(`gz-${name}`, async (dir) => {
            await rm(join(dir, 'usage.csv'));
            await writeFile(join(dir, 'usage.csv.gz'), bytes);
        });
        assertBothRefuse(dir, new RegExp(`table usage \\(usage\\.csv\\.gz\\): cannot read the file: .*${why.source}`));
    }
    const good = await variant('gz-good', async (dir) => {
        await rm(join(dir, 'usage.csv'));
        await writeFile(join(dir, 'usage.csv.gz'), whole);
    });
    ok(churnkit('validate', '--data', good));
});
test('NaN, Infinity and 1e400 quantities fail validate and features alike, with the row', async () => {
    for (const bad of ['NaN', 'Infinity', '1e400', '-inf']) {
        const dir = await variant(`quantity-${bad}`, (dir) => setCell(join(dir, 'usage.csv'), 7, 'quantity', bad));
        assertBothRefuse(dir, /table usage \(usage\.csv\), row 7, .*column quantity: not a number/);
    }
});
test('negative seats, negative annual_value and NPS 11 fail validate and features alike', async () => {
    const cases = [
        ['accounts.csv', 'seats', '-3', /table accounts \(accounts\.csv\), row 2, .*column seats: out of range/],
        ['contracts.csv', 'annual_value', '-100', /table contracts \(contracts\.csv\), row 2, .*column annual_value/],
        [
            'nps.csv',
            'score',
            '11',
            /table nps \(nps\.csv\), row 2, .*column score: out of range \(must be between 0 and 10\)/,
        ],
    ];
    for (const [file, column, value, pattern] of cases) {
        const dir = await variant(`range-${column}`, (dir) => setCell(join(dir, file), 2, column, value));
        assertBothRefuse(dir, pattern);
    }
    // the same rule on a typed source: Parquet
    const pq = await variant('range-parquet', async (dir) => {
        const db = await openDuckDB();
        try {
            const src = join(dir, 'accounts.csv').replaceAll("'", "''");
            const out = join(dir, 'accounts.parquet').replaceAll("'", "''");
            await db.connection.run(`COPY (SELECT * REPLACE (CASE WHEN account_id = 'A00003' THEN -5 ELSE seats END AS seats) FROM read_csv('${src}', header = true)) TO '${out}' (FORMAT parquet)`);
        }
        finally {
            db.close();
        }
        await rm(join(dir, 'accounts.csv'));
    });
    assertBothRefuse(pq, /table accounts \(accounts\.parquet\), row 4, .*column seats: out of range/);
});
test('one usage row dated 2030 is a warning, and never moves data_end or adds snapshots', async () => {
    const dir = await variant('year-2030', async (dir) => {
        const usage = join(dir, 'usage.csv');
        const text = await readFile(usage, 'utf8');
        const first = text.split('\n')[1].split(',');
        first[1] = '2030-01-05 10:00:00';
        await writeFile(usage, `${text}${first.join(',')}\n`);
    });
    const v = churnkit('validate', '--data', dir, '--json');
    ok(v);
    const report = JSON.parse(v.stdout);
    const impossible = report.issues.find((i) => i.code === 'impossible_date');
    assert.equal(impossible.table, 'usage');
    assert.equal(impossible.count, 1);
    assert.equal(impossible.examples[0].value, '2030-01-05 10:00:00');
    assert.equal(report.dataEnd.slice(0, 10), clean.data_end);
    const f = churnkit('features', '--data', dir, '--out', d('year-2030.csv'), '--json');
    ok(f);
    assert.match(f.stderr, /warning: usage: 1 row dated after .* left out of data_end/);
    const summary = JSON.parse(f.stdout);
    assert.equal(summary.data_end, clean.data_end);
    assert.equal(summary.rows, clean.rows);
    assert.equal(await readFile(d('year-2030.csv'), 'utf8'), await readFile(d('features.csv'), 'utf8'));
    // in the future of the run: a run dated inside the history says so
    const past = spawnSync(process.execPath, [cliPath, 'validate', '--data', d('history')], {
        encoding: 'utf8',
        env: { ...process.env, CHURNKIT_TODAY: '2023-10-15' },
    });
    assert.match(past.stdout, /column occurred_at: a date that cannot be right: after 2023-10-15 \(the run date, 2023-10-15\)/);
    // and after the export's own end
    const end = churnkit('validate', '--data', d('history'), '--data-end', '2023-08-15');
    assert.match(end.stdout, /a date that cannot be right: after 2023-08-15 \(--data-end 2023-08-15\)/);
});
test('a folder named tickets.csv is an error, not an absent table', async () => {
    const dir = await variant('folder-table', async (dir) => {
        await rm(join(dir, 'tickets.csv'));
        await mkdir(join(dir, 'tickets.csv'));
    });
    assertBothRefuse(dir, /table tickets \(tickets\.csv\): tickets\.csv is a folder, not a file/);
});
test('a mapping file names no file outside the data folder, and messages show only an excerpt', async () => {
    const dir = await variant('outside', async (dir) => {
        await writeFile(join(dir, 'churnkit.config.json'), JSON.stringify({ tables: { tickets: { file: '/etc/passwd', format: 'csv' } } }));
    });
    assertBothRefuse(dir, /tables\.tickets\.file is outside the data folder.*--allow-outside-data/);
    const v = churnkit('validate', '--data', dir, '--allow-outside-data');
    assert.equal(v.status, 2);
    assert.doesNotMatch(v.stdout, /daemon:|\/usr\/sbin\/nologin.*\/usr\/sbin\/nologin/, 'no second line of the file');
    // a long bad value is cut to an excerpt
    const long = await variant('long-value', (dir) => setCell(join(dir, 'nps.csv'), 1, 'score', 'x'.repeat(5000)));
    const r = churnkit('validate', '--data', long);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /"x{60}…"/);
    assert.ok(r.stdout.length < 4000, 'the report does not echo the value');
});
test('predict, score and train refuse Infinity in a feature alike; every family refuses one class; an empty table is named', async () => {
    ok(churnkit('train', '--features', d('features.csv'), '--model', 'logistic', '--out', d('model.json'), '--l2', '1'));
    const text = await readFile(d('features.csv'), 'utf8');
    const lines = text.split('\n');
    const header = lines[0].split(',');
    const withCell = (row, column, value) => {
        const out = [...lines];
        const cells = out[row].split(',');
        cells[header.indexOf(column)] = value;
        out[row] = cells.join(',');
        return out.join('\n');
    };
    await writeFile(d('inf.csv'), withCell(3, 'usage_trend_14d', 'Infinity'));
    for (const args of [
        ['predict', '--model', d('model.json'), '--features', d('inf.csv'), '--out', d('p.csv')],
        ['score', '--scorecard', 'default', '--features', d('inf.csv'), '--out', d('s.csv')],
        ['train', '--features', d('inf.csv'), '--model', 'gbdt', '--out', d('m2.json')],
        ['calibrate', '--features', d('inf.csv'), '--out', d('c.json')],
        ['backtest', '--features', d('inf.csv'), '--models', 'scorecard:default', '--out', d('bt')],
    ]) {
        const r = churnkit(...args);
        assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
        assert.match(r.stderr, /inf\.csv, row 3, column usage_trend_14d: Infinity is not a finite number/, args[0]);
    }
    await writeFile(d('range.csv'), withCell(3, 'usage_trend_14d', '7'));
    const r = churnkit('predict', '--model', d('model.json'), '--features', d('range.csv'), '--out', d('p.csv'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /row 3, column usage_trend_14d: 7 is not a finite number from -1 to 3/);
    const label = header.indexOf('churned_within_90d');
    const oneClass = lines
        .map((l, k) => {
        if (k === 0 || l === '')
            return l;
        const cells = l.split(',');
        if (cells[label] !== '')
            cells[label] = '0';
        return cells.join(',');
    })
        .join('\n');
    await writeFile(d('one-class.csv'), oneClass);
    for (const family of ['logistic', 'gbdt', 'mlp']) {
        const t = churnkit('train', '--features', d('one-class.csv'), '--model', family, '--out', d(`${family}-1.json`));
        assert.equal(t.status, 2, `${family}: ${t.stderr}`);
        assert.match(t.stderr, /all have churned_within_90d = 0; a model needs both classes/, family);
    }
    const cal = churnkit('calibrate', '--features', d('one-class.csv'), '--out', d('c1.json'));
    assert.equal(cal.status, 2, cal.stderr);
    await writeFile(d('empty.csv'), `${lines[0]}\n`);
    for (const args of [
        ['train', '--features', d('empty.csv'), '--model', 'gbdt', '--out', d('e.json')],
        ['predict', '--model', d('model.json'), '--features', d('empty.csv'), '--out', d('e.csv')],
        ['score', '--scorecard', 'default', '--features', d('empty.csv'), '--out', d('e.csv')],
        ['calibrate', '--features', d('empty.csv'), '--out', d('e.json')],
        ['backtest', '--features', d('empty.csv'), '--models', 'scorecard:default', '--out', d('e')],
    ]) {
        const e = churnkit(...args);
        assert.equal(e.status, 2, `${args[0]}: ${e.stderr}`);
        assert.match(e.stderr, /empty\.csv: the table has no rows/, args[0]);
    }
    await writeFile(d('zero.csv'), '');
    const z = churnkit('predict', '--model', d('model.json'), '--features', d('zero.csv'), '--out', d('e.csv'));
    assert.equal(z.status, 2);
    assert.match(z.stderr, /zero\.csv: the file is empty \(0 bytes\)/);
});
test('the HTTP routes apply the same value rules: 1e400 and a usage trend of 7 are a 400 naming the field', async () => {
    const svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
    try {
        const inf = await post(svc.base, '/v1/score', '{"account_id": "A1", "usage_trend_14d": 1e400}');
        assert.equal(inf.status, 400, inf.text);
        assert.match(inf.text, /usage_trend_14d/);
        const range = await post(svc.base, '/v1/score', { account_id: 'A1', usage_trend_14d: 7 });
        assert.equal(range.status, 400, range.text);
        assert.match(range.text, /usage_trend_14d/);
        const fine = await post(svc.base, '/v1/score', { account_id: 'A1', usage_trend_14d: 2.5, nps_trend: 11 });
        assert.equal(fine.status, 200, fine.text);
    }
    finally {
        await svc.close();
    }
});
test('a closed stdout (| head -1) ends the command quietly', async () => {
    const child = spawn(process.execPath, [cliPath, 'export-sql', '--scorecard', 'default', '--dialect', 'duckdb'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((r) => child.once('close', r));
    assert.equal(code, 0);
    assert.equal(stderr, '');
});
//# sourceMappingURL=data.test.js.map