/**
 * From a feature table (Frame) to the numeric Matrix a model reads, and the record of how
 * (Preprocessing) that makes prediction repeat it exactly: numbers and booleans as they are
 * (booleans 0/1), categoricals one-hot with the first level (sorted) dropped, NULL handling and
 * standardization as the family asks.
 *
 * NULLs in numeric inputs, for families that impute (logistic, mlp): replaced by the training
 * mean (the default, `missing: 'mean'`: measured better on small histories, docs/models.md);
 * with `missing: 'indicator'` each input that has NULLs in training also
 * gets a `name:missing` 0/1 column, so "no NPS responses" can carry its own risk instead of
 * pretending to be an average account. Not when its NULL rows all have one label (the
 * indicator's coefficient would be infinite), and one indicator serves columns that are NULL on
 * the same rows; `preprocessing.notes` says which. `missing: 'mean'` is plain mean imputation (scikit-learn
 * SimpleImputer / peer.py). A NULL category, or a level not seen in training, is all zeros (the
 * reference level).
 */
import type { Frame } from '../data/index.js';
import type { InputColumn, Matrix, Preprocessing } from './model.js';
import type { FamilyInputs } from './families.js';
import { InputError, UsageError, groupDigits } from '../util/index.js';

export type MissingStrategy = 'indicator' | 'mean';

export interface PreprocessOptions {
  columns: readonly string[];
  categorical: readonly string[];
  inputs: FamilyInputs;
  missing: MissingStrategy;
  /** Table name for error messages. */
  table: string;
  /** Training labels (0/1, one per frame row): an indicator is only added where it can be estimated. */
  label?: Float64Array;
}

export const MISSING_SUFFIX = ':missing';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireColumn(frame: Frame, name: string, table: string) {
  const col = frame.columns[name];
  if (col === undefined)
    throw new InputError({ table, column: name }, `not in the table (columns: ${frame.names.join(', ')})`);
  return col;
}

/** Few enough distinct values to be categories (region, plan, segment), not mistyped numbers. */
const MAX_CATEGORY_LEVELS = 50;

/**
 * Text that is a number as people write it: a currency symbol or ISO code, thousands
 * separators, a percent sign or accounting parentheses around digits ("$1,200", "12%", "(300)").
 */
function isNumberForPeople(v: string): boolean {
  const bare = v.replace(/[\s\u00A0\u202F]|\p{Sc}|^[A-Z]{3}|[A-Z]{3}$|^\(|\)$|%$/gu, '');
  return /\d/.test(bare) && /^[-+]?[\d.,']+$/.test(bare);
}

/**
 * Why a column that is not numeric cannot be read, naming the first row that shows it: a number
 * written for people ("$1,200") is not parsed here, because a table's separators cannot be
 * guessed ("1,200" is 1.2 in much of Europe); text with a few levels can be one-hot encoded by
 * the models (`categoricalHint`), not by a scorecard. `need` says what the column must be.
 */
export function notNumeric(
  frame: Frame,
  name: string,
  table: string,
  options: { need?: string; categoricalHint?: boolean } = {},
): InputError {
  const need = options.need ?? 'not numeric';
  const col = frame.columns[name]!;
  const kind = frame.kinds[name];
  const text = col instanceof Float64Array ? [] : col;
  const row = text.findIndex((v) => v !== null && v !== undefined);
  if (row < 0) return new InputError({ table, column: name }, `column is ${kind} with no value in any row, ${need}`);
  const value = text[row]!;
  const at = { table, row: row + 1, column: name };
  if (kind === 'text' && isNumberForPeople(value))
    return new InputError(
      at,
      `holds numbers written as text (${JSON.stringify(value)}): give them as plain numbers (1200.5: no currency, thousands separator or %); churnkit does not guess a table's separators`,
    );
  const levels = new Set(text.filter((v) => v !== null)).size;
  if (kind === 'text' && levels <= MAX_CATEGORY_LEVELS)
    return new InputError(
      at,
      `column is text (${JSON.stringify(value)}), ${need}${options.categoricalHint ? '; list it under --categorical to one-hot encode it' : ''}`,
    );
  return new InputError(
    at,
    `column is ${kind} (${JSON.stringify(value)}; ${groupDigits(levels)} distinct values), ${need}`,
  );
}

/**
 * The model columns of a table checked before any work: present, and numeric unless listed as
 * categorical (a backtest says so at once, not at its first fold).
 */
export function checkModelColumns(
  frame: Frame,
  columns: readonly string[],
  categorical: readonly string[],
  table: string,
): void {
  for (const name of columns) {
    const col = requireColumn(frame, name, table);
    if (!categorical.includes(name) && !(col instanceof Float64Array))
      throw notNumeric(frame, name, table, { categoricalHint: true });
  }
}

/** Learns the preprocessing from training rows. */
export function fitPreprocessing(
  frame: Frame,
  opts: PreprocessOptions,
): { preprocessing: Preprocessing; warnings: string[] } {
  const warnings: string[] = [];
  const categorical = new Set(opts.categorical);
  for (const c of opts.categorical)
    if (!opts.columns.includes(c)) throw new UsageError(`--categorical ${c} is not among the model columns`);
  const inputs: InputColumn[] = [];
  const outputs: string[] = [];
  const indicators: string[] = [];
  const impute: number[] = [];
  const notes: string[] = [];
  for (const name of opts.columns) {
    const col = requireColumn(frame, name, opts.table);
    if (categorical.has(name)) {
      const seen = new Set<string>();
      const values = col instanceof Float64Array ? Array.from(col, (v) => (Number.isNaN(v) ? null : String(v))) : col;
      for (const v of values) if (v !== null) seen.add(v);
      const levels = [...seen].sort(compareText);
      if (levels.length < 2)
        warnings.push(
          `categorical column ${name} has ${levels.length} level(s) in training; it adds nothing to the model`,
        );
      inputs.push({ name, kind: 'categorical', levels });
      for (const level of levels.slice(1)) {
        outputs.push(`${name}=${level}`);
        impute.push(0);
      }
      continue;
    }
    if (!(col instanceof Float64Array)) throw notNumeric(frame, name, opts.table, { categoricalHint: true });
    inputs.push({ name, kind: 'numeric' });
    let sum = 0;
    let count = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!Number.isNaN(v)) {
        if (!Number.isFinite(v))
          throw new InputError({ table: opts.table, row: i + 1, column: name }, `value ${v} is not finite`);
        sum += v;
        count++;
      }
    }
    if (count === 0 && frame.n > 0)
      warnings.push(`column ${name} is NULL in every training row; it adds nothing to the model`);
    outputs.push(name);
    impute.push(count > 0 ? sum / count : 0);
    if (
      opts.inputs.impute &&
      opts.inputs.missingIndicators &&
      opts.missing === 'indicator' &&
      count < col.length &&
      count > 0
    ) {
      // Columns NULL on exactly the same rows (say, every contract-derived feature of an account
      // without a contract) share one indicator: a second copy would be collinear with the first.
      const twin = indicators.find((other) => sameMissingRows(frame.columns[other] as Float64Array, col));
      const oneClass = opts.label ? singleLabelAmongMissing(col, opts.label) : null;
      if (oneClass !== null) {
        // Its maximum-likelihood coefficient would be infinite (the indicator alone separates those rows).
        notes.push(
          `${name} is NULL on ${col.length - count} training rows, all labeled ${oneClass}: no ${name}${MISSING_SUFFIX} input (mean imputation only)`,
        );
      } else if (twin === undefined) {
        indicators.push(name);
        outputs.push(`${name}${MISSING_SUFFIX}`);
        impute.push(0);
      } else {
        notes.push(`${name} is NULL on the same training rows as ${twin}; ${twin}${MISSING_SUFFIX} stands for both`);
      }
    }
  }
  const preprocessing: Preprocessing = { inputs, outputs };
  if (indicators.length > 0) preprocessing.missing_indicators = indicators;
  if (notes.length > 0) preprocessing.notes = notes;
  if (opts.inputs.impute) preprocessing.impute = impute;
  if (opts.inputs.standardize) {
    const X = applyPreprocessing(frame, preprocessing, opts.table);
    const center: number[] = [];
    const scale: number[] = [];
    for (const c of X.columns) {
      let s = 0;
      let cnt = 0;
      for (const v of c) {
        if (Number.isNaN(v)) continue;
        s += v;
        cnt++;
      }
      const m = cnt ? s / cnt : 0;
      let ss = 0;
      for (const v of c) if (!Number.isNaN(v)) ss += (v - m) ** 2;
      const sd = cnt ? Math.sqrt(ss / cnt) : 0;
      center.push(m);
      scale.push(sd > 0 ? sd : 1);
    }
    preprocessing.standardize = { center, scale };
  }
  return { preprocessing, warnings };
}

