/**
 * A scorecard compiled to one SQL query over a feature table, so a warehouse scores its accounts
 * in place. The query follows the reference scorer (src/scorecard/score.ts) step by step, one
 * CTE per step, with the same arithmetic in the same order: points per signal (rules, then the
 * missing policy, then bands), layer scores with missing weight redistributed, the composite,
 * overrides in three stages (first set, every cap, flags), band by segment thresholds, the
 * probability map, and the top three reasons. Its columns are `churnkit score`'s.
 *
 * Every identifier is quoted and every constant is a literal the compiler wrote itself: card
 * names and values never reach the SQL as raw text.
 */
import { quoteIdent } from '../data/index.js';
import { modelSql } from './model-sql.js';
import { FEATURES, SIGNALS } from '../features/index.js';
import { MAX_REASONS, SCORE_EPSILON, } from '../scorecard/index.js';
export const SQL_ENGINES = ['duckdb', 'postgres'];
const TYPES = new Map([
    ['segment', 'text'],
    ...FEATURES.map((f) => [f.name, 'number']),
    ...SIGNALS.map((s) => [s.name, s.type === 'boolean' ? 'boolean' : s.type === 'text' ? 'text' : 'number']),
]);
/** A column's type; one the contract does not know is read as a number. */
function typeOf(name) {
    // Stryker disable next-line StringLiteral: equivalent, every tag but boolean and text reads as a number
    return TYPES.get(name) ?? 'number';
}
/** WHEN clauses one after another (each ends in a parenthesis or a quote). */
function whens(clauses) {
    // Stryker disable next-line StringLiteral: equivalent, each clause ends in a parenthesis or a quote, so the SQL reads the same without the space
    return clauses.join(' ');
}
function quoteTable(table) {
    return table.split('.').map(quoteIdent).join('.');
}
function str(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** A double literal that both engines read back as the same double. */
function num(x) {
    if (!Number.isFinite(x))
        throw new RangeError(`not a finite number: ${x}`);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and <=, toExponential(17) writes every double exactly too: the plain form is for reading
    const text = Number.isInteger(x) && Math.abs(x) < 1e15 ? `${x}.0` : x.toExponential(17);
    return `CAST(${text} AS DOUBLE PRECISION)`;
}
class Compiler {
    dialect;
    constructor(dialect) {
        this.dialect = dialect;
    }
    col(name) {
        return quoteIdent(name);
    }
    /** The signal as a double: numbers as they are, booleans 1/0, NULL when missing. */
    numeric(name) {
        const c = this.col(name);
        const type = typeOf(name);
        if (type === 'boolean')
            return `(CASE WHEN ${c} THEN ${num(1)} WHEN NOT ${c} THEN ${num(0)} END)`;
        if (type === 'text')
            return `CAST(NULLIF(TRIM(${c}), '') AS DOUBLE PRECISION)`;
        return `CAST(${c} AS DOUBLE PRECISION)`;
    }
    truth(name) {
        const c = this.col(name);
        const type = typeOf(name);
        // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the numeric form of a boolean is 1, 0 or NULL, so <> 0 gives the same truth value
        if (type === 'boolean')
            return c;
        return `(${this.numeric(name)} <> 0)`;
    }
    /** The signal as text, NULL when missing or blank (as the scorer reads text), whatever the column's type. */
    text(name) {
        const t = `CAST(${this.col(name)} AS TEXT)`;
        return `(CASE WHEN TRIM(${t}) <> '' THEN ${t} END)`;
    }
    /** A condition as a SQL boolean that is never NULL (a comparison with a missing signal is false). */
    condition(c, score) {
        if ('all' in c)
            return `(${c.all.map((x) => this.condition(x, score)).join(' AND ')})`;
        if ('any' in c)
            return `(${c.any.map((x) => this.condition(x, score)).join(' OR ')})`;
        if ('score' in c) {
            // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, score is null only for points rules, where a validated card has no score comparison
            if (score === null)
                return 'FALSE';
            const v = c.score.value;
            const e = SCORE_EPSILON;
            switch (c.score.op) {
                case '<':
                    return `(${score} < ${num(v - e)})`;
                case '<=':
                    return `(${score} <= ${num(v + e)})`;
                case '>':
                    return `(${score} > ${num(v + e)})`;
                default:
                    return `(${score} >= ${num(v - e)})`;
            }
        }
        const type = typeOf(c.signal);
        if (c.op === 'is_null' || c.op === 'not_null') {
            const missing = type === 'text'
                ? `(${this.col(c.signal)} IS NULL OR TRIM(${this.col(c.signal)}) = '')`
                : `(${this.col(c.signal)} IS NULL)`;
            return c.op === 'is_null' ? missing : `(NOT ${missing})`;
        }
        const op = c.op === '!=' ? '<>' : c.op;
        let test;
        if (typeof c.value === 'number')
            test = `${this.numeric(c.signal)} ${op} ${num(c.value)}`;
        else if (typeof c.value === 'boolean')
            test = `${this.truth(c.signal)} ${op === '<>' ? '<>' : '='} ${c.value ? 'TRUE' : 'FALSE'}`;
        else
            test = `${this.text(c.signal)} ${op === '<>' ? '<>' : '='} ${str(String(c.value))}`;
        return `COALESCE(${test}, FALSE)`;
    }
    band(x, b) {
        const parts = [];
        // Stryker disable next-line ConditionalExpression: equivalent for false, the bands are tested in order, so a value below this band's lower edge went to an earlier band
        if (b.gt !== undefined)
            parts.push(`${x} > ${num(b.gt)}`);
        // Stryker disable next-line ConditionalExpression: equivalent for false, the bands are tested in order, so a value below this band's lower edge went to an earlier band
        if (b.gte !== undefined)
            parts.push(`${x} >= ${num(b.gte)}`);
        if (b.lt !== undefined)
            parts.push(`${x} < ${num(b.lt)}`);
        if (b.lte !== undefined)
            parts.push(`${x} <= ${num(b.lte)}`);
        return parts.length ? parts.join(' AND ') : 'TRUE';
    }
    /** Points of one signal; NULL when it is missing and its weight is redistributed. */
    points(s) {
        const x = this.numeric(s.feature);
        const clauses = [];
        for (const r of s.rules ?? [])
            clauses.push(`WHEN ${this.condition(r.when, null)} THEN ${num(r.points)}`);
        clauses.push(`WHEN ${x} IS NULL THEN ${s.missing.policy === 'points' ? num(s.missing.points) : 'CAST(NULL AS DOUBLE PRECISION)'}`);
        for (const b of s.points)
            clauses.push(`WHEN ${this.band(x, b)} THEN ${num(b.points)}`);
        return `(CASE ${whens(clauses)} END)`;
    }
}
/** Left-to-right sum, as the scorer adds. */
const sum = (terms) => (terms.length ? `(${terms.join(' + ')})` : num(0));
export function compileScorecardSql(card, options) {
    const c = new Compiler(options.dialect);
    const table = quoteTable(options.table ?? 'features');
    const signals = card.layers.flatMap((l, i) => l.signals.map((s, j) => ({ layer: i, signal: j, s, name: `p_${i}_${j}` })));
    const q = quoteIdent;
    // 1. points, and with per-segment weights each weight as a column picked by the row's segment
    const weightSegments = Object.entries(card.segment_weights ?? {});
    const bySegment = (global, own, column) => weightSegments.length
        ? `(CASE ${whens(weightSegments.map(([name, set]) => `WHEN ${c.text('segment')} = ${str(name)} THEN ${num(own(set))}`))} ELSE ${num(global)} END) AS ${q(column)}`
        : null;
    const weightCols = [
        ...card.layers.map((l, i) => bySegment(l.weight, (set) => set.layers[l.name].weight, `lw_${i}`)),
        ...signals.map((x) => bySegment(x.s.weight, (set) => set.layers[card.layers[x.layer].name].signals[x.s.feature], `sw_${x.layer}_${x.signal}`)),
    ].filter((x) => x !== null);
    const layerWeight = (i) => (weightSegments.length ? q(`lw_${i}`) : num(card.layers[i].weight));
    const signalWeight = (x) => weightSegments.length ? q(`sw_${x.layer}_${x.signal}`) : num(x.s.weight);
    const pointCols = [...signals.map((x) => `${c.points(x.s)} AS ${q(x.name)}`), ...weightCols];
    // 2. layers: weighted points over the weight of the present signals
    const layerCols = card.layers.flatMap((l, i) => {
        const mine = signals.filter((x) => x.layer === i);
        const present = sum(mine.map((x) => `(CASE WHEN ${q(x.name)} IS NOT NULL THEN ${signalWeight(x)} ELSE ${num(0)} END)`));
        const weighted = sum(mine.map((x) => `COALESCE(${signalWeight(x)} * ${q(x.name)}, ${num(0)})`));
        return [
            `${present} AS ${q(`w_${i}`)}`,
            `(CASE WHEN ${present} > 0 THEN ${weighted} / ${present} END) AS ${q(`layer_${l.name}`)}`,
        ];
    });
    // 3. the composite, clamped; no layer at all -> the card's no-data score
    const total = sum(card.layers.map((l, i) => `COALESCE(${layerWeight(i)} * ${q(`layer_${l.name}`)}, ${num(0)})`));
    const totalWeight = sum(card.layers.map((l, i) => `(CASE WHEN ${q(`layer_${l.name}`)} IS NOT NULL THEN ${layerWeight(i)} ELSE ${num(0)} END)`));
    const base = `(CASE WHEN ${totalWeight} > 0 THEN (CASE WHEN ${total} / ${totalWeight} < 0 THEN ${num(0)} WHEN ${total} / ${totalWeight} > 100 THEN ${num(100)} ELSE ${total} / ${totalWeight} END) ELSE ${num(card.no_data_score)} END)`;
    // 4. overrides: the first set that fires, every cap, then flags on the result
    const fired = (_o, k) => q(`o_${k}`);
    const stage = (kind, score) => card.overrides
        .map((o, k) => (o.action === kind ? `${c.condition(o.when, score)} AS ${fired(o, k)}` : null))
        .filter((x) => x !== null);
    const sets = card.overrides.map((o, k) => ({ o, k })).filter((x) => x.o.action === 'set');
    const afterSet = sets.length
        ? `(CASE ${whens(sets.map((x) => `WHEN ${fired(x.o, x.k)} THEN ${num(x.o.value)}`))} ELSE ${q('base_score')} END)`
        : q('base_score');
    let capped = q('after_set');
    card.overrides.forEach((o, k) => {
        if (o.action === 'cap')
            capped = `(CASE WHEN ${fired(o, k)} AND ${num(o.value)} < ${capped} THEN ${num(o.value)} ELSE ${capped} END)`;
    });
    // 5. band by the segment's thresholds
    const threshold = (which) => {
        const segs = Object.entries(card.bands.segments ?? {});
        const dflt = num(card.bands[which] - SCORE_EPSILON);
        if (!segs.length)
            return dflt;
        return `(CASE ${whens(segs.map(([name, t]) => `WHEN ${c.text('segment')} = ${str(name)} THEN ${num(t[which] - SCORE_EPSILON)}`))} ELSE ${dflt} END)`;
    };
    const s = q('score');
    const band = `(CASE WHEN ${s} >= ${threshold('green')} THEN 'GREEN' WHEN ${s} >= ${threshold('yellow')} THEN 'YELLOW' ELSE 'RED' END)`;
    // 6. probability: piecewise linear through the knots, flat outside
    let probability = 'CAST(NULL AS DOUBLE PRECISION)';
    if (card.probability.method === 'isotonic') {
        const { x, y } = card.probability;
        const last = x.length - 1;
        const clauses = [
            `WHEN ${s} <= ${num(x[0])} THEN ${num(y[0])}`,
            `WHEN ${s} >= ${num(x[last])} THEN ${num(y[last])}`,
        ];
        for (let k = 0; k < last; k++) {
            clauses.push(`WHEN ${s} < ${num(x[k + 1])} THEN ${num(y[k])} + ((${s} - ${num(x[k])}) * (${num(y[k + 1])} - ${num(y[k])})) / (${num(x[k + 1])} - ${num(x[k])})`);
        }
        probability = `(CASE ${whens(clauses)} END)`;
    }
    // 7. reasons: weighted points lost, most first, ties in card order. Each signal's rank is the
    // number of signals ahead of it, so the top three come from plain comparisons on the row
    // (a correlated subquery per row was 10x slower on both engines).
    const lostCols = signals.map((x, j) => {
        const l = card.layers[x.layer];
        const lost = `(${layerWeight(x.layer)} / ${q(`w_${x.layer}`)}) * ${signalWeight(x)} * (${num(100)} - ${q(x.name)})`;
        return `CASE WHEN ${q(`layer_${l.name}`)} IS NOT NULL AND ${q(x.name)} IS NOT NULL THEN ${lost} END AS ${q(`l_${j}`)}`;
    });
    const rankCols = signals.map((_, j) => {
        const ahead = signals
            .map((__, k) => 
        // Stryker disable next-line ConditionalExpression: equivalent for false, at k = j the term compares l_j > l_j, which never holds, and adds 0
        k === j
            ? null
            : // Stryker disable next-line EqualityOperator: equivalent for <=, k = j was left out just above
                `(CASE WHEN ${q(`l_${k}`)} > ${q(`l_${j}`)}${k < j ? ` OR ${q(`l_${k}`)} = ${q(`l_${j}`)}` : ''} THEN 1 ELSE 0 END)`)
            .filter((x) => x !== null);
        return `${ahead.length ? ahead.join(' + ') : '0'} AS ${q(`r_${j}`)}`;
    });
    const slot = (m) => `CASE ${whens(signals.map((x, j) => `WHEN ${q(`l_${j}`)} > 0 AND ${q(`r_${j}`)} = ${m} THEN ${str(x.s.feature)}`))} END`;
    // a validated card has at least one signal
    const reasons = `concat_ws(',', ${Array.from({ length: MAX_REASONS }, (_, m) => slot(m)).join(', ')})`;
    const overridesText = card.overrides.length
        ? `concat_ws(',', ${card.overrides.map((o, k) => `CASE WHEN ${fired(o, k)} THEN ${str(o.id)} END`).join(', ')})`
        : "''";
    // only flag overrides have a flag (validated)
    const escalators = card.overrides.map((o, k) => ({ o, k })).filter((x) => x.o.flag === 'escalate');
    const escalate = escalators.length ? `(${escalators.map((x) => fired(x.o, x.k)).join(' OR ')})` : 'FALSE';
    const layerOut = card.layers.map((l) => q(`layer_${l.name}`));
    // the model's network, one CTE per layer after the scorecard's steps
    const model = options.model
        ? modelSql(options.model, (name) => c.numeric(name), (name) => c.text(name), num)
        : null;
    // PostgreSQL inlines CTEs and would repeat every expression wherever a later step mentions it
    // (the query grows exponentially with the steps), so there each step is materialized; DuckDB
    // plans the chain well as it is and only pays for the copies.
    const m = options.dialect === 'postgres' ? 'MATERIALIZED ' : '';
    return `-- churnkit scorecard${card.name ? ` "${card.name.replace(/[\r\n]/g, ' ')}"` : ''} compiled for ${options.dialect}: one row per feature-table row, the columns of churnkit score
WITH points AS ${m}(
  SELECT *, ${pointCols.join(',\n    ')}
  FROM ${table}
), layers AS ${m}(
  SELECT *, ${layerCols.join(',\n    ')}
  FROM points
), composite AS ${m}(
  SELECT *, ${base} AS ${q('base_score')}
  FROM layers
), set_stage AS ${m}(
  SELECT *${stage('set', q('base_score'))
        .map((x) => `, ${x}`)
        .join('')}
  FROM composite
), cap_stage AS ${m}(
  SELECT *, ${afterSet} AS ${q('after_set')}
  FROM set_stage
), capped AS ${m}(
  SELECT *${stage('cap', q('after_set'))
        .map((x) => `, ${x}`)
        .join('')}
  FROM cap_stage
), scored AS ${m}(
  SELECT *, ${capped} AS ${q('score')}
  FROM capped
), flagged AS ${m}(
  SELECT *${stage('flag', q('score'))
        .map((x) => `, ${x}`)
        .join('')}
  FROM scored
), final AS ${m}(
  SELECT *, ${band} AS ${q('band')}, ${probability} AS ${q('probability')}
  FROM flagged
), losses AS ${m}(
  SELECT *, ${lostCols.join(',\n    ')}
  FROM final
), ranked AS ${m}(
  SELECT *, ${rankCols.join(',\n    ')}
  FROM losses
)${(model?.steps ?? []).map((step, k) => `, model_${k} AS ${m}(\n  SELECT *, ${step.map((x) => `${x.sql} AS ${q(x.name)}`).join(',\n    ')}\n  FROM ${k === 0 ? 'ranked' : `model_${k - 1}`}\n)`).join('')}
SELECT ${q('account_id')}, ${q('as_of')}, ${s}, ${q('band')}, ${q('probability')},
  ${layerOut.join(', ')},
  ${overridesText} AS ${q('overrides')},
  ${reasons} AS ${q('reasons')},
  ${escalate} AS ${q('escalate')},
  CASE WHEN LAG(${q('as_of')}) OVER w = ${q('as_of')} THEN NULL ELSE ${s} - LAG(${s}) OVER w END AS ${q('score_change')},
  ${q('base_score')}${model ? `,\n  ${q(model.output)} AS ${q('model_probability')}` : ''}
FROM ${model ? `model_${model.steps.length - 1}` : 'ranked'}
WINDOW w AS (PARTITION BY ${q('account_id')} ORDER BY ${q('as_of')})
`;
}
//# sourceMappingURL=scorecard-sql.js.map