/**
 * Year-over-year usage trends (`features --seasonal`, issue 22) pinned at their edges on a
 * hand-made history, values worked out by hand below.
 *
 * T = 2024-07-01. 2024 is a leap year, so 2023-07-01 -> 2024-07-01 is 366 days and
 *   T-365 = 2023-07-02, T-366 = 2023-07-01;
 *   14-day windows a year earlier: last [T-379, T-365) = [2023-06-18, 2023-07-02),
 *     prior [T-393, T-379) = [2023-06-04, 2023-06-18); T-380 = 2023-06-17, T-394 = 2023-06-03;
 *   30-day windows a year earlier: last [T-395, T-365) = [2023-06-02, 2023-07-02),
 *     prior [T-425, T-395) = [2023-05-03, 2023-06-02); T-396 = 2023-06-01, T-426 = 2023-05-02.
 * La, Pa are the segment's (its accounts' counts added up); each test account below has a segment of
 * its own unless it shares one on purpose. "A year of data": the first usage day of the data on
 * or before T-393 (14-day trends) or T-425 (breadth).
 *
 *   <f>_yoy = rel_change(L, P * La / Pa) with a year of data and La, Pa > 0, else rel_change(L, P).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadFrame } from '../../src/data/frame.js';
import { openHistory } from '../../src/data/index.js';
import { queryRows } from '../../src/data/duckdb.js';
import { buildFeatures } from '../../src/features/index.js';
import { cliPath, repoRoot, tempDir } from '../support/paths.js';
const T = '2024-07-01';
/** Reach of the 14-day year-over-year windows is 2023-04-04 here: before the first usage day. */
const EARLY = '2024-05-01';
/** Account Y's non-login usage: timestamp, quantity, and where it falls at T. */
const Y_USAGE = [
    ['2024-07-02T00:00:00', 3000], // after T
    ['2024-07-01T00:00:00', 2000], // at T: invisible
    ['2024-06-30T12:00:00', 6], // T-1: L
    ['2024-06-16T12:00:00', 12], // T-15: P
    ['2023-07-02T00:00:00', 1000], // exactly T-365: outside La (its counterpart would be T itself)
    ['2023-07-01T23:59:59', 2], // T-366: La
    ['2023-06-18T00:00:00', 4], // T-379, La's lower bound: La
    ['2023-06-17T23:59:59', 8], // T-380: Pa
    ['2023-06-04T00:00:00', 16], // T-393, Pa's lower bound: Pa
    ['2023-06-03T23:59:59', 32], // T-394: before both
];
// L = 6, P = 12, La = 2 + 4 = 6, Pa = 8 + 16 = 24: P * La / Pa = 3, rel_change(6, 3) = 1.
// Counting T-365 gives La = 1006; counting T-394 gives Pa = 56; either moves the value.
const Y_YOY = 1;
const Y_PLAIN = 6 / 12 - 1;
/** Y's logins: L = 3 (T-1), P = 3 (T-20), La = 5 (T-370 = 2023-06-27), Pa = 10 (T-385 = 2023-06-12). */
const Y_LOGINS = [
    ['2024-06-30T08:00:00', 3],
    ['2024-06-11T08:00:00', 3],
    ['2023-06-27T08:00:00', 5],
    ['2023-06-12T08:00:00', 10],
];
// P * La / Pa = 1.5: rel_change(3, 1.5) = 1; the plain change is 0.
const csv = (header, rows) => `${header}\n${rows.join('\n')}\n`;
async function writeHistory(dir, extra = { accounts: [], usage: [] }) {
    const accounts = [
        ...extra.accounts,
        'Y,y,2023-01-01,,10',
        'Y_YOUNG,y,2024-03-01,,10', // a young account of Y's segment: Y's year-ago weeks are its profile
        'N,,2023-01-01,,10', // no segment: the accounts without one form theirs
        'B,b,2023-01-01,,10',
        'Z,z,2023-01-01,,10', // no usage in its segment a year earlier: La = Pa = 0, the plain trend
    ];
    const usage = [
        ...extra.usage,
        ...Y_USAGE.map(([at, q]) => `Y,${at},,report,${q}`),
        ...Y_LOGINS.map(([at, q]) => `Y,${at},,login,${q}`),
        ...Y_USAGE.map(([at, q]) => `N,${at},,report,${q}`),
        'Y_YOUNG,2024-06-30T10:00:00,,report,5', // L = 5
        'Y_YOUNG,2024-06-16T10:00:00,,report,10', // P = 10
        // B: distinct feature events, 30-day windows
        'B,2024-06-29T10:00:00,,a,1', // T-2: last
        'B,2024-06-29T10:00:00,,b,1',
        'B,2024-05-22T10:00:00,,a,1', // T-40: prior
        'B,2023-07-02T00:00:00,,x,1', // exactly T-365: outside
        'B,2023-07-01T10:00:00,,a,1', // T-366: La
        'B,2023-06-02T00:00:00,,b,1', // T-395, La's lower bound: La
        'B,2023-06-01T23:59:59,,a,1', // T-396: Pa
        'B,2023-06-01T10:00:00,,c,1',
        'B,2023-05-03T00:00:00,,d,1', // T-425, Pa's lower bound: Pa
        'B,2023-05-02T23:59:59,,e,1', // T-426: before both (also the first usage day of the data)
        'Z,2024-06-30T10:00:00,,report,5',
        'Z,2024-06-10T10:00:00,,report,10',
    ];
    await writeFile(join(dir, 'accounts.csv'), csv('account_id,segment,started_at,churned_at,seats', accounts));
    await writeFile(join(dir, 'usage.csv'), csv('account_id,occurred_at,user_id,event,quantity', usage));
}
let cleanup;
let dir;
let history;
let rows;
const at = (account, asOf = T) => {
    const r = rows.get(`${account}@${asOf}`);
    assert.ok(r, `no row for ${account} at ${asOf}`);
    return r;
};
const close = (actual, expected, what) => assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-12, `${what}: ${String(actual)}, expected ${expected}`);
before(async () => {
    const t = await tempDir('churnkit-seasonal-');
    cleanup = t.cleanup;
    dir = t.dir;
    await writeHistory(dir);
    history = await openHistory(dir);
    const built = await buildFeatures(history, {
        asOf: [EARLY, T],
        dataEnd: '2024-09-29',
        seasonal: ['usage_trend_14d', 'login_frequency_change_14d', 'feature_adoption_breadth_change_30d'],
    });
    assert.deepEqual(built.columns.slice(-4), [
        'churned_within_90d',
        'usage_trend_14d_yoy',
        'login_frequency_change_14d_yoy',
        'feature_adoption_breadth_change_30d_yoy',
    ]);
    const all = await queryRows(history.connection, `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${built.relation}"`);
    rows = new Map(all.map((r) => [`${r['account_id']}@${r['as_of']}`, r]));
});
after(async () => {
    history?.close();
    await cleanup?.();
});
test('usage_trend_14d_yoy: the same 14-day windows 365 days earlier, each edge on, inside and outside', () => {
    close(at('Y')['usage_trend_14d'], Y_PLAIN, 'plain');
    close(at('Y')['usage_trend_14d_yoy'], Y_YOY, 'year over year');
});
test('login_frequency_change_14d_yoy: the same over login quantities', () => {
    close(at('Y')['login_frequency_change_14d'], 0, 'plain');
    close(at('Y')['login_frequency_change_14d_yoy'], 1, 'year over year');
});
test('feature_adoption_breadth_change_30d_yoy: distinct feature events in the 30-day windows a year earlier', () => {
    // L = 2 (a, b), P = 1 (a); La = 2 (a, b; x on T-365 is out), Pa = 3 (a, c, d; e on T-426 is out)
    close(at('B')['feature_adoption_breadth_change_30d'], 1, 'plain');
    close(at('B')['feature_adoption_breadth_change_30d_yoy'], 2 / (2 / 3) - 1, 'year over year');
});
test("an account is read against its segment's year: a young account too, and accounts without a segment", () => {
    // Y's segment a year earlier is Y alone (Y_YOUNG had no usage then): La / Pa = 6 / 24
    close(at('Y_YOUNG')['usage_trend_14d'], 5 / 10 - 1, 'plain');
    close(at('Y_YOUNG')['usage_trend_14d_yoy'], 5 / (10 * (6 / 24)) - 1, 'year over year');
    close(at('N')['usage_trend_14d_yoy'], Y_YOY, 'no segment');
});
test('without a year of data the column is the plain trend: nothing in the segment a year ago, data too short', () => {
    close(at('Z')['usage_trend_14d_yoy'], at('Z')['usage_trend_14d'], 'nothing a year earlier');
    // at 2024-05-01 the accounts are old enough, but usage data starts 2023-05-02, after the reach 2023-04-04
    for (const a of ['Y', 'B'])
        for (const f of ['usage_trend_14d', 'login_frequency_change_14d', 'feature_adoption_breadth_change_30d'])
            assert.equal(at(a, EARLY)[`${f}_yoy`], at(a, EARLY)[f], `${a} ${f} at ${EARLY}`);
});
test('point in time: rows at or after T, and accounts that start after T, change no _yoy value at T', async () => {
    const later = join(dir, 'later');
    await mkdir(later);
    await writeHistory(later, {
        accounts: ['Y_NEW,y,2024-07-02,,10'],
        usage: [
            'Y_NEW,2024-07-03T10:00:00,,report,500',
            'Y,2024-07-01T00:00:00,,login,99',
            'Y_YOUNG,2024-07-10T00:00:00,,report,77',
            'B,2024-07-01T00:00:00,,zz,1',
            'Z,2024-08-01T00:00:00,,report,40',
        ],
    });
    const h = await openHistory(later);
    try {
        const b = await buildFeatures(h, {
            asOf: [EARLY, T],
            dataEnd: '2024-09-29',
            seasonal: ['usage_trend_14d', 'login_frequency_change_14d', 'feature_adoption_breadth_change_30d'],
        });
        const again = await queryRows(h.connection, `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${b.relation}" WHERE as_of = DATE '${T}'`);
        assert.equal(again.length, rows.size / 2);
        for (const r of again) {
            const before = at(r['account_id']);
            for (const c of [
                'usage_trend_14d_yoy',
                'login_frequency_change_14d_yoy',
                'feature_adoption_breadth_change_30d_yoy',
            ])
                assert.equal(r[c], before[c], `${r['account_id']} ${c}`);
        }
    }
    finally {
        h.close();
    }
});
test('CLI: --seasonal adds the columns to the file; an unknown feature is a usage error', async () => {
    const out = join(dir, 'features.csv');
    const cli = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
    let r = cli('features', '--data', dir, '--out', out, '--data-end', '2024-09-29', '--seasonal', 'usage_trend_14d');
    assert.equal(r.status, 0, r.stderr);
    const frame = await loadFrame(out);
    assert.equal(frame.names.at(-1), 'usage_trend_14d_yoy');
    assert.equal(frame.names.includes('login_frequency_change_14d_yoy'), false);
    r = cli('features', '--data', dir, '--out', join(dir, 'x.csv'), '--seasonal', 'nps_trend');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--seasonal: "nps_trend" has no year-over-year form/);
});
test('a year of data: the first usage day on the reach T-393 counts (on, a day inside), a day after it does not', async () => {
    // One account S, alone in its segment; its usage is the data's first day F = 2023-08-05 on.
    // As-of dates 2024-08-31, 2024-09-01, 2024-09-02: F is T-392, T-393 (exactly the reach) and
    // T-394. 2023-09-01 -> 2024-09-01 is 366 days (leap year), so 2024-09-01 - 365 = 2023-09-02.
    //   a year earlier: 1 a day on 2023-08-05..08-18 (F..F+13), 3 a day on 2023-08-19..09-02 (F+14..F+28)
    //   this year: 1 a day on 2024-08-03..09-01, so L = P = 14 at each date and the plain trend is 0
    // At 2024-08-31 (La = 08-18..08-31 = 1 + 13 x 3 = 40, Pa = 08-04..08-17 = 13: no usage on 08-04):
    //   the data does not reach T-393 = 08-04: the plain trend 0 (rel_change(14, 14 x 40 / 13) = -27/40 would be wrong).
    // At 2024-09-01 (La = 08-19..09-01 = 42, Pa = 08-05..08-18 = 14): rel_change(14, 42) = -2/3. T-365 = 09-02
    //   holds usage but is outside La (09-01 is not the last as-of date, so the read of usage a year back
    //   reaches it; counting it gives La = 45).
    // At 2024-09-02 (La = 08-20..09-02 = 42, Pa = 08-06..08-19 = 13 + 3 = 16): rel_change(14, 14 x 42 / 16) = -13/21.
    const sub = join(dir, 'reach');
    await mkdir(sub);
    const days = (from, to) => {
        const out = [];
        for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
            out.push(new Date(t).toISOString().slice(0, 10));
        return out;
    };
    const usage = [
        ...days('2023-08-05', '2023-08-18').map((day) => `S,${day}T09:00:00,,report,1`),
        ...days('2023-08-19', '2023-09-02').map((day) => `S,${day}T09:00:00,,report,3`),
        ...days('2024-08-03', '2024-09-01').map((day) => `S,${day}T09:00:00,,report,1`),
    ];
    await writeFile(join(sub, 'accounts.csv'), csv('account_id,segment,started_at,churned_at,seats', ['S,s,2023-01-01,,10']));
    await writeFile(join(sub, 'usage.csv'), csv('account_id,occurred_at,user_id,event,quantity', usage));
    const h = await openHistory(sub);
    try {
        const b = await buildFeatures(h, {
            asOf: ['2024-08-31', '2024-09-01', '2024-09-02'],
            dataEnd: '2024-12-31',
            seasonal: ['usage_trend_14d'],
        });
        const got = await queryRows(h.connection, `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, usage_trend_14d, usage_trend_14d_yoy FROM "${b.relation}" ORDER BY as_of`);
        assert.deepEqual(got.map((r) => r['as_of']), ['2024-08-31', '2024-09-01', '2024-09-02']);
        for (const r of got)
            close(r['usage_trend_14d'], 0, `plain at ${r['as_of']}`);
        close(got[0]?.['usage_trend_14d_yoy'], 0, 'a day short of a year of data');
        close(got[1]?.['usage_trend_14d_yoy'], -2 / 3, 'the first day exactly on the reach');
        close(got[2]?.['usage_trend_14d_yoy'], -13 / 21, 'a day more than a year of data');
    }
    finally {
        h.close();
    }
});
//# sourceMappingURL=seasonal.test.js.map