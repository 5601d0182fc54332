/**
 * The byte-level JSON reader (json-bytes.ts) against JSON.parse: whatever it reads, it reads as
 * JSON.parse does (the same doubles, -0 included, the same strings), and where the text is not JSON
 * or has what it does not read (escapes, a byte order mark) it gives up rather than guess.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type JsonBytes, KeyTable, readBytes } from '../../src/serve/json-bytes.js';
import { Rng } from '../../src/util/rng.js';

/** A number read as the batch readers read one: into a Float64Array (numberInto). */
function number(r: JsonBytes): number {
  const out = new Float64Array(1);
  r.numberInto(out, 0);
  return out[0]!;
}

/** Any JSON value through the reader's calls, as JSON.parse would build it. */
function value(r: JsonBytes): unknown {
  const c = r.peek();
  if (c === 0x7b) {
    const out: Record<string, unknown> = {};
    r.open(0x7b);
    while (r.more(0x7d)) {
      const key = r.string();
      r.expect(0x3a);
      // defined, not assigned: a key named __proto__ is an own property in JSON.parse's objects
      Object.defineProperty(out, key, { value: value(r), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (c === 0x5b) {
    const out: unknown[] = [];
    r.open(0x5b);
    while (r.more(0x5d)) out.push(value(r));
    return out;
  }
  if (c === 0x22) return r.string();
  if (r.null()) return null;
  if (c === 0x74 || c === 0x66) return r.boolean();
  return number(r);
}

function read(text: string | Uint8Array): unknown {
  return readBytes(typeof text === 'string' ? Buffer.from(text) : text, (r) => {
    const v = value(r);
    if (!r.atEnd()) r.unsure();
    return { v };
  });
}

/** The reader either gives up or agrees with JSON.parse; on text JSON.parse refuses, it gives up. */
function agrees(text: string | Buffer): 'read' | 'gave up' {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let parsed: { v: unknown } | null;
  try {
    parsed = { v: JSON.parse(bytes.toString('utf8')) };
  } catch {
    parsed = null;
  }
  const got = read(bytes);
  if (parsed === null) {
    assert.equal(got, null, `read what JSON.parse refuses: ${JSON.stringify(bytes.toString('latin1'))}`);
    return 'gave up';
  }
  if (got === null) return 'gave up';
  assert.deepStrictEqual(got, parsed, bytes.toString('utf8'));
  return 'read';
}

const EDGE_NUMBERS = [
  '0',
  '-0',
  '-0.0',
  '-0e5',
  '0e-999999',
  '-0.000e+12',
  '1',
  '-1',
  '0.1',
  '0.30000000000000004',
  '1e308',
  '1.7976931348623157e308',
  '1.7976931348623158e308',
  '1.7976931348623159e308',
  '-1e309',
  '1e400',
  '4.9e-324',
  '5e-324',
  '2.4703282292062328e-324',
  '2.4703282292062327e-324',
  '1e-400',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '18446744073709551616',
  '123456789012345678901234567890',
  '123456789012345678901234567890e-30',
  '999999999999999',
  '9999999999999999',
  '999999999999999.9',
  '0.000000000000000000000000000001',
  '1e22',
  '1e23',
  '1e-22',
  '1e-23',
  '123456789012345e22',
  '123456789012345e-22',
  '1234567890123456e-22',
  '1E5',
  '1e+5',
  '1.5E-3',
  '2.2250738585072011e-308',
  '2.2250738585072014e-308',
  '0.1e1',
  '100e-2',
  '7.0e0',
  '1e0000000000000000000001',
  '43.9',
  '-9.95',
  '0.99995',
  '1.00000000000000011102230246251565404236316680908203125',
  '1.00000000000000011102230246251565404236316680908203124',
];

test('numbers: every edge reads as JSON.parse reads it, -0 and Infinity included', () => {
  for (const text of EDGE_NUMBERS) {
    for (const t of [text, ` ${text} `, `[${text}]`, `[\t${text}\n,\r${text}]`]) {
      assert.equal(agrees(t), 'read', t);
    }
    assert.ok(Object.is(readBytes(Buffer.from(text), number), JSON.parse(text)), text);
  }
});

/** A random JSON number's text: sign, whole part, fraction and exponent of random lengths. */
function numberText(rng: Rng): string {
  const digits = (n: number, lead: boolean) => {
    let s = lead ? String(1 + rng.int(9)) : '';
    while (s.length < n) s += String(rng.int(10));
    return s;
  };
  let s = rng.bernoulli(0.3) ? '-' : '';
  s += rng.bernoulli(0.2) ? '0' : digits(1 + rng.int(rng.bernoulli(0.8) ? 8 : 25), true);
  if (rng.bernoulli(0.6)) s += `.${digits(1 + rng.int(rng.bernoulli(0.8) ? 8 : 25), false)}`;
  if (rng.bernoulli(0.3)) {
    s += rng.bernoulli(0.5) ? 'e' : 'E';
    s += ['', '+', '-'][rng.int(3)];
    s += String(rng.int(rng.bernoulli(0.7) ? 30 : 400));
  }
  return s;
}

test('numbers: 300,000 random texts of every shape read as JSON.parse reads them', () => {
  const rng = new Rng(18);
  for (let i = 0; i < 300_000; i++) {
    const text = numberText(rng);
    const got = readBytes(Buffer.from(text), (r) => {
      const v = number(r);
      if (!r.atEnd()) r.unsure();
      return v;
    });
    if (!Object.is(got, JSON.parse(text))) assert.fail(`${text}: ${got} against ${JSON.parse(text)}`);
  }
  // random doubles written the way JSON.stringify writes them
  for (let i = 0; i < 100_000; i++) {
    const x = (rng.next() - 0.5) * 10 ** (rng.int(40) - 20);
    const text = JSON.stringify(x);
    assert.ok(Object.is(readBytes(Buffer.from(text), number), x), text);
  }
});

test('not JSON numbers: the reader gives up where JSON.parse refuses', () => {
  for (const text of [
    '01',
    '-',
    '+1',
    '.5',
    '1.',
    '1e',
    '1e+',
    '--1',
    '0x10',
    'NaN',
    'Infinity',
    '1.e5',
    '- 1',
    '00',
  ]) {
    assert.equal(agrees(text), 'gave up', text);
    assert.equal(agrees(`[${text}]`), 'gave up', text);
  }
});

test('strings: ASCII and UTF-8 read as JSON.parse reads them; escapes and raw controls give up', () => {
  for (const s of [
    '',
    'ACC-000001',
    'é',
    'Ünïcödé ☃',
    '😀 emoji',
    'tab\there',
    'q"uote',
    'back\\slash',
    '\u2028',
    'a/b',
  ]) {
    const text = JSON.stringify(s);
    const outcome = agrees(text);
    assert.equal(outcome, text.includes('\\') ? 'gave up' : 'read', text);
  }
  assert.equal(agrees('"a\u0001b"'), 'gave up');
  assert.equal(agrees('"unterminated'), 'gave up');
  assert.equal(agrees('"\\u0041"'), 'gave up');
  // broken UTF-8 inside a string: the same replacement characters as the body decoded whole
  for (const bytes of [
    [0x22, 0xc3, 0x22],
    [0x22, 0xff, 0x41, 0x22],
    [0x22, 0xe2, 0x98, 0x22],
    [0x22, 0xed, 0xa0, 0x80, 0x22],
    [0x22, 0xf0, 0x9f, 0x98, 0x41, 0x22],
  ]) {
    assert.equal(agrees(Buffer.from(bytes)), 'read', JSON.stringify(bytes));
  }
  // a byte order mark: JSON.parse refuses it, Fastify's parser strips it; the reader leaves it to them
  assert.equal(read(Buffer.from([0xef, 0xbb, 0xbf, 0x31])), null);
});

test('documents: whitespace, nesting, duplicate keys, literals and junk read or give up, never misread', () => {
  const documents = [
    '{}',
    '[]',
    ' { "a" : [ 1 , -0 , 1e308 , null , true , false , "x" ] } ',
    '{"a":1,"a":2}',
    '{"__proto__":{"x":1}}',
    '[[[[[]]]],{"b":{"c":[{}]}}]',
    '[1,]',
    '[,1]',
    '{"a":1,}',
    '{"a" 1}',
    '{"a":}',
    '[1 2]',
    '[nul]',
    '[nulll]',
    '[truefalse]',
    '[tru]',
    '[fals]',
    '{"a":1}}',
    '[1]]',
    '',
    '   ',
    '[',
    '{',
    '{"a":[1,2,{"b":null}],"c":"d"}',
    '\n\r\t[1]\n\r\t',
    '[1]x',
    '{1:2}',
    "{'a':1}",
  ];
  for (const doc of documents) agrees(doc);
  assert.equal(agrees('{"a":1,"a":2}'), 'read');
  assert.equal(agrees('[1,]'), 'gave up');
  assert.equal(agrees('[nulll]'), 'gave up');
});

/** A random JSON document with random whitespace, in text JSON.parse reads. */
function documentText(rng: Rng, depth: number): string {
  const ws = () => [' ', '', '', '\n', '\t', '\r\n  '][rng.int(6)]!;
  const kind = rng.int(depth > 3 ? 5 : 7);
  let s: string;
  if (kind === 0) s = numberText(rng);
  else if (kind === 1) s = ['null', 'true', 'false'][rng.int(3)]!;
  else if (kind === 2) s = JSON.stringify(['ACC-1', 'é', '', 'x y', 'a\\b', '☃', '2024-06-30'][rng.int(7)]);
  else if (kind === 3 || kind === 5) {
    const parts = Array.from({ length: rng.int(5) }, () => documentText(rng, depth + 1));
    s = `[${parts.join(`${ws()},${ws()}`)}]`;
  } else {
    const keys = ['a', 'b', 'account_id', 'é', '__proto__', ''];
    const parts = Array.from(
      { length: rng.int(5) },
      () => `${JSON.stringify(keys[rng.int(keys.length)])}${ws()}:${ws()}${documentText(rng, depth + 1)}`,
    );
    s = `{${parts.join(`${ws()},${ws()}`)}}`;
  }
  return `${ws()}${s}${ws()}`;
}

test('random documents, and each with a byte changed: read as JSON.parse reads them, or given up', () => {
  const rng = new Rng(1818);
  const outcomes = { read: 0, 'gave up': 0 };
  for (let i = 0; i < 4_000; i++) {
    const text = documentText(rng, 0);
    outcomes[agrees(text)]++;
    const bytes = Buffer.from(text);
    if (bytes.length === 0) continue;
    const at = rng.int(bytes.length);
    const mutated = [
      Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]),
      Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([' ,:[]{}"-.e0\\n'.charCodeAt(rng.int(14))]),
        bytes.subarray(at),
      ]),
    ];
    for (const m of mutated) outcomes[agrees(m)]++;
  }
  // both outcomes happen: the comparison above is not vacuous
  assert.ok(outcomes.read > 2_000 && outcomes['gave up'] > 500, JSON.stringify(outcomes));
});

