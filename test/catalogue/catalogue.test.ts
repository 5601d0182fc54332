/** The feature catalogue: every feature and signal has words, and the words say the value. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURES, SIGNALS } from '../../src/features/index.js';
import { Rng } from '../../src/util/rng.js';
import {
  CATALOGUE,
  catalogueEntry,
  describeValue,
  featureLabel,
  formatValue,
  probabilityForPeople,
  scoreForPeople,
  significant,
  templateCase,
  writeDescription,
  type CatalogueValue,
  type TemplateCase,
} from '../../src/catalogue/index.js';

/** The cases a kind can reach (see TemplateCase). */
const CASES: Record<string, TemplateCase[]> = {
  change: ['missing', 'down', 'up', 'flat', 'stopped', 'most'],
  points_change: ['missing', 'down', 'up', 'flat'],
  flag: ['missing', 'yes', 'no'],
};

test('every feature and signal of the feature table, and segment, has a label and a template per case', () => {
  const names = [...FEATURES.map((f) => f.name), ...SIGNALS.map((s) => s.name), 'segment'];
  assert.deepEqual(CATALOGUE.map((e) => e.name).sort(), [...names].sort());
  const labels = new Set<string>();
  for (const e of CATALOGUE) {
    assert.ok(!labels.has(e.label), `label "${e.label}" is used twice`);
    labels.add(e.label);
    for (const c of CASES[e.kind] ?? ['missing', 'value']) assert.ok(e.templates[c], `${e.name} has no ${c} template`);
    const feature = FEATURES.find((f) => f.name === e.name);
    if (feature) assert.equal(e.direction, feature.direction, `${e.name} direction`);
  }
});

test('sentences say the value as a person would', () => {
  assert.equal(describeValue('usage_trend_14d', -0.35), 'Usage fell 35% over the last 14 days vs the 14 before');
  assert.equal(describeValue('usage_trend_14d', 0.2), 'Usage rose 20% over the last 14 days vs the 14 before');
  assert.equal(describeValue('usage_trend_14d', 0.001), 'Usage held steady over the last 14 days vs the 14 before');
  assert.equal(describeValue('usage_trend_14d', -1), 'Usage stopped: none in the last 14 days, some in the 14 before');
  assert.match(describeValue('support_ticket_trend_30d', 3), /tripled or more/);
  assert.equal(describeValue('license_utilization', 0.4249), '42% of licensed seats active in the last 30 days');
  assert.equal(
    describeValue('days_since_last_csm_interaction', 1),
    '1 day since the last CSM meeting, call, email or QBR',
  );
  assert.equal(describeValue('days_to_renewal', 45), 'Renewal in 45 days');
  assert.equal(describeValue('nps_trend', -2.46), 'NPS fell 2.5 points (last 180 days vs the 180 before)');
  assert.equal(
    describeValue('contract_value_vs_usage_ratio', 2.14),
    "Pays 2.1x the segment's typical ARR per active user",
  );
  assert.equal(describeValue('annual_value', 120000), 'ARR $120,000');
  // booleans arrive as true/false (HTTP) or 1/0 (feature tables)
  assert.equal(describeValue('champion_departed', true), 'The champion left and has not been replaced');
  assert.equal(describeValue('champion_departed', 1), 'The champion left and has not been replaced');
  assert.equal(describeValue('zero_usage_14d', 0), 'Product used in the last 14 days');
  assert.equal(describeValue('champion_engagement_change_30d', null), 'No champion in role');
  assert.equal(describeValue('segment', 'enterprise'), 'Segment: enterprise');
  // a column churnkit does not define still reads
  assert.equal(describeValue('region', 'APAC'), 'region: APAC');
  assert.equal(describeValue('seat_growth', 0.123456), 'seat growth: 0.1235');
  assert.equal(featureLabel('seat_growth'), 'seat growth');
  assert.equal(featureLabel('nps_trend'), 'NPS trend (180 days)');
  assert.equal(formatValue('usage_trend_14d', -0.35), '-35%');
  assert.equal(formatValue('usage_trend_14d', null), '–');
  assert.equal(templateCase(catalogueEntry('usage_trend_14d')!, Number.NaN), 'missing');
});

