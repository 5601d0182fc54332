import { FEATURES, SIGNALS } from '../../src/features/registry.js';
import { Rng } from '../../src/util/rng.js';

export type Account = Record<string, string | number | boolean | null>;

/**
 * Deterministic request bodies covering the signal space: every feature and signal present,
 * missing (null) or absent, booleans both ways, renewals near and far, several segments.
 */
export function makeAccounts(n: number, seed = 7, asOf: string | null = '2024-06-30'): Account[] {
  const rng = new Rng(seed);
  const segments = ['enterprise', 'mid_market', 'smb', null];
  const out: Account[] = [];
  for (let i = 0; i < n; i++) {
    const a: Account = { account_id: `ACC-${String(i).padStart(6, '0')}` };
    if (asOf) a['as_of'] = asOf;
    const seg = segments[rng.int(segments.length)]!;
    if (seg !== null || rng.bernoulli(0.5)) a['segment'] = seg;
    for (const f of FEATURES) {
      const r = rng.next();
      if (r < 0.08) a[f.name] = null;
      else if (r < 0.12)
        continue; // absent
      else if (f.name.startsWith('days_since')) a[f.name] = rng.int(200);
      else if (f.name === 'license_utilization') a[f.name] = Math.round(rng.uniform(0, 1.2) * 1000) / 1000;
      else if (f.name === 'nps_trend') a[f.name] = Math.round(rng.uniform(-6, 6) * 10) / 10;
      else if (f.name === 'contract_value_vs_usage_ratio') a[f.name] = Math.round(rng.uniform(0.2, 4) * 1000) / 1000;
      else a[f.name] = Math.round(rng.uniform(-1, 1.5) * 1000) / 1000;
    }
    for (const s of SIGNALS) {
      if (rng.next() < 0.05) {
        a[s.name] = null;
        continue;
      }
      if (s.type === 'boolean') a[s.name] = rng.bernoulli(s.name === 'zero_usage_14d' ? 0.05 : 0.15);
      else if (s.name === 'days_to_renewal') a[s.name] = rng.int(400);
      else if (s.type === 'integer') a[s.name] = 1 + rng.int(500);
      else a[s.name] = Math.round(rng.uniform(1_000, 500_000));
    }
    out.push(a);
  }
  return out;
}

/** Row objects as a columnar body: a column per field any account has, null where one lacks it. */
export function toColumns(accounts: readonly Account[]): Record<string, unknown[]> {
  const names = new Set<string>();
  for (const a of accounts) for (const k of Object.keys(a)) names.add(k);
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = accounts.map((a) => (a[name] === undefined ? null : a[name]));
  return columns;
}

const emoji = '\u{1F680}';
/** Every kind of value a JSON body can carry, wrong for some property or other. */
export const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  -1.0000001,
  1,
  2.5,
  3,
  3.0000001,
  -5,
  1e308,
  -1e308,
  5e-324,
  '',
  ' ',
  'x',
  'smb',
  'a'.repeat(128),
  'a'.repeat(129),
  'a'.repeat(256),
  'a'.repeat(257),
  'a'.repeat(513),
  emoji.repeat(128),
  emoji.repeat(129),
  emoji.repeat(200),
  `${emoji.repeat(127)}a`,
  '\ud800',
  '\udc00\ud800',
  '2024-02-29',
  '2023-02-29',
  '2000-02-29',
  '1900-02-29',
  '2024-04-31',
  '2024-12-31',
  '2024-13-01',
  '2024-00-10',
  '2024-01-00',
  '2024-1-01',
  '2024-01-01 ',
  '2024-01-01\n',
  '\uff12024-01-01',
  [],
  [1],
  {},
  { a: 1 },
];
