import { InputError, UsageError, groupDigits } from '../util/index.js';
export const MISSING_SUFFIX = ':missing';
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function requireColumn(frame, name, table) {
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
function isNumberForPeople(v) {
    const bare = v.replace(/[\s\u00A0\u202F]|\p{Sc}|^[A-Z]{3}|[A-Z]{3}$|^\(|\)$|%$/gu, '');
    return /\d/.test(bare) && /^[-+]?[\d.,']+$/.test(bare);
}
/**
 * Why a column that is not numeric cannot be read, naming the first row that shows it: a number
 * written for people ("$1,200") is not parsed here, because a table's separators cannot be
 * guessed ("1,200" is 1.2 in much of Europe); text with a few levels can be one-hot encoded by
 * the models (`categoricalHint`), not by a scorecard. `need` says what the column must be.
 */
export function notNumeric(frame, name, table, options = {}) {
    const need = options.need ?? 'not numeric';
    const col = frame.columns[name];
    const kind = frame.kinds[name];
    const text = col instanceof Float64Array ? [] : col;
    const row = text.findIndex((v) => v !== null && v !== undefined);
    if (row < 0)
        return new InputError({ table, column: name }, `column is ${kind} with no value in any row, ${need}`);
    const value = text[row];
    const at = { table, row: row + 1, column: name };
    if (kind === 'text' && isNumberForPeople(value))
        return new InputError(at, `holds numbers written as text (${JSON.stringify(value)}): give them as plain numbers (1200.5: no currency, thousands separator or %); churnkit does not guess a table's separators`);
    const levels = new Set(text.filter((v) => v !== null)).size;
    if (kind === 'text' && levels <= MAX_CATEGORY_LEVELS)
        return new InputError(at, `column is text (${JSON.stringify(value)}), ${need}${options.categoricalHint ? '; list it under --categorical to one-hot encode it' : ''}`);
    return new InputError(at, `column is ${kind} (${JSON.stringify(value)}; ${groupDigits(levels)} distinct values), ${need}`);
}
/**
 * The model columns of a table checked before any work: present, and numeric unless listed as
 * categorical (a backtest says so at once, not at its first fold).
 */
export function checkModelColumns(frame, columns, categorical, table) {
    for (const name of columns) {
        const col = requireColumn(frame, name, table);
        if (!categorical.includes(name) && !(col instanceof Float64Array))
            throw notNumeric(frame, name, table, { categoricalHint: true });
    }
}
/** Learns the preprocessing from training rows. */
export function fitPreprocessing(frame, opts) {
    const warnings = [];
    const categorical = new Set(opts.categorical);
    for (const c of opts.categorical)
        if (!opts.columns.includes(c))
            throw new UsageError(`--categorical ${c} is not among the model columns`);
    const inputs = [];
    const outputs = [];
    const indicators = [];
    const impute = [];
    const notes = [];
    for (const name of opts.columns) {
        const col = requireColumn(frame, name, opts.table);
        if (categorical.has(name)) {
            const seen = new Set();
            const values = col instanceof Float64Array ? Array.from(col, (v) => (Number.isNaN(v) ? null : String(v))) : col;
            for (const v of values)
                if (v !== null)
                    seen.add(v);
            const levels = [...seen].sort(compareText);
            if (levels.length < 2)
                warnings.push(`categorical column ${name} has ${levels.length} level(s) in training; it adds nothing to the model`);
            inputs.push({ name, kind: 'categorical', levels });
            for (const level of levels.slice(1)) {
                outputs.push(`${name}=${level}`);
                impute.push(0);
            }
            continue;
        }
        if (!(col instanceof Float64Array))
            throw notNumeric(frame, name, opts.table, { categoricalHint: true });
        inputs.push({ name, kind: 'numeric' });
        let sum = 0;
        let count = 0;
        for (let i = 0; i < col.length; i++) {
            const v = col[i];
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
        if (opts.inputs.impute &&
            opts.inputs.missingIndicators &&
            opts.missing === 'indicator' &&
            count < col.length &&
            count > 0) {
            // Columns NULL on exactly the same rows (say, every contract-derived feature of an account
            // without a contract) share one indicator: a second copy would be collinear with the first.
            const twin = indicators.find((other) => sameMissingRows(frame.columns[other], col));
            const oneClass = opts.label ? singleLabelAmongMissing(col, opts.label) : null;
            if (oneClass !== null) {
                // Its maximum-likelihood coefficient would be infinite (the indicator alone separates those rows).
                notes.push(`${name} is NULL on ${col.length - count} training rows, all labeled ${oneClass}: no ${name}${MISSING_SUFFIX} input (mean imputation only)`);
            }
            else if (twin === undefined) {
                indicators.push(name);
                outputs.push(`${name}${MISSING_SUFFIX}`);
                impute.push(0);
            }
            else {
                notes.push(`${name} is NULL on the same training rows as ${twin}; ${twin}${MISSING_SUFFIX} stands for both`);
            }
        }
    }
    const preprocessing = { inputs, outputs };
    if (indicators.length > 0)
        preprocessing.missing_indicators = indicators;
    if (notes.length > 0)
        preprocessing.notes = notes;
    if (opts.inputs.impute)
        preprocessing.impute = impute;
    if (opts.inputs.standardize) {
        const X = applyPreprocessing(frame, preprocessing, opts.table);
        const center = [];
        const scale = [];
        for (const c of X.columns) {
            let s = 0;
            let cnt = 0;
            for (const v of c) {
                if (Number.isNaN(v))
                    continue;
                s += v;
                cnt++;
            }
            const m = cnt ? s / cnt : 0;
            let ss = 0;
            for (const v of c)
                if (!Number.isNaN(v))
                    ss += (v - m) ** 2;
            const sd = cnt ? Math.sqrt(ss / cnt) : 0;
            center.push(m);
            scale.push(sd > 0 ? sd : 1);
        }
        preprocessing.standardize = { center, scale };
    }
    return { preprocessing, warnings };
}
function singleLabelAmongMissing(col, label) {
    let seen = -1;
    for (let i = 0; i < col.length; i++) {
        if (!Number.isNaN(col[i]))
            continue;
        if (seen === -1)
            seen = label[i];
        else if (label[i] !== seen)
            return null;
    }
    return seen === -1 ? null : seen;
}
function sameMissingRows(a, b) {
    for (let i = 0; i < a.length; i++)
        if (Number.isNaN(a[i]) !== Number.isNaN(b[i]))
            return false;
    return true;
}
/** The model Matrix for any rows (training or new), exactly as the preprocessing says. */
export function applyPreprocessing(frame, prep, table = 'features') {
    const n = frame.n;
    const columns = [];
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
                if (k !== undefined)
                    onehot[k][i] = 1;
            }
            columns.push(...onehot);
            continue;
        }
        if (!(col instanceof Float64Array))
            throw new InputError({ table, column: input.name }, `column is ${frame.kinds[input.name]}, but the model was trained on numbers`);
        columns.push(Float64Array.from(col));
        if (indicators.has(input.name)) {
            const ind = new Float64Array(n);
            for (let i = 0; i < n; i++)
                if (Number.isNaN(col[i]))
                    ind[i] = 1;
            columns.push(ind);
        }
    }
    if (columns.length !== prep.outputs.length)
        throw new Error(`preprocessing produced ${columns.length} columns for ${prep.outputs.length} outputs`);
    if (prep.impute) {
        columns.forEach((c, j) => {
            const fill = prep.impute[j];
            for (let i = 0; i < n; i++)
                if (Number.isNaN(c[i]))
                    c[i] = fill;
        });
    }
    if (prep.standardize) {
        const { center, scale } = prep.standardize;
        columns.forEach((c, j) => {
            const m = center[j];
            const s = scale[j];
            for (let i = 0; i < n; i++)
                c[i] = (c[i] - m) / s;
        });
    }
    return { n, names: [...prep.outputs], columns };
}
//# sourceMappingURL=preprocess.js.map