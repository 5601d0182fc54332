/**
 * `POST /v1/score/columns`: many accounts, column by column. An array of objects costs the JSON
 * parser an object and a dozen keys per account; an array of numbers costs it next to nothing,
 * and the columns go straight into the scorecard's columnar scorer. The answer has the columns
 * `churnkit score` writes (docs/cli.md), one array each, row for row.
 */
import { ChurnkitError } from '../util/index.js';
import { BANDS, DEFAULT_MIN_COVERAGE, MAX_REASONS, SCORE_EPSILON, scoreColumns, statusOf, unknownSegmentWarning, } from '../scorecard/index.js';
import { describeValue, probabilityForPeople, scoreForPeople, significant } from '../catalogue/index.js';
import { MODEL_REASONS } from './served-model.js';
import { FEATURES, SIGNALS } from '../features/index.js';
import { HttpError } from './http-error.js';
import { INPUT_COLUMNS } from './schemas.js';
/** Checks that the columns line up and that no (account, as-of) comes twice. */
export function columnTable(body, today) {
    const ids = body.columns['account_id'];
    const n = ids.length;
    for (const [name, values] of Object.entries(body.columns)) {
        if (values.length !== n) {
            throw new HttpError(400, 'column_length', `columns.${name} has ${values.length} values and columns.account_id has ${n}: every column needs one value per account`, `/columns/${name}`);
        }
    }
    const asOf = body.columns['as_of'] ?? new Array(n).fill(body.as_of ?? today());
    rejectDuplicates(ids, body.columns['as_of'] ? asOf : null);
    const missing = new Array(n).fill(null);
    const columns = {};
    for (const name of INPUT_COLUMNS) {
        const values = body.columns[name];
        // The schema has checked the types: numbers and booleans go to the scorer as doubles (NaN = missing) in one pass.
        if (NUMERIC.has(name))
            columns[name] = doubles(values, n);
        else
            columns[name] = values ?? missing;
    }
    if (body.columns['account_name'])
        columns['account_name'] = body.columns['account_name'];
    return { n, table: { n, columns, name: 'request' }, ids, asOf };
}
/** One row per (account, as-of): the fast check first, the search for the culprit only when it fails. */
function rejectDuplicates(ids, asOf) {
    const keys = asOf ? ids.map((id, i) => `${id}\u0000${asOf[i]}`) : ids;
    if (new Set(keys).size === keys.length)
        return;
    const seen = new Map();
    keys.forEach((key, i) => {
        const first = seen.get(key);
        if (first !== undefined) {
            throw new HttpError(400, 'duplicate_account', `account_id "${ids[i]}" appears twice for the same as_of (rows ${first} and ${i})`, `/columns/account_id/${i}`);
        }
        seen.set(key, i);
    });
}
const NUMERIC = new Set([
    ...FEATURES.map((f) => f.name),
    ...SIGNALS.filter((s) => s.type !== 'text').map((s) => s.name),
]);
function doubles(values, n) {
    const out = new Float64Array(n).fill(NaN);
    if (values) {
        for (let i = 0; i < n; i++) {
            const v = values[i];
            if (v !== null)
                out[i] = +v;
        }
    }
    return out;
}
/**
 * Scores the rows: with the scorecard itself, through its columnar kernel; a scorer known only
 * as a function (a custom loader) row by row, with the same answer. A served model answers too.
 */