test('numbers for people: scores to one decimal, probabilities to four significant digits', () => {
  assert.equal(scoreForPeople(43.886500000000005), 43.9);
  assert.equal(scoreForPeople(69.99999999999999), 70);
  assert.equal(probabilityForPeople(0.123456), 0.1235);
  assert.equal(probabilityForPeople(0.000123456), 0.0001235);
  assert.equal(probabilityForPeople(1), 1);
  assert.equal(probabilityForPeople(0), 0);
});

test('significant is Number(toPrecision) for every size, near ties and near powers of ten', () => {
  const rng = new Rng(4);
  const expected = (x: number, d: number) => {
    if (!Number.isFinite(x) || x === 0) return x;
    const r = Number(x.toPrecision(d));
    return r === 0 ? 0 : r;
  };
  const edges = [0, -0, Number.NaN, Infinity, -Infinity, 5e-324, 1e300, 1, 0.1, 0.99995, 0.999949999, 9.9995, 1e-7];
  const xs: number[] = [...edges];
  for (let i = 0; i < 100_000; i++) {
    const scale = 10 ** (rng.int(30) - 20);
    const x = (rng.next() - 0.3) * scale;
    xs.push(x);
    // a decimal tie at 4 and 5 digits, and the doubles either side of it
    const tie = ((Math.floor(rng.next() * 9000) + 1000.5) / 1e4) * scale;
    xs.push(
      tie,
      tie * (1 + 2 ** -52),
      tie * (1 - 2 ** -52),
      ((Math.floor(rng.next() * 90000) + 10000.5) / 1e5) * scale,
    );
    const power = 10 ** (rng.int(30) - 20);
    xs.push(power, power * (1 + 2 ** -52), power * (1 - 2 ** -52), -power);
  }
  for (const x of xs)
    for (const d of [1, 2, 4, 6, 7])
      assert.ok(Object.is(significant(x, d), expected(x, d)), `significant(${x}, ${d}) = ${significant(x, d)}`);
});

test("writeDescription writes describeValue's sentence as UTF-8 bytes, plain and as inside a JSON string", () => {
  const values: CatalogueValue[] = [
    ...[null, undefined, Number.NaN, '', 'smb', 'Zoë "Q" \\ Ltd\n🚀', ' ', '12', 'yes', true, false],
    ...[0, -0, 1, -1, 2, 0.5, -0.35, 0.004, -0.005, 0.2, 1.5, 3, 2.999, -1e-9, 1e-7, 12.25, -12.25, 0.333333],
    ...[999, 1000, 1234.5, -1234.5, 999_999.5, 1e6, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, 1e12, 1e21, 1e300, -1e300],
    ...[5e-324, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2],
  ];
  const decoder = new TextDecoder();
  let written = 0;
  for (const name of [...CATALOGUE.map((e) => e.name), 'not_in_the_catalogue']) {
    for (const value of values) {
      const sentence = describeValue(name, value);
      for (const json of [false, true]) {
        const out = new Uint8Array(1024).fill(0xff);
        const end = writeDescription(out, 7, name, value, json);
        if (end < 0) {
          assert.ok(
            out.subarray(0, 7).every((b) => b === 0xff),
            `${name} ${String(value)}: nothing before at`,
          );
          continue;
        }
        written++;
        const expected = json ? JSON.stringify(sentence).slice(1, -1) : sentence;
        assert.equal(decoder.decode(out.subarray(7, end)), expected, `${name} ${String(value)} json=${json}`);
      }
      // too little room: declines rather than writing past the end
      assert.equal(writeDescription(new Uint8Array(8), 0, name, value, false) < 0 || sentence.length <= 8, true);
    }
  }
  // it writes most sentences itself (what it declines goes through describeValue)
  assert.ok(written > CATALOGUE.length * values.length, `${written}`);
});
