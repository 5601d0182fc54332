/**
 * calibrateScorecard: fits a scorecard to observed churn (or distils a model) on a time split.
 *
 * - Fit slice (earlier as-of rows whose 90-day label window closes before the later slice
 *   starts): each signal's points (monotone bins, points linear in band log-odds) and the
 *   weights (non-negative logistic regression on lost points, or non-negative least squares
 *   on the model's margin), with account-level bootstrap intervals.
 * - Later slice: the isotonic score-to-probability map and the per-segment RAG thresholds
 *   (both monotone in the score, so they cannot change a ranking), and the evaluation: AUC of
 *   the calibrated card, the default card and the model, rank correlations, override report.
 *
 * The structure (layers, which signal sits where, directions, points rules, overrides) comes
 * from a base card, the framework default unless told otherwise.
 */
import { VERSION } from '../../util/index.js';
import { ChurnkitError, InputError, UsageError } from '../../util/index.js';
import { sampleRankCorrelation } from 'simple-statistics';
import { silentProgress } from '../../util/index.js';
import { numeric, textColumn } from '../../data/index.js';
import { LABEL_COLUMN, isOpportunityLabel } from '../../features/index.js';
import { dataFingerprint, notNumeric, takeRows, timeHoldout } from '../../learn/index.js';
import { parseScorecard } from '../validate.js';
import { scoreColumns } from '../compile.js';
import { pointsColumn } from '../points.js';
import { scorecardColumns } from '../inputs.js';
import { fitSignalPoints, round } from './binning.js';
import { fitNonNegative } from './nonneg.js';
import { bootstrapWeights, cardWeights } from './weights.js';
import { DEFAULT_THRESHOLD_RULE, fitProbabilityMap, rescaleOverrides, segmentThresholds, thresholdsFromCurve, } from './bands.js';
import { compareSegmentWeights, DEFAULT_SEGMENT_POOLING, fitSegmentWeights, } from './segments.js';
import { fidelityReport, overrideReport, } from './reports.js';
const MIN_FIT_POSITIVES = 10;
/**
 * The weight fit's L2 penalty on coefficients per unit of lost points: a Gaussian prior with
 * standard deviation ~3 (a signal's worst band at most ~e^6 times the odds of its best), which
 * only matters when a small slice lets one signal separate churners completely.
 */
export const DEFAULT_RIDGE = 0.1;
/**
 * The frame with the user's id, time and label columns also under churnkit's names, so that
 * the rest reads one set of names. A different column already holding a churnkit name is an error.
 */
function withContractNames(frame, table, names) {
    const columns = { ...frame.columns };
    const kinds = { ...frame.kinds };
    const added = [];
    for (const [ours, theirs] of Object.entries(names)) {
        if (ours === theirs)
            continue;
        const col = frame.columns[theirs];
        if (col === undefined)
            throw new InputError({ table, column: theirs }, `is not in the table (columns: ${frame.names.join(', ')})`);
        // The churn label of a table that also holds the expansion label is not read: the named label replaces it.
        if (frame.columns[ours] !== undefined && ours !== LABEL_COLUMN)
            throw new InputError({ table, column: ours }, `is in the table but ${theirs} was named instead; rename one of them`);
        if (frame.columns[ours] === undefined)
            added.push(ours);
        columns[ours] = col;
        kinds[ours] = frame.kinds[theirs];
    }
    return { n: frame.n, names: [...frame.names, ...added], kinds, columns };
}
/** The user's signal columns: present, numeric or boolean, listed once, none of the key columns. */
function checkCustomColumns(frame, columns, table) {
    if (columns.length === 0)
        throw new UsageError('--columns is empty');
    for (const c of columns) {
        if (frame.columns[c] === undefined)
            throw new InputError({ table, column: c }, `is not in the table (columns: ${frame.names.join(', ')})`);
        if (!(frame.columns[c] instanceof Float64Array))
            throw notNumeric(frame, c, table, {
                need: 'not a number or a boolean: a scorecard signal gets points by bands of its value',
            });
        if (['account_id', 'as_of', LABEL_COLUMN].includes(c))
            throw new UsageError(`--columns: ${c} is the id, time or label column, not a signal`);
    }
    const dup = columns.find((c, k) => columns.indexOf(c) !== k);
    if (dup)
        throw new UsageError(`--columns: ${dup} is listed twice`);
    return [...columns];
}
/**
 * A one-layer card over the user's columns, each signal's direction from its rank correlation
 * with the target on the fit slice (churn, or the model's margin: higher means riskier).
 */
