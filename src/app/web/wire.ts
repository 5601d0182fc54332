/**
 * The JSON the app's server sends its pages, as both sides type it: src/app builds these shapes
 * and the pages here read them, so a field changed on one side fails the build of the other.
 * Types only, imported with `import type` on both sides: the browser never loads this module.
 * It lives here because the pages are compiled on their own (src/app/web/tsconfig.json) and may
 * import nothing outside this folder.
 */

export type Band = 'RED' | 'YELLOW' | 'GREEN';

export interface Reason {
  feature: string;
  label: string;
  text: string;
}

/** One account at a snapshot, as the accounts list and the account page show it. */
export interface AccountRow {
  account_id: string;
  account_name: string | null;
  segment: string | null;
  owner: string | null;
  as_of: string;
  /** In the latest snapshot of the table (a customer still), or its last snapshot is older. */
  current: boolean;
  arr: number | null;
  /** Null with insufficient data (status says so). */
  score: number | null;
  band: Band | null;
  probability: number | null;
  model_probability: number | null;
  /** Score minus the previous snapshot's; null for an account's first snapshot. */
  score_change: number | null;
  status: string;
  reasons: Reason[];
  overrides: { id: string; text: string }[];
  escalate: boolean;
}

/** What every page is told about the run before its own data. */
export interface Summary {
  scorecard: string;
  features: string;
  as_of: string;
  accounts: number;
  segments: string[];
  owners: string[] | null;
  model: string | null;
  names: boolean;
}

/** One signal of the account page: its value against the median of its segment on the same date. */
export interface SignalRow {
  feature: string;
  label: string;
  layer: string;
  /** Share of the whole score: layer weight x signal weight. */
  weight: number;
  value: number | string | null;
  value_text: string;
  /** The median over the same segment's accounts at the same as-of (null without one). */
  median: number | null;
  median_text: string;
  points: number | null;
  sentence: string;
}

/** One snapshot of an account's score history. */
export interface HistoryPoint {
  as_of: string;
  score: number | null;
  band: Band | null;
  probability: number | null;
  model_probability: number | null;
}

/** Everything the account page shows of one account (its boot's `detail`). */
export interface AccountDetail {
  account: AccountRow;
  coverage: number;
  missing: string[];
  layers: { name: string; weight: number; score: number | null }[];
  signals: SignalRow[];
  /** Override signals and context at the latest snapshot (escalation, renewal, ARR, seats, tenure). */
  context: { feature: string; label: string; value_text: string }[];
  history: HistoryPoint[];
  thresholds: { yellow: number; green: number };
  charts: { score: unknown; probability: unknown };
  model: string | null;
}

/** The raw events behind one feature of an account, counted in the feature's windows. */
export interface EventRow {
  /** The feature these counts are behind. */
  feature: string;
  label: string;
  /** What was counted, in words. */
  what: string;
  /** The count in the feature's last window, and in the window before (null when the feature has one value). */
  last: number | string | null;
  prior: number | string | null;
  /** Set when the table is absent from the history. */
  missing?: string;
}