function singleLabelAmongMissing(col: Float64Array, label: Float64Array): number | null {
  let seen = -1;
  for (let i = 0; i < col.length; i++) {
    if (!Number.isNaN(col[i]!)) continue;
    if (seen === -1) seen = label[i]!;
    else if (label[i] !== seen) return null;
  }
  return seen === -1 ? null : seen;
}

function sameMissingRows(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]!) !== Number.isNaN(b[i]!)) return false;
  return true;
}

/** The model Matrix for any rows (training or new), exactly as the preprocessing says. */
export function applyPreprocessing(frame: Frame, prep: Preprocessing, table = 'features'): Matrix {
  const n = frame.n;
  const columns: Float64Array[] = [];
  const indicators = new Set(prep.missing_indicators ?? []);
  for (const input of prep.inputs) {
    const col = requireColumn(frame, input.name, table);
    if (input.kind === 'categorical') {
      const values = col instanceof Float64Array ? Array.from(col, (v) => (Number.isNaN(v) ? null : String(v))) : col;
      const position = new Map(input.levels.slice(1).map((l, k) => [l, k]));
      const onehot = input.levels.slice(1).map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const k = v === null || v === undefined ? undefined : position.get(v);
        if (k !== undefined) onehot[k]![i] = 1;
      }
      columns.push(...onehot);
      continue;
    }
    if (!(col instanceof Float64Array))
      throw new InputError(
        { table, column: input.name },
        `column is ${frame.kinds[input.name]}, but the model was trained on numbers`,
      );
    // A copy only where the values change below; otherwise the matrix shares the frame's column.
    columns.push(prep.impute || prep.standardize ? col.slice() : col);
    if (indicators.has(input.name)) {
      const ind = new Float64Array(n);
      for (let i = 0; i < n; i++) if (Number.isNaN(col[i]!)) ind[i] = 1;
      columns.push(ind);
    }
  }
  if (columns.length !== prep.outputs.length)
    throw new Error(`preprocessing produced ${columns.length} columns for ${prep.outputs.length} outputs`);
  if (prep.impute) {
    columns.forEach((c, j) => {
      const fill = prep.impute![j]!;
      for (let i = 0; i < n; i++) if (Number.isNaN(c[i]!)) c[i] = fill;
    });
  }
  if (prep.standardize) {
    const { center, scale } = prep.standardize;
    columns.forEach((c, j) => {
      const m = center[j]!;
      const s = scale[j]!;
      for (let i = 0; i < n; i++) c[i] = (c[i]! - m) / s;
    });
  }
  return { n, names: [...prep.outputs], columns };
}