function customBase(columns, fit, target) {
    return parseScorecard({
        kind: 'churnkit.scorecard',
        version: 1,
        name: 'custom',
        layers: [
            {
                name: 'custom',
                weight: 1,
                signals: columns.map((feature) => {
                    const x = numeric(fit, feature);
                    const xs = [];
                    const ts = [];
                    for (let i = 0; i < fit.n; i++)
                        if (!Number.isNaN(x[i])) {
                            xs.push(x[i]);
                            ts.push(target[i]);
                        }
                    const rho = xs.length > 2 ? sampleRankCorrelation(xs, ts) : 0;
                    return {
                        feature,
                        weight: 1 / columns.length,
                        direction: rho < 0 ? 'higher_is_safer' : 'higher_is_riskier',
                        points: [{ points: 100 }],
                        missing: { policy: 'redistribute' },
                    };
                }),
            },
        ],
        no_data_score: 50,
        overrides: [],
        bands: { green: 70, yellow: 40 },
        probability: { method: 'none' },
        provenance: { churnkit_version: VERSION, source: 'manual' },
    });
}
function sliceSummary(rows, y, asOf) {
    let positives = 0;
    let from;
    let to;
    for (const i of rows) {
        if (y[i] === 1)
            positives++;
        const t = asOf[i];
        if (from === undefined || t < from)
            from = t;
        if (to === undefined || t > to)
            to = t;
    }
    return { rows: rows.length, positives, ...(from ? { as_of_from: from, as_of_to: to } : {}) };
}
export function calibrateScorecard(input, options) {
    const table = options.table ?? 'features';
    const progress = options.progress ?? silentProgress;
    const horizon = options.horizon ?? 90;
    const seed = options.seed ?? 0;
    const warnings = [];
    const label = options.label ?? LABEL_COLUMN;
    // An opportunity label (expansion): the card's score must rise with it, as a health score rises
    // with renewal and growth, so everything below fits "no expansion" as the event the score falls
    // towards; bands are read off the expansion curve and there is no probability map (a card's map
    // falls with the score; the expansion probability is a model's, `score --expansion-model`).
    const opportunity = isOpportunityLabel(label);
    const named = withContractNames(input, table, {
        account_id: options.idColumn ?? 'account_id',
        as_of: options.timeColumn ?? 'as_of',
        [LABEL_COLUMN]: label,
    });
    const frame = opportunity
        ? {
            ...named,
            columns: {
                ...named.columns,
                [LABEL_COLUMN]: Float64Array.from(numeric(named, LABEL_COLUMN), (v) => (v === 0 || v === 1 ? 1 - v : v)),
            },
        }
        : named;
    const custom = options.columns ? checkCustomColumns(frame, options.columns, table) : null;
    let base = options.base;
    const fixedReference = options.reference ?? null;
    if (!custom && !fixedReference)
        throw new UsageError('calibrate: a reference card is needed unless --columns is given');
    for (const column of new Set([
        'account_id',
        'as_of',
        LABEL_COLUMN,
        ...(custom ?? scorecardColumns(base)),
        ...(fixedReference ? scorecardColumns(fixedReference) : []),
    ]))
        if (frame.columns[column] === undefined)
            throw new InputError({ table, column }, 'is not in the table, and calibration reads it');
    const y = numeric(frame, LABEL_COLUMN);
    const asOf = textColumn(frame, 'as_of');
    const labeled = [];
    for (let i = 0; i < frame.n; i++) {
        const v = y[i];
        if (Number.isNaN(v))
            continue;
        if (v !== 0 && v !== 1)
            throw new InputError({ table, row: i + 1, column: LABEL_COLUMN }, `must be 0, 1 or NULL, got ${v}`);
        if (asOf[i] === null)
            throw new InputError({ table, row: i + 1, column: 'as_of' }, 'is empty on a labeled row');
        labeled.push(i);
    }
    if (labeled.length === 0)
        throw new ChurnkitError(`${table}: no row has a ${LABEL_COLUMN} label (all censored); calibration needs observed churn`, 2);
    const split = timeHoldout(labeled, asOf, options.holdout ?? 0.3, horizon);
    if (!split || split.train.length === 0)
        throw new ChurnkitError(`${table}: calibration needs labeled rows on at least two as_of dates more than ${horizon} days apart (fit on the earlier, evaluate on the later)`, 2);
    const fitRows = split.train;
    const laterRows = split.holdout;
    const fitSlice = sliceSummary(fitRows, y, asOf);
    const laterSlice = sliceSummary(laterRows, y, asOf);
    if (fitSlice.positives < MIN_FIT_POSITIVES || fitSlice.rows - fitSlice.positives < MIN_FIT_POSITIVES)
        throw new ChurnkitError(`${table}: the fit slice (as_of ${fitSlice.as_of_from}..${fitSlice.as_of_to}) has ${fitSlice.positives} churners in ${fitSlice.rows} rows; calibration needs at least ${MIN_FIT_POSITIVES} of each class`, 2);
    if (laterSlice.positives === 0 || laterSlice.positives === laterSlice.rows)
        throw new ChurnkitError(`${table}: the later slice (as_of ${laterSlice.as_of_from}..${laterSlice.as_of_to}) has only one class; calibration needs churners and renewals there`, 2);
    const columns = [
        ...new Set([
            'account_id',
            'as_of',
            LABEL_COLUMN,
            ...(custom ?? scorecardColumns(base)),
            ...(fixedReference ? scorecardColumns(fixedReference) : []),
            ...(frame.columns['segment'] ? ['segment'] : []),
        ]),
    ];
    const fit = takeRows(frame, fitRows, columns);
    const later = takeRows(frame, laterRows, columns);
    const yFit = numeric(fit, LABEL_COLUMN);
    const yLater = numeric(later, LABEL_COLUMN);
    let margin = null;
    let marginLater = null;
    if (options.model) {
        progress.start('scoring rows with the model');
        const predicted = options.model.predictMargin(frame, table);
        const all = opportunity ? predicted.map((m) => -m) : predicted;
        margin = Float64Array.from(fitRows, (i) => all[i]);
        marginLater = Float64Array.from(laterRows, (i) => all[i]);
        for (let k = 0; k < margin.length; k++)
            if (!Number.isFinite(margin[k]))
                throw new ChurnkitError(`${table}: the model gives no finite margin on row ${fitRows[k] + 1}`, 2);
    }
    const loss = margin ? 'squared' : 'logistic';
    const target = margin ?? yFit;
    if (custom)
        base = customBase(custom, fit, target);
    // 1. points per signal, on the fit slice
    progress.start('fitting points per signal');
    const binning = { maxBins: options.maxBins ?? 5, minBinShare: options.minBinShare ?? 0.05 };
    const fittedSignals = base.layers.map((layer) => layer.signals.map((signal) => {
        const fitted = fitSignalPoints(signal, fit, target, yFit, margin !== null, binning);
        if (!fitted)
            warnings.push(`${signal.feature} is NULL on every row of the fit slice: it gets no weight`);
        return fitted ?? { ...signal, points: [{ points: 100 }], missing: { policy: 'redistribute' } };
    }));
    // 2. weights: lost points per signal, missing-and-redistributed imputed at the signal's mean
    progress.start('fitting weights');
    const flat = fittedSignals.flat();
    const groups = [];
    let k = 0;
    for (const layer of fittedSignals)
        groups.push(layer.map(() => k++));
    const Z = flat.map((signal) => {
        const p = pointsColumn(signal, fit);
        let sum = 0;
        let count = 0;
        for (const v of p)
            if (!Number.isNaN(v)) {
                sum += v;
                count++;
            }
        const mean = count > 0 ? sum / count : 100;
        return Float64Array.from(p, (v) => (100 - (Number.isNaN(v) ? mean : v)) / 100);
    });
    const ridge = options.ridge ?? DEFAULT_RIDGE;
    const full = fitNonNegative(Z, target, loss, { ridge });
    if (!(full.coef.reduce((a, b) => a + b, 0) > 0))
        throw new ChurnkitError(`${table}: no signal separates churners from renewals in the fit slice; nothing to weigh`, 2);
    const weights = cardWeights(full, groups);
    const resamples = options.bootstrap ?? 200;
    progress.start('bootstrapping weight intervals', resamples);
    const intervals = bootstrapWeights(Z, target, loss, textColumn(fit, 'account_id'), groups, full, resamples, seed, ridge, (d) => progress.tick(d));
    let segmentFit = null;
    const pooling = options.pooling ?? DEFAULT_SEGMENT_POOLING;
    if (options.bySegment) {
        if (!(pooling >= 0))
            throw new UsageError(`--pooling must be 0 or more, got ${pooling}`);
        if (!fit.columns['segment'])
            throw new InputError({ table, column: 'segment' }, 'is not in the table, and calibrate --by segment reads it');
        progress.start('fitting weights per segment');
        segmentFit = fitSegmentWeights({
            Z,
            target,
            labels: yFit,
            loss,
            ridge,
            segments: textColumn(fit, 'segment'),
            groups,
            layerNames: base.layers.map((l) => l.name),
            features: fittedSignals.map((layer) => layer.map((sg) => sg.feature)),
            global: weights.effective,
            pooling,
        });
        if (segmentFit.fits.length === 0)
            throw new InputError({ table, column: 'segment' }, 'is empty on every row of the fit slice: no segment to fit');
    }
    const bySegment = segmentFit ? { segment_weights: segmentFit.weights, segment_pooling: pooling } : {};
    const layers = base.layers.map((layer, l) => ({
        name: layer.name,
        weight: weights.layer[l],
        ...(intervals ? { weight_ci90: intervals.layer[l] } : {}),
        ...(layer.description ? { description: layer.description } : {}),
        signals: fittedSignals[l].map((signal, j) => ({
            feature: signal.feature,
            weight: weights.signal[l][j],
            ...(intervals ? { weight_ci90: intervals.signal[l][j] } : {}),
            direction: signal.direction,
            ...(signal.rules ? { rules: signal.rules } : {}),
            points: signal.points,
            missing: signal.missing,
        })),
    }));
    // 3. on the later slice: band thresholds from the churn curve of the composite (before
    // overrides), override values moved with the bands, then the probability map of the final score
    progress.start('calibrating bands and probability on the later slice');
    const { segment_weights: _baseSegmentWeights, segment_pooling: _basePooling, ...baseRest } = base;
    const draft = parseScorecard({
        ...baseRest,
        layers,
        ...bySegment,
        overrides: [],
        probability: { method: 'none' },
        bands: { green: base.bands.green, yellow: base.bands.yellow },
    });
    const laterScores = scoreColumns(draft, later).score;
    const baseCurve = fitProbabilityMap(laterScores, yLater, laterSlice);
    const baseRate = laterSlice.positives / laterSlice.rows;
    const rule = options.thresholds ?? DEFAULT_THRESHOLD_RULE;
    const overall = thresholdsFromCurve(baseCurve, baseRate, rule, opportunity);
    const minSegmentRows = options.minSegmentRows ?? 200;
    const minSegmentChurners = options.minSegmentChurners ?? 10;
    const { segments, notes: segmentNotes } = segmentThresholds(laterScores, yLater, later.columns['segment'] ? textColumn(later, 'segment') : null, overall, baseRate, rule, minSegmentRows, minSegmentChurners, opportunity);
    const known = frame.columns['segment']
        ? [...new Set(textColumn(frame, 'segment').filter((v) => v !== null))].sort()
        : [];
    const bands = {
        green: overall.green,
        yellow: overall.yellow,
        ...(Object.keys(segments).length ? { segments } : {}),
        ...(known.length ? { known_segments: known } : {}),
        method: opportunity
            ? `GREEN from the first composite score (before overrides) whose ${label} probability (isotonic, later slice) is at least ${rule.redRisk}x the base rate ${round(1 - baseRate, 6)}; RED below the first score over ${rule.greenRisk}x; per segment with at least ${minSegmentRows} rows and ${minSegmentChurners} rows with the label`
            : `RED below the first composite score (before overrides) whose churn probability (isotonic, later slice) is under ${rule.redRisk}x the base rate ${round(baseRate, 6)}; GREEN from the first score at or under ${rule.greenRisk}x; per segment with at least ${minSegmentRows} rows and ${minSegmentChurners} churners`,
    };
    const overrides = rescaleOverrides(base.overrides, base.bands, overall);
    const finalScores = scoreColumns(parseScorecard({ ...draft, overrides, bands }), later).score;
    const probability = opportunity
        ? { method: 'none' }
        : fitProbabilityMap(finalScores, yLater, laterSlice);
    if (opportunity)
        warnings.push(`${label} is an opportunity: the card's score rises with it (GREEN = most likely), and it has no probability map; a model trained on ${label} gives the probability (score --expansion-model)`);
    // With the user's own columns the reference is the same signals and points at equal weights:
    // what fitting the weights adds.
    const reference = fixedReference ??
        parseScorecard({
            ...draft,
            name: 'equal weights',
            segment_weights: undefined,
            segment_pooling: undefined,
            layers: draft.layers.map((l) => ({
                ...l,
                weight: 1 / draft.layers.length,
                signals: l.signals.map((sg) => ({ ...sg, weight: 1 / l.signals.length })),
            })),
        });
    const modelArtifact = options.model ? options.model.toArtifact() : undefined;
    const provenance = {
        churnkit_version: VERSION,
        source: 'calibrate',
        target: margin
            ? `${opportunity ? 'minus the ' : ''}margin of the ${options.model.family} model (distilled)`
            : opportunity
                ? `observed ${label}, as an opportunity: the score rises with it`
                : `observed churn (${label})`,
        ...(opportunity ? { label, outcome: 'opportunity' } : {}),
        fit_slice: fitSlice,
        calibration_slice: laterSlice,
        embargoed_rows: split.embargoed,
        horizon_days: horizon,
        seed,
        bootstrap_resamples: intervals?.resamples ?? 0,
        data_fingerprint: dataFingerprint(frame, columns, labeled),
        base: custom ? `columns: ${custom.join(', ')}` : (base.name ?? base.provenance.source),
        override_scale: {
            note: 'override values and score conditions moved with the bands, piecewise linear through 0, yellow, green, 100',
            from: { yellow: base.bands.yellow, green: base.bands.green },
            to: overall,
        },
        ...(segmentFit
            ? {
                segment_weights: `each segment's own non-negative fit on its fit-slice rows, pooled toward the global weights: churners / (churners + ${pooling}) of its own`,
            }
            : {}),
        ...(modelArtifact
            ? {
                model: {
                    family: modelArtifact.family,
                    data_fingerprint: modelArtifact.provenance.data_fingerprint,
                    as_of_to: modelArtifact.provenance.as_of_to ?? null,
                },
            }
            : {}),
        method: 'points: quantile bins per signal, isotonic in the signal direction, points linear in band log-odds (worst band 0, best 100); ' +
            `weights: non-negative ${loss === 'logistic' ? 'logistic regression of churn' : 'least squares of the model margin'} on lost points (L2 ${ridge}), account-level bootstrap 90% intervals`,
    };
    const card = parseScorecard({
        kind: 'churnkit.scorecard',
        version: 1,
        name: 'calibrated',
        description: `Calibrated by churnkit ${VERSION} on ${fitSlice.rows} rows (as_of ${fitSlice.as_of_from}..${fitSlice.as_of_to}); probability and bands on ${laterSlice.rows} later rows (as_of ${laterSlice.as_of_from}..${laterSlice.as_of_to}).`,
        layers,
        ...bySegment,
        no_data_score: base.no_data_score,
        overrides,
        bands,
        probability,
        provenance,
        ...(options.embedModel && modelArtifact ? { model: modelArtifact } : {}),
    });
    if (modelArtifact?.provenance.as_of_to &&
        laterSlice.as_of_from &&
        modelArtifact.provenance.as_of_to >= laterSlice.as_of_from)
        warnings.push(`the model was trained on rows up to ${modelArtifact.provenance.as_of_to}, inside the later slice (from ${laterSlice.as_of_from}): its AUC there is in-sample`);
    progress.start('evaluating on the later slice');
    const fidelity = fidelityReport({
        card,
        reference,
        referenceName: fixedReference
            ? fixedReference.name && fixedReference.name !== 'default'
                ? `the scorecard "${fixedReference.name}"`
                : 'the default scorecard'
            : 'equal weights (the same signals and points, every weight equal)',
        later,
        y: yLater,
        modelMargin: marginLater,
        modelFamily: options.model?.family ?? null,
        slices: { fit: fitSlice, later: laterSlice, embargoed: split.embargoed },
        fitWeights: weights.effective,
        intervals,
        target: provenance.target,
        segmentNotes,
    });
    if (segmentFit) {
        const { segment_weights: _w, segment_pooling: _k, ...globalCard } = card;
        fidelity.segment_weights = compareSegmentWeights({
            pooling,
            fits: segmentFit.fits,
            y: yLater,
            segments: later.columns['segment'] ? textColumn(later, 'segment') : [],
            bySegment: scoreColumns(card, later).score,
            global: scoreColumns(parseScorecard(globalCard), later).score,
        });
    }
    return { card, fidelity, overrides: overrideReport(card, later, yLater, laterSlice), warnings };
}
//# sourceMappingURL=calibrate.js.map