export function scoreRequestColumns(loaded, req) {
    try {
        const model = loaded.model ? loaded.model.answer(req.table.columns, req.n) : null;
        const names = req.table.columns['account_name'];
        const out = loaded.card
            ? columnar(loaded.card, req)
            : loaded.score
                ? rowByRow(loaded.score, req)
                : modelOnly(req, model);
        out.account_name = names ?? null;
        if (model) {
            const scored = out.status.map((s) => s === 'scored');
            out.model = {
                probability: model.probability.map((p, i) => (scored[i] ? p : null)),
                reasons: model.reasons.map((r, i) => (scored[i] ? r : null)),
            };
        }
        return out;
    }
    catch (err) {
        // The scorer refusing a value the schema let through is still the client's input.
        if (err instanceof ChurnkitError)
            throw new HttpError(400, 'invalid_signal', err.message);
        throw err;
    }
}
function empty(req) {
    return {
        account_id: req.ids,
        account_name: null,
        as_of: req.asOf,
        status: [],
        coverage: [],
        missing: [],
        warnings: [],
        score: [],
        band: [],
        probability: [],
        layers: {},
        overrides: [],
        reasons: [],
        escalate: [],
        base_score: [],
        score_change: new Array(req.n).fill(null),
        model: null,
    };
}
function columnar(card, req) {
    const s = scoreColumns(card, req.table);
    const n = req.n;
    const K = s.overrides.length;
    const M = s.checked.length;
    const segment = req.table.columns['segment'];
    const out = empty(req);
    for (const l of card.layers)
        out.layers[l.name] = nullable(s.layers[l.name]);
    // Plain loops: Array.from with a map function costs several times more at this size.
    for (let i = 0; i < n; i++) {
        const coverage = s.coverage[i];
        const status = statusOf(card, coverage);
        const scored = status === 'scored';
        const p = s.probability[i];
        out.status.push(status);
        out.coverage.push(coverage);
        out.score.push(scored ? s.score[i] : null);
        out.band.push(scored ? BANDS[s.band[i]] : null);
        out.probability.push(scored && !Number.isNaN(p) ? p : null);
        out.base_score.push(s.base_score[i]);
        out.escalate.push(s.escalate[i] === 1);
        const fired = [];
        for (let k = 0; k < K; k++)
            if (s.fired[i * K + k])
                fired.push(s.overrides[k]);
        out.overrides.push(fired);
        const top = [];
        for (let r = 0; r < 3; r++) {
            const j = s.reasons[i * 3 + r];
            if (j >= 0)
                top.push(s.signals[j]);
        }
        out.reasons.push(top);
        const missing = [];
        for (let m = 0; m < M; m++)
            if (s.missing[i * M + m])
                missing.push(s.checked[m]);
        out.missing.push(missing);
        out.warnings.push(s.unknown_segment[i] ? [unknownSegmentWarning(card, segment[i])] : []);
    }
    return out;
}
function nullable(values) {
    const out = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
}
function rowByRow(score, req) {
    const out = empty(req);
    for (let i = 0; i < req.n; i++) {
        const signals = {};
        for (const name of INPUT_COLUMNS)
            signals[name] = req.table.columns[name][i] ?? null;
        const r = score(signals);
        const scored = r.status === 'scored';
        out.status.push(r.status);
        out.coverage.push(r.coverage);
        out.score.push(scored ? r.score : null);
        out.band.push(scored ? r.band : null);
        out.probability.push(scored ? r.probability : null);
        for (const [layer, v] of Object.entries(r.layers)) {
            out.layers[layer] ??= [];
            out.layers[layer].push(v);
        }
        out.overrides.push(r.overrides);
        out.reasons.push(r.reasons);
        out.escalate.push(r.escalate);
        out.base_score.push(r.base_score);
        out.missing.push(r.missing);
        out.warnings.push(r.warnings);
    }
    return out;
}
function modelOnly(req, model) {
    const out = empty(req);
    for (let i = 0; i < req.n; i++) {
        const scored = model.coverage[i] >= DEFAULT_MIN_COVERAGE - SCORE_EPSILON;
        out.status.push(scored ? 'scored' : 'insufficient_data');
        out.coverage.push(model.coverage[i]);
        out.score.push(null);
        out.band.push(null);
        out.probability.push(scored ? model.probability[i] : null);
        out.overrides.push([]);
        out.reasons.push(scored ? model.reasons[i].map((r) => r.feature) : []);
        out.escalate.push(false);
        out.base_score.push(null);
        out.missing.push(model.missing[i]);
        out.warnings.push([]);
    }
    return out;
}
/**
 * The answer's body: `churnkit score`'s column names, one array each, then what this issue's
 * answers add (status, coverage, missing, warnings; reasons in words; the model's). Rounded for
 * people unless `exact`. `fields` (the `fields` query parameter) keeps `account_id` and the
 * columns it names, and only those are computed: a client that needs scores and bands does not
 * pay for 30,000 sentences. A name the answer does not have is a 400 that lists the names.
 */
