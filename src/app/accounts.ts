/**
 * The accounts-at-risk list: every account at its latest snapshot, with what a CSM reads first
 * (score, band, probability, change, the three reasons in words, overrides), and the view a
 * query asks for (filter, search, sort, page), or all of it as CSV. Rows are built once at
 * start-up; a query filters and sorts them in memory, so 50,000 accounts answer in milliseconds.
 */
import { z } from 'zod';
import { describeValue, featureLabel, probabilityForPeople, scoreForPeople } from '../catalogue/index.js';
import { BANDS, MAX_REASONS, describeOverride, statusOf, type Band } from '../scorecard/index.js';
import type { AppState } from './state.js';
import type { AccountRow, Reason } from './web/wire.js';
import { csvField } from '../util/index.js';

const finite = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);

/** The frame row's fields as the list and the account page show them (numbers rounded for people). */
export function accountRow(state: AppState, i: number): AccountRow {
  const { scores, change } = state.scored;
  const id = state.accountIds[i]!;
  const scored = statusOf(state.card, scores.coverage[i]!) === 'scored';
  const reasons: Reason[] = [];
  for (let k = 0; k < MAX_REASONS; k++) {
    const s = scores.reasons[i * MAX_REASONS + k]!;
    if (s < 0) continue;
    const feature = scores.signals[s]!;
    const col = state.frame.columns[feature];
    const value = col instanceof Float64Array ? finite(col[i]) : (col?.[i] ?? null);
    reasons.push({ feature, label: featureLabel(feature), text: describeValue(feature, value) });
  }
  const K = scores.overrides.length;
  const overrides = state.card.overrides.flatMap((o, k) =>
    scores.fired[i * K + k] === 1 ? [{ id: o.id, text: describeOverride(o) }] : [],
  );
  const arr = state.frame.columns['annual_value'];
  const score = finite(scores.score[i]);
  const p = finite(scores.probability[i]);
  const mp = state.modelProbability ? finite(state.modelProbability[i]) : null;
  const ch = finite(change[i]);
  return {
    account_id: id,
    account_name: state.names?.get(id) ?? null,
    segment: state.segments[i] ?? null,
    owner: state.owners?.get(id) ?? null,
    as_of: state.asOf[i]!,
    current: state.asOf[i] === state.lastAsOf,
    arr: arr instanceof Float64Array ? finite(arr[i]) : null,
    score: scored && score !== null ? scoreForPeople(score) : null,
    band: scored ? BANDS[scores.band[i]!]! : null,
    probability: scored && p !== null ? probabilityForPeople(p) : null,
    model_probability: mp === null ? null : probabilityForPeople(mp),
    score_change: ch === null ? null : scoreForPeople(ch),
    status: scored ? 'scored' : 'insufficient_data',
    reasons,
    overrides,
    escalate: scores.escalate[i] === 1,
  };
}

/** Every account at its latest snapshot, in account order. */
export function latestRows(state: AppState): AccountRow[] {
  return [...state.rowsOf.values()].map((rows) => accountRow(state, rows[rows.length - 1]!));
}

export const SORT_KEYS = [
  'account_id',
  'account_name',
  'segment',
  'owner',
  'as_of',
  'arr',
  'score',
  'band',
  'probability',
  'model_probability',
  'score_change',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Longest search text and page a query may ask for. */
export const MAX_SEARCH = 200;
export const MAX_PAGE = 1000;

const list = (values: readonly string[] | null) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((xs) => values === null || xs.every((x) => values.includes(x)), {
      message: values ? `expected a comma-separated list of ${values.join(', ')}` : 'expected a comma-separated list',
    });

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `expected a whole number from ${min} to ${max}` });

/** The list's query string: anything else, or a value out of place, is a 400. */
export const accountQuerySchema = z.strictObject({
  sort: z.enum(SORT_KEYS).default('score'),
  dir: z.enum(['asc', 'desc']).optional(),
  band: list(BANDS).optional(),
  segment: list(null).optional(),
  owner: list(null).optional(),
  q: z.string().max(MAX_SEARCH).optional(),
  /** 1: only accounts in the latest snapshot (default); 0: also those whose last snapshot is older. */
  current: z.enum(['0', '1']).default('1'),
  offset: wholeNumber(0, 1e9).default(0),
  limit: wholeNumber(1, MAX_PAGE).default(100),
});
export type AccountQuery = z.output<typeof accountQuerySchema>;

const BAND_RANK: Record<Band, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

function sortValue(row: AccountRow, key: SortKey): number | string | null {
  if (key === 'band') return row.band === null ? null : BAND_RANK[row.band];
  return row[key];
}

/** Natural direction: risk first for scores and bands, largest first for money and probabilities. */
function defaultDir(key: SortKey): 'asc' | 'desc' {
  return key === 'arr' || key === 'probability' || key === 'model_probability' ? 'desc' : 'asc';
}

/** The rows a query selects, sorted (missing values last either way, then by account id). */
export function selectRows(rows: readonly AccountRow[], query: AccountQuery): AccountRow[] {
  const bands = query.band?.length ? new Set(query.band) : null;
  const segments = query.segment?.length ? new Set(query.segment) : null;
  const owners = query.owner?.length ? new Set(query.owner) : null;
  const needle = query.q?.trim().toLowerCase() ?? '';
  const out = rows.filter(
    (r) =>
      (query.current === '0' || r.current) &&
      (bands === null || (r.band !== null && bands.has(r.band))) &&
      (segments === null || (r.segment !== null && segments.has(r.segment))) &&
      (owners === null || (r.owner !== null && owners.has(r.owner))) &&
      (needle === '' ||
        r.account_id.toLowerCase().includes(needle) ||
        (r.account_name?.toLowerCase().includes(needle) ?? false)),
  );
  const sign = (query.dir ?? defaultDir(query.sort)) === 'asc' ? 1 : -1;
  const key = query.sort;
  return out.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0;
  });
}

/** Band counts of the rows a query selects before its band filter: the chips beside the filter. */
export function bandCounts(rows: readonly AccountRow[], query: AccountQuery): Record<Band | 'none', number> {
  const counts = { RED: 0, YELLOW: 0, GREEN: 0, none: 0 };
  for (const r of selectRows(rows, { ...query, band: undefined })) counts[r.band ?? 'none']++;
  return counts;
}

export const CSV_COLUMNS = [
  ...SORT_KEYS,
  'status',
  'reason_1_text',
  'reason_2_text',
  'reason_3_text',
  'overrides',
  'escalate',
] as const;

/**
 * A CSV cell. Text is quoted when it must be, and text a spreadsheet would run as a formula
 * (starting with = + - @) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
function csvCell(v: string | number | boolean | null): string {
  return csvField(typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
}

export function rowsCsv(rows: readonly AccountRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells: (string | number | boolean | null)[] = [
      r.account_id,
      r.account_name,
      r.segment,
      r.owner,
      r.as_of,
      r.arr,
      r.score,
      r.band,
      r.probability,
      r.model_probability,
      r.score_change,
      r.status,
      r.reasons[0]?.text ?? null,
      r.reasons[1]?.text ?? null,
      r.reasons[2]?.text ?? null,
      r.overrides.map((o) => o.id).join(','),
      r.escalate,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