test('KeyTable: a key read is matched by its bytes, -1 for a name not in the table', () => {
  const keys = new KeyTable(['account_id', 'as_of', 'segment', 'é', 'as_ok']);
  const text = '{"as_of":1,"segment":2,"é":3,"nope":4,"as_ok":5,"account_id":6,"":7}';
  const found = readBytes(Buffer.from(text), (r) => {
    const out: [number, number][] = [];
    r.open(0x7b);
    while (r.more(0x7d)) out.push([r.key(keys), number(r)]);
    return out;
  });
  assert.deepEqual(found, [
    [1, 1],
    [2, 2],
    [3, 3],
    [-1, 4],
    [4, 5],
    [0, 6],
    [-1, 7],
  ]);
  // an escaped key is not compared: the reader gives up
  assert.equal(
    readBytes(Buffer.from('{"as\\u005fof":1}'), (r) => {
      r.open(0x7b);
      r.more(0x7d);
      return r.key(keys);
    }),
    null,
  );
});

test('readBytes passes on errors that are not the reader giving up', () => {
  assert.throws(
    () =>
      readBytes(Buffer.from('[1]'), () => {
        throw new RangeError('mine');
      }),
    /mine/,
  );
});

test('KeyTable: a guessed name is taken only when it is the whole key; any guess reads what no guess reads', () => {
  const keys = new KeyTable(['account_id', 'as_of', 'as_ok', 'segment', 'é', 'a']);
  const text = '{"as_of":1,"as_ofx":2,"as_o":3,"é":4,"segment":5,"a":6,"":7,"as_ok":8}';
  const read = (guess: number) =>
    readBytes(Buffer.from(text), (r) => {
      const out: number[] = [];
      r.open(0x7b);
      while (r.more(0x7d)) {
        out.push(r.key(keys, guess));
        number(r);
      }
      return out;
    });
  const want = [1, -1, -1, 4, 3, 5, -1, 2];
  for (let guess = -1; guess < keys.names.length; guess++) assert.deepEqual(read(guess), want, `guess ${guess}`);
  // a body that ends inside a key, or a key with an escape, is given up on whatever the guess
  for (const broken of ['{"as_of', '{"as_of"', '{"as\\u005fof":1}', '{"as_of\\"":1}'])
    for (const guess of [-1, 1])
      assert.equal(
        readBytes(Buffer.from(broken), (r) => {
          r.open(0x7b);
          r.more(0x7d);
          return r.key(keys, guess);
        }),
        null,
        `${broken}, guess ${guess}`,
      );
});