export function resultBody(r, signals, exact, fields) {
    const columns = {};
    for (const [name, produce] of answerColumns(r, signals, exact, fields))
        columns[name] = produce();
    return { n: r.account_id.length, columns };
}
/**
 * The same answer as `JSON.stringify(resultBody(...))`, byte for byte, as UTF-8, made one column
 * at a time: each column's values are computed, written as JSON and dropped before the next.
 * Built whole, a 10,000-account answer (30,000 sentences, 5 MB of JSON text) is alive all at once
 * and outgrows V8's young generation, which then copies it from space to space (and promotes it)
 * before it dies: that copying was half the route's CPU. Column by column, each column dies young.
 */
export function resultJson(r, signals, exact, fields) {
    const pieces = [Buffer.from(`{"n":${r.account_id.length},"columns":{`)];
    let sep = '';
    for (const [name, produce] of answerColumns(r, signals, exact, fields)) {
        pieces.push(Buffer.from(`${sep}${JSON.stringify(name)}:${JSON.stringify(produce())}`));
        sep = ',';
    }
    pieces.push(Buffer.from('}}'));
    return Buffer.concat(pieces);
}
/** The answer's columns in order, each with the function that computes it (only those `fields` keeps). */
function answerColumns(r, signals, exact, fields) {
    const one = (v) => (v === null || exact ? v : scoreForPeople(v));
    const four = (v) => (v === null || exact ? v : probabilityForPeople(v));
    const producers = [['account_id', () => r.account_id]];
    const names = r.account_name;
    if (names)
        producers.push(['account_name', () => names]);
    producers.push(['as_of', () => r.as_of], ['score', () => r.score.map(one)], ['band', () => r.band], ['probability', () => r.probability.map(four)]);
    for (const [layer, values] of Object.entries(r.layers))
        producers.push([`layer_${layer}`, () => values.map(one)]);
    producers.push(['overrides', () => r.overrides.map((o) => o.join(','))], ['reasons', () => r.reasons.map((o) => o.join(','))], ['escalate', () => r.escalate], ['base_score', () => r.base_score.map(one)], ['score_change', () => r.score_change.map(one)], ['status', () => r.status], ['coverage', () => (exact ? r.coverage : r.coverage.map((c) => significant(c, 4)))], ['missing', () => r.missing.map((m) => m.join(','))], ['warnings', () => r.warnings.map((w) => w.join('; '))]);
    for (let k = 0; k < MAX_REASONS; k++) {
        const feature = once(() => r.reasons.map((f) => f[k] ?? null));
        const value = once(() => feature().map((f, i) => (f === null ? null : (signals[f]?.[i] ?? null))));
        producers.push([`reason_${k + 1}`, feature], [`reason_${k + 1}_value`, value], [`reason_${k + 1}_text`, () => feature().map((f, i) => (f === null ? null : describeValue(f, value()[i])))]);
    }
    const expansion = r.expansion;
    if (expansion)
        producers.push(['expansion_probability', () => expansion.map(four)]);
    const model = r.model;
    if (model) {
        producers.push(['model_probability', () => model.probability.map(four)]);
        for (let k = 0; k < MODEL_REASONS; k++) {
            const reason = once(() => model.reasons.map((list) => list?.[k] ?? null));
            producers.push([`model_reason_${k + 1}`, () => reason().map((m) => m?.feature ?? null)], [`model_reason_${k + 1}_value`, () => reason().map((m) => m?.value ?? null)], [`model_reason_${k + 1}_text`, () => reason().map((m) => m?.text ?? null)]);
        }
    }
    let wanted = null;
    if (fields !== undefined) {
        const known = new Set(producers.map(([name]) => name));
        const unknown = fields.filter((f) => !known.has(f));
        if (unknown.length > 0)
            throw new HttpError(400, 'unknown_field', `fields names ${unknown.join(', ')}, which this answer does not have; it has ${[...known].join(', ')}`, '/fields');
        wanted = new Set(['account_id', ...fields]);
    }
    return wanted === null ? producers : producers.filter(([name]) => wanted.has(name));
}
/** A computation run the first time it is asked for, and remembered. */
function once(compute) {
    let done = false;
    let value;
    return () => {
        if (!done) {
            value = compute();
            done = true;
        }
        return value;
    };
}
//# sourceMappingURL=columns.js.